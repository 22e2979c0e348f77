package org.deskphone.sip;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the user agent reads from the configuration: phone-wide SIP settings and the accounts.
 * Built by {@link SipConfiguration#read} (the one place that knows the parameter names) or by
 * {@link #builder()}.
 */
public final class SipSettings {
    private final List<InetAddress> addresses;
    private final int port;
    private final int tlsPort;
    private final Set<Transport> transports;
    private final int maxCalls;
    private final boolean callWaiting;
    private final HoldStyle holdStyle;
    private final int refuseCode;
    private final boolean ipCallsAllowed;
    private final boolean peerFilter;
    private final boolean failover;
    private final TransferSuccess transferSuccess;
    private final Duration t1;
    private final List<SrtpSuite> srtpSuites;
    private final TlsSettings tls;
    private final String userAgent;
    private final List<AccountSettings> accounts;

    private SipSettings(Builder b) {
        this.addresses = List.copyOf(b.addresses);
        this.port = b.port;
        this.tlsPort = b.tlsPort;
        this.transports = Set.copyOf(b.transports);
        this.maxCalls = b.maxCalls;
        this.callWaiting = b.callWaiting;
        this.holdStyle = b.holdStyle;
        this.refuseCode = b.refuseCode;
        this.ipCallsAllowed = b.ipCallsAllowed;
        this.peerFilter = b.peerFilter;
        this.failover = b.failover;
        this.transferSuccess = b.transferSuccess;
        this.t1 = b.t1;
        this.srtpSuites = List.copyOf(b.srtpSuites);
        this.tls = b.tls;
        this.userAgent = b.userAgent;
        this.accounts = List.copyOf(b.accounts);
        if (addresses.isEmpty()) {
            throw new IllegalArgumentException("no address to listen on");
        }
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("no SIP transport enabled");
        }
        if (port < 0 || port > 65535 || tlsPort < 0 || tlsPort > 65535) {
            throw new IllegalArgumentException("SIP ports must be 0-65535: " + port + ", " + tlsPort);
        }
        if (maxCalls < 1) {
            throw new IllegalArgumentException("maximum calls must be 1 or more: " + maxCalls);
        }
        if (!List.of(404, 480, 486, 600, 603).contains(refuseCode)) {
            throw new IllegalArgumentException("refuse code must be 404, 480, 486, 600 or 603, not " + refuseCode);
        }
        if (t1.toMillis() < 100 || t1.toMillis() > 10_000) {
            throw new IllegalArgumentException("SIP timer T1 must be 0.1-10 s: " + t1);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.addresses = new ArrayList<>(addresses);
        b.port = port;
        b.tlsPort = tlsPort;
        b.transports = Set.copyOf(transports);
        b.maxCalls = maxCalls;
        b.callWaiting = callWaiting;
        b.holdStyle = holdStyle;
        b.refuseCode = refuseCode;
        b.ipCallsAllowed = ipCallsAllowed;
        b.peerFilter = peerFilter;
        b.failover = failover;
        b.transferSuccess = transferSuccess;
        b.t1 = t1;
        b.srtpSuites = new ArrayList<>(srtpSuites);
        b.tls = tls;
        b.userAgent = userAgent;
        b.accounts = new ArrayList<>(accounts);
        return b;
    }

    /** Local addresses to listen on, IPv4 and IPv6; the first of each family goes into Via and Contact. */
    public List<InetAddress> addresses() {
        return addresses;
    }

    /** UDP and TCP port; 0 picks a free one. */
    public int port() {
        return port;
    }

    /** TLS port; 0 picks a free one. */
    public int tlsPort() {
        return tlsPort;
    }

    public Set<Transport> transports() {
        return transports;
    }

    public int maxCalls() {
        return maxCalls;
    }

    public boolean callWaiting() {
        return callWaiting;
    }

    public HoldStyle holdStyle() {
        return holdStyle;
    }

    public int refuseCode() {
        return refuseCode;
    }

    public boolean ipCallsAllowed() {
        return ipCallsAllowed;
    }

    public boolean peerFilter() {
        return peerFilter;
    }

    public boolean failover() {
        return failover;
    }

    public TransferSuccess transferSuccess() {
        return transferSuccess;
    }

    public Duration t1() {
        return t1;
    }

    public List<SrtpSuite> srtpSuites() {
        return srtpSuites;
    }

    public TlsSettings tls() {
        return tls;
    }

    public String userAgent() {
        return userAgent;
    }

    public List<AccountSettings> accounts() {
        return accounts;
    }

    public Optional<AccountSettings> account(int index) {
        return accounts.stream().filter(a -> a.index() == index).findFirst();
    }

    @Override
    public String toString() {
        return "SIP on " + addresses + " port " + port + " (TLS " + tlsPort + ") " + transports + ", " + accounts;
    }

    public static final class Builder {
        private List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        private int port = 5060;
        private int tlsPort = 5061;
        private Set<Transport> transports = Set.of(Transport.UDP, Transport.TCP, Transport.TLS);
        private int maxCalls = 5;
        private boolean callWaiting = true;
        private HoldStyle holdStyle = HoldStyle.SENDONLY;
        private int refuseCode = 486;
        private boolean ipCallsAllowed = true;
        private boolean peerFilter;
        private boolean failover = true;
        private TransferSuccess transferSuccess = TransferSuccess.NOTIFY_200;
        private Duration t1 = Duration.ofMillis(500);
        private List<SrtpSuite> srtpSuites = new ArrayList<>(List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32));
        private TlsSettings tls = TlsSettings.DEFAULTS;
        private String userAgent = "deskphone";
        private List<AccountSettings> accounts = new ArrayList<>();

        private Builder() {
        }

        public Builder addresses(List<InetAddress> value) {
            addresses = new ArrayList<>(value);
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder tlsPort(int value) {
            tlsPort = value;
            return this;
        }

        public Builder transports(Set<Transport> value) {
            transports = Set.copyOf(value);
            return this;
        }

        public Builder maxCalls(int value) {
            maxCalls = value;
            return this;
        }

        public Builder callWaiting(boolean value) {
            callWaiting = value;
            return this;
        }

        public Builder holdStyle(HoldStyle value) {
            holdStyle = Objects.requireNonNull(value);
            return this;
        }

        public Builder refuseCode(int value) {
            refuseCode = value;
            return this;
        }

        public Builder ipCallsAllowed(boolean value) {
            ipCallsAllowed = value;
            return this;
        }

        public Builder peerFilter(boolean value) {
            peerFilter = value;
            return this;
        }

        public Builder failover(boolean value) {
            failover = value;
            return this;
        }

        public Builder transferSuccess(TransferSuccess value) {
            transferSuccess = Objects.requireNonNull(value);
            return this;
        }

        public Builder t1(Duration value) {
            t1 = Objects.requireNonNull(value);
            return this;
        }

        public Builder srtpSuites(List<SrtpSuite> value) {
            srtpSuites = new ArrayList<>(value);
            return this;
        }

        public Builder tls(TlsSettings value) {
            tls = Objects.requireNonNull(value);
            return this;
        }

        public Builder userAgent(String value) {
            userAgent = Objects.requireNonNull(value);
            return this;
        }

        public Builder accounts(List<AccountSettings> value) {
            accounts = new ArrayList<>(value);
            return this;
        }

        public Builder account(AccountSettings value) {
            accounts.add(value);
            return this;
        }

        public SipSettings build() {
            return new SipSettings(this);
        }
    }
}
