package org.deskphone.sip;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SIP account as the configuration describes it. Built by {@link SipConfiguration} from the
 * configuration store (both dialects' names are listed there), or by {@link #builder(int)} in tests and
 * the {@code call} command. {@link #toString()} never shows the password.
 */
public final class AccountSettings {
    private final int index;
    private final boolean enabled;
    private final String label;
    private final String displayName;
    private final String userName;
    private final String authName;
    private final String password;
    private final ServerTransport transport;
    private final List<ServerSettings> servers;
    private final int renewalPercent;
    private final Duration retryInterval;
    private final boolean rport;
    private final Duration keepAlive;
    private final List<Integer> codecOrder;
    private final Map<Integer, Integer> codecPayloadTypes;
    private final int opusBandwidth;
    private final int ptime;
    private final DtmfMode dtmfMode;
    private final int dtmfPayloadType;
    private final DtmfInfoBody dtmfInfoBody;
    private final SrtpMode srtpMode;
    private final List<IdentitySource> callerIdOrder;
    private final boolean anonymousCalls;
    private final boolean rejectAnonymous;
    private final boolean subscribeMwi;
    private final Duration mwiExpires;
    private final Optional<String> voicemail;
    private final boolean autoAnswer;
    private final boolean userEqualsPhone;

    private AccountSettings(Builder b) {
        this.index = b.index;
        this.enabled = b.enabled;
        this.label = b.label;
        this.displayName = b.displayName;
        this.userName = b.userName;
        this.authName = b.authName;
        this.password = b.password;
        this.transport = b.transport;
        this.servers = List.copyOf(b.servers);
        this.renewalPercent = b.renewalPercent;
        this.retryInterval = b.retryInterval;
        this.rport = b.rport;
        this.keepAlive = b.keepAlive;
        this.codecOrder = List.copyOf(b.codecOrder);
        this.codecPayloadTypes = Map.copyOf(b.codecPayloadTypes);
        this.opusBandwidth = b.opusBandwidth;
        this.ptime = b.ptime;
        this.dtmfMode = b.dtmfMode;
        this.dtmfPayloadType = b.dtmfPayloadType;
        this.dtmfInfoBody = b.dtmfInfoBody;
        this.srtpMode = b.srtpMode;
        this.callerIdOrder = List.copyOf(b.callerIdOrder);
        this.anonymousCalls = b.anonymousCalls;
        this.rejectAnonymous = b.rejectAnonymous;
        this.subscribeMwi = b.subscribeMwi;
        this.mwiExpires = b.mwiExpires;
        this.voicemail = b.voicemail;
        this.autoAnswer = b.autoAnswer;
        this.userEqualsPhone = b.userEqualsPhone;
        if (index < 1) {
            throw new IllegalArgumentException("account index must be 1 or more: " + index);
        }
        if (userName.isEmpty()) {
            throw new IllegalArgumentException("account " + index + " has no user name");
        }
        if (servers.size() > 2) {
            throw new IllegalArgumentException("account " + index + " has " + servers.size() + " servers; at most 2");
        }
        if (renewalPercent < 1 || renewalPercent > 99) {
            throw new IllegalArgumentException("account " + index + ": renewal proportion must be 1-99 %, not " + renewalPercent);
        }
        if (ptime < 10 || ptime > 60 || ptime % 10 != 0) {
            throw new IllegalArgumentException("account " + index + ": ptime must be 10-60 ms in steps of 10, not " + ptime);
        }
        if (dtmfPayloadType < 96 || dtmfPayloadType > 127) {
            throw new IllegalArgumentException("account " + index + ": DTMF payload type must be 96-127, not " + dtmfPayloadType);
        }
        try {
            codecs();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("account " + index + ": " + e.getMessage(), e);
        }
    }

    public static Builder builder(int index) {
        return new Builder(index);
    }

    public Builder toBuilder() {
        Builder b = new Builder(index);
        b.enabled = enabled;
        b.label = label;
        b.displayName = displayName;
        b.userName = userName;
        b.authName = authName;
        b.password = password;
        b.transport = transport;
        b.servers = new ArrayList<>(servers);
        b.renewalPercent = renewalPercent;
        b.retryInterval = retryInterval;
        b.rport = rport;
        b.keepAlive = keepAlive;
        b.codecOrder = new ArrayList<>(codecOrder);
        b.codecPayloadTypes = new HashMap<>(codecPayloadTypes);
        b.opusBandwidth = opusBandwidth;
        b.ptime = ptime;
        b.dtmfMode = dtmfMode;
        b.dtmfPayloadType = dtmfPayloadType;
        b.dtmfInfoBody = dtmfInfoBody;
        b.srtpMode = srtpMode;
        b.callerIdOrder = new ArrayList<>(callerIdOrder);
        b.anonymousCalls = anonymousCalls;
        b.rejectAnonymous = rejectAnonymous;
        b.subscribeMwi = subscribeMwi;
        b.mwiExpires = mwiExpires;
        b.voicemail = voicemail;
        b.autoAnswer = autoAnswer;
        b.userEqualsPhone = userEqualsPhone;
        return b;
    }

    /** 1-based, as in the manuals' {@code account.X} / {@code AccountX}. */
    public int index() {
        return index;
    }

    public boolean enabled() {
        return enabled;
    }

    public String label() {
        return label.isEmpty() ? userName : label;
    }

    public String displayName() {
        return displayName;
    }

    /** The user part of the address of record. */
    public String userName() {
        return userName;
    }

    /** The digest user name; the user name when none is configured. */
    public String authName() {
        return authName.isEmpty() ? userName : authName;
    }

    String password() {
        return password;
    }

    public ServerTransport transport() {
        return transport;
    }

    /** Server 1 and, when configured, server 2. Empty for an account that only calls IP addresses. */
    public List<ServerSettings> servers() {
        return servers;
    }

    public boolean registers() {
        return !servers.isEmpty();
    }

    /** The domain of the address of record: server 1's address. */
    public Optional<HostPort> domain() {
        return servers.isEmpty() ? Optional.empty() : Optional.of(servers.get(0).address());
    }

    public int renewalPercent() {
        return renewalPercent;
    }

    public Duration retryInterval() {
        return retryInterval;
    }

    public boolean rport() {
        return rport;
    }

    /** NAT keep-alive period; zero for none. */
    public Duration keepAlive() {
        return keepAlive;
    }

    /** Codecs in priority order, as the ALE manual's payload-type codes (seed L5024). */
    public List<Integer> codecOrder() {
        return codecOrder;
    }

    /** The codec order with the payload types, Opus bandwidth and telephone-event type the media needs. */
    public CodecPreferences codecs() {
        return new CodecPreferences(codecOrder, codecPayloadTypes, opusBandwidth, dtmfPayloadType);
    }

    public int ptime() {
        return ptime;
    }

    public DtmfMode dtmfMode() {
        return dtmfMode;
    }

    public int dtmfPayloadType() {
        return dtmfPayloadType;
    }

    public DtmfInfoBody dtmfInfoBody() {
        return dtmfInfoBody;
    }

    public SrtpMode srtpMode() {
        return srtpMode;
    }

    public List<IdentitySource> callerIdOrder() {
        return callerIdOrder;
    }

    public boolean anonymousCalls() {
        return anonymousCalls;
    }

    public boolean rejectAnonymous() {
        return rejectAnonymous;
    }

    public boolean subscribeMwi() {
        return subscribeMwi;
    }

    public Duration mwiExpires() {
        return mwiExpires;
    }

    public Optional<String> voicemail() {
        return voicemail;
    }

    public boolean autoAnswer() {
        return autoAnswer;
    }

    public boolean userEqualsPhone() {
        return userEqualsPhone;
    }

    @Override
    public String toString() {
        return "account " + index + " " + userName + (servers.isEmpty() ? "" : "@" + servers.get(0).address())
                + " (" + transport + (enabled ? "" : ", disabled") + ", password " + (password.isEmpty() ? "empty" : "set") + ")";
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AccountSettings)) {
            return false;
        }
        AccountSettings o = (AccountSettings) other;
        return index == o.index && enabled == o.enabled && label.equals(o.label) && displayName.equals(o.displayName)
                && userName.equals(o.userName) && authName.equals(o.authName) && password.equals(o.password)
                && transport == o.transport && servers.equals(o.servers) && renewalPercent == o.renewalPercent
                && retryInterval.equals(o.retryInterval) && rport == o.rport && keepAlive.equals(o.keepAlive)
                && codecOrder.equals(o.codecOrder) && codecPayloadTypes.equals(o.codecPayloadTypes)
                && opusBandwidth == o.opusBandwidth && ptime == o.ptime && dtmfMode == o.dtmfMode
                && dtmfPayloadType == o.dtmfPayloadType && dtmfInfoBody == o.dtmfInfoBody && srtpMode == o.srtpMode
                && callerIdOrder.equals(o.callerIdOrder) && anonymousCalls == o.anonymousCalls
                && rejectAnonymous == o.rejectAnonymous && subscribeMwi == o.subscribeMwi && mwiExpires.equals(o.mwiExpires)
                && voicemail.equals(o.voicemail) && autoAnswer == o.autoAnswer && userEqualsPhone == o.userEqualsPhone;
    }

    @Override
    public int hashCode() {
        return Objects.hash(index, userName, servers, transport);
    }

    /** Defaults follow the manuals; each setter names its parameter in {@link SipConfiguration}. */
    public static final class Builder {
        private final int index;
        private boolean enabled = true;
        private String label = "";
        private String displayName = "";
        private String userName = "";
        private String authName = "";
        private String password = "";
        private ServerTransport transport = ServerTransport.UDP;
        private List<ServerSettings> servers = new ArrayList<>();
        private int renewalPercent = 50;
        private Duration retryInterval = Duration.ofSeconds(30);
        private boolean rport;
        private Duration keepAlive = Duration.ZERO;
        private List<Integer> codecOrder = new ArrayList<>(List.of(0, 8, 18, 9, 98));
        private Map<Integer, Integer> codecPayloadTypes = new HashMap<>();
        private int opusBandwidth = 1;
        private int ptime = 20;
        private DtmfMode dtmfMode = DtmfMode.RFC4733;
        private int dtmfPayloadType = 101;
        private DtmfInfoBody dtmfInfoBody = DtmfInfoBody.DTMF_RELAY;
        private SrtpMode srtpMode = SrtpMode.NONE;
        private List<IdentitySource> callerIdOrder = new ArrayList<>(List.of(IdentitySource.PAI, IdentitySource.RPID, IdentitySource.FROM));
        private boolean anonymousCalls;
        private boolean rejectAnonymous;
        private boolean subscribeMwi;
        private Duration mwiExpires = Duration.ofSeconds(3600);
        private Optional<String> voicemail = Optional.empty();
        private boolean autoAnswer;
        private boolean userEqualsPhone;

        private Builder(int index) {
            this.index = index;
        }

        public Builder enabled(boolean value) {
            enabled = value;
            return this;
        }

        public Builder label(String value) {
            label = Objects.requireNonNull(value);
            return this;
        }

        public Builder displayName(String value) {
            displayName = Objects.requireNonNull(value);
            return this;
        }

        public Builder userName(String value) {
            userName = Objects.requireNonNull(value).trim();
            return this;
        }

        public Builder authName(String value) {
            authName = Objects.requireNonNull(value).trim();
            return this;
        }

        public Builder password(String value) {
            password = Objects.requireNonNull(value);
            return this;
        }

        public Builder transport(ServerTransport value) {
            transport = Objects.requireNonNull(value);
            return this;
        }

        public Builder servers(List<ServerSettings> value) {
            servers = new ArrayList<>(value);
            return this;
        }

        public Builder server(ServerSettings value) {
            servers.add(value);
            return this;
        }

        public Builder renewalPercent(int value) {
            renewalPercent = value;
            return this;
        }

        public Builder retryInterval(Duration value) {
            retryInterval = Objects.requireNonNull(value);
            return this;
        }

        public Builder rport(boolean value) {
            rport = value;
            return this;
        }

        public Builder keepAlive(Duration value) {
            keepAlive = Objects.requireNonNull(value);
            return this;
        }

        public Builder codecOrder(List<Integer> value) {
            codecOrder = new ArrayList<>(value);
            return this;
        }

        /** The payload type to offer the codec of ALE code {@code code} with (a dynamic one, 96-127). */
        public Builder codecPayloadType(int code, int payloadType) {
            codecPayloadTypes.put(code, payloadType);
            return this;
        }

        /** 0 narrowband, 1 wideband, 2 super-wideband (ALE {@code AccountXOpusBandwidth}, seed L5046). */
        public Builder opusBandwidth(int value) {
            opusBandwidth = value;
            return this;
        }

        public Builder ptime(int value) {
            ptime = value;
            return this;
        }

        public Builder dtmfMode(DtmfMode value) {
            dtmfMode = Objects.requireNonNull(value);
            return this;
        }

        public Builder dtmfPayloadType(int value) {
            dtmfPayloadType = value;
            return this;
        }

        public Builder dtmfInfoBody(DtmfInfoBody value) {
            dtmfInfoBody = Objects.requireNonNull(value);
            return this;
        }

        public Builder srtpMode(SrtpMode value) {
            srtpMode = Objects.requireNonNull(value);
            return this;
        }

        public Builder callerIdOrder(List<IdentitySource> value) {
            callerIdOrder = new ArrayList<>(value);
            return this;
        }

        public Builder anonymousCalls(boolean value) {
            anonymousCalls = value;
            return this;
        }

        public Builder rejectAnonymous(boolean value) {
            rejectAnonymous = value;
            return this;
        }

        public Builder subscribeMwi(boolean value) {
            subscribeMwi = value;
            return this;
        }

        public Builder mwiExpires(Duration value) {
            mwiExpires = Objects.requireNonNull(value);
            return this;
        }

        public Builder voicemail(String value) {
            voicemail = value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
            return this;
        }

        public Builder autoAnswer(boolean value) {
            autoAnswer = value;
            return this;
        }

        public Builder userEqualsPhone(boolean value) {
            userEqualsPhone = value;
            return this;
        }

        public AccountSettings build() {
            return new AccountSettings(this);
        }
    }
}
