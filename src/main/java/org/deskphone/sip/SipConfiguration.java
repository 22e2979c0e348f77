package org.deskphone.sip;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.tinylog.Logger;

/**
 * The one place that knows the configuration's parameter names for SIP. Each setting is looked up by its
 * Yealink name ({@code .cfg}, digest §4.6-4.11) and its ALE name ({@code config.xml}, digest §4.5-4.6,
 * §5.6-5.10, §6, §7.12-7.13, §7.22); values are read in the dialect of the name that was found, because the
 * two manuals number some choices differently (DTMF mode, caller-ID source). A value that does not parse is
 * logged with its name and the default is kept: one bad line must not take an account down.
 */
public final class SipConfiguration {
    /** The ALE manual allows up to 20 accounts (M8), Yealink 6. */
    static final int MAX_ACCOUNTS = 20;
    private static final Map<String, Integer> YEALINK_CODECS = Map.ofEntries(
            Map.entry("PCMU", 0), Map.entry("PCMA", 8), Map.entry("G722", 9), Map.entry("G729", 18),
            Map.entry("ILBC", 98), Map.entry("G726_16", 111), Map.entry("G726-16", 111), Map.entry("G726_24", 112),
            Map.entry("G726-24", 112), Map.entry("G726_32", 113), Map.entry("G726-32", 113), Map.entry("G726_40", 114),
            Map.entry("G726-40", 114), Map.entry("OPUS", 125));

    private final SettingLookup lookup;

    private SipConfiguration(SettingLookup lookup) {
        this.lookup = lookup;
    }

    /**
     * Reads the phone-wide settings and every enabled account. {@code addresses}, {@code userAgent} and the
     * device certificate come from the platform, not from the configuration files.
     */
    public static SipSettings read(SettingLookup lookup, List<InetAddress> addresses, String userAgent, Optional<Path> deviceCertificate) {
        return new SipConfiguration(lookup).settings(addresses, userAgent, deviceCertificate);
    }

    /** Account {@code index}, whether enabled or not; empty when it has no user name. */
    public static Optional<AccountSettings> account(SettingLookup lookup, int index) {
        return new SipConfiguration(lookup).readAccount(index);
    }

    private SipSettings settings(List<InetAddress> addresses, String userAgent, Optional<Path> deviceCertificate) {
        SipSettings.Builder b = SipSettings.builder().addresses(addresses).userAgent(userAgent);
        integer(found("account.1.sip_listen_port", null)).ifPresent(port -> b.port(port).tlsPort(port == 0 ? 0 : port + 1));
        integer(found(null, "SIPMaxCall")).ifPresent(b::maxCalls);
        bool(found("call_waiting.enable", null)).ifPresent(b::callWaiting);
        boolean rfc2543 = bool(found("sip.rfc2543_hold", "SIPRfc2543HoldEnable")).orElse(false);
        boolean inactive = bool(found(null, "FeatureHoldUseInactiveEnable")).orElse(false);
        b.holdStyle(rfc2543 ? HoldStyle.RFC2543 : inactive ? HoldStyle.INACTIVE : HoldStyle.SENDONLY);
        integer(found("features.normal_refuse_code", "FeatureNormalRefuseCode")).ifPresent(b::refuseCode);
        bool(found(null, "SIPIpCallEnable")).ifPresent(b::ipCallsAllowed);
        bool(found("account.1.sip_trust_ctrl", "SIPPeerFilterEnable")).ifPresent(b::peerFilter);
        bool(found(null, "SIPFailOverEnable")).ifPresent(b::failover);
        parse(found(null, "SIPTranSuccessfulNotify"), v -> TransferSuccess.fromCode(Integer.parseInt(v))).ifPresent(b::transferSuccess);
        parse(found("account.1.advanced.timer_t1", null), v -> Duration.ofMillis(Math.round(Double.parseDouble(v) * 1000))).ifPresent(b::t1);
        parse(found(null, "SIPAesKeyPriority"), SipConfiguration::suites).ifPresent(b::srtpSuites);
        List<String> protocols = parse(found(null, "SIPTlsVersion"), v -> TlsSettings.protocolsForAleVersion(Integer.parseInt(v)))
                .orElse(TlsSettings.DEFAULTS.protocols());
        boolean verify = bool(found("security.trust_certificates", "SIPTlsPeerVerify")).orElse(false);
        b.tls(new TlsSettings(protocols, TlsSettings.DEFAULT_SUITES, verify, List.of(), deviceCertificate));
        List<AccountSettings> accounts = new ArrayList<>();
        for (int index = 1; index <= MAX_ACCOUNTS; index++) {
            readAccount(index).filter(AccountSettings::enabled).ifPresent(accounts::add);
        }
        return b.accounts(accounts).build();
    }

    private Optional<AccountSettings> readAccount(int x) {
        String y = "account." + x + ".";
        String a = "Account" + x;
        Optional<String> user = text(found(y + "user_name", a + "UserName"));
        if (user.isEmpty()) {
            return Optional.empty();
        }
        AccountSettings.Builder b = AccountSettings.builder(x).userName(user.get());
        // Yealink's default is off, ALE's on (its table prints the meaning inverted, digest §11): an account
        // with a user name and no enable line is taken as meant to work.
        bool(found(y + "enable", a + "Enable")).ifPresent(b::enabled);
        text(found(y + "label", a + "Label")).ifPresent(b::label);
        text(found(y + "display_name", a + "DisplayName")).ifPresent(b::displayName);
        text(found(y + "auth_name", a + "RegName")).ifPresent(b::authName);
        text(found(y + "password", a + "Password")).ifPresent(b::password);
        parse(found(y + "transport", a + "Server1Transport"), v -> ServerTransport.fromCode(Integer.parseInt(v))).ifPresent(b::transport);
        b.servers(servers(x));
        integer(found(null, a + "RegisterRenewalIntervalProportion")).ifPresent(b::renewalPercent);
        integer(found(y + "reg_fail_retry_interval", null)).ifPresent(s -> b.retryInterval(Duration.ofSeconds(Math.max(1, s))));
        bool(found(y + "nat.rport", a + "RportEnable")).ifPresent(b::rport);
        boolean keepAlive = bool(found(y + "nat.udp_update_enable", null)).orElse(false);
        int keepAliveSeconds = integer(found(y + "nat.udp_update_time", null)).orElse(30);
        b.keepAlive(keepAlive && keepAliveSeconds > 0 ? Duration.ofSeconds(keepAliveSeconds) : Duration.ZERO);
        codecs(x, b);
        parse(found(y + "ptime", a + "Ptime"), v -> Integer.parseInt(v.split(";")[0].trim()))
                .filter(p -> p != 0).ifPresent(b::ptime);
        Optional<Found> dtmf = found(y + "dtmf.type", a + "DtmfMode");
        parse(dtmf, v -> dtmf.get().yealink() ? DtmfMode.fromYealinkCode(Integer.parseInt(v)) : DtmfMode.fromAleCode(Integer.parseInt(v)))
                .ifPresent(b::dtmfMode);
        integer(found(y + "dtmf.dtmf_payload", null)).ifPresent(b::dtmfPayloadType);
        parse(found(y + "dtmf.info_type", null), v -> DtmfInfoBody.fromYealinkCode(Integer.parseInt(v))).ifPresent(b::dtmfInfoBody);
        parse(found(y + "srtp_encryption", a + "SrtpWorkingMode"), v -> SrtpMode.fromCode(Integer.parseInt(v))).ifPresent(b::srtpMode);
        Optional<Found> cid = found(y + "cid_source", a + "CallerSource");
        parse(cid, v -> cid.get().yealink() ? IdentitySource.yealinkOrder(Integer.parseInt(v)) : codes(v, IdentitySource::fromAleCode))
                .ifPresent(b::callerIdOrder);
        bool(found(y + "anonymous_call", a + "AnonymousCallEnable")).ifPresent(b::anonymousCalls);
        bool(found(y + "reject_anonymous_call", a + "AnonymousCallRejectionEnable")).ifPresent(b::rejectAnonymous);
        bool(found(y + "subscribe_mwi", null)).ifPresent(b::subscribeMwi);
        integer(found(y + "subscribe_mwi_expires", null)).filter(s -> s > 0).ifPresent(s -> b.mwiExpires(Duration.ofSeconds(s)));
        text(found("voice_mail.number." + x, null)).ifPresent(b::voicemail);
        bool(found(y + "auto_answer", a + "AutoAnswerEnable")).ifPresent(b::autoAnswer);
        bool(found(y + "enable_user_equal_phone", a + "SendUserPhoneEnable")).ifPresent(b::userEqualsPhone);
        try {
            return Optional.of(b.build());
        } catch (IllegalArgumentException e) {
            Logger.warn("account {} is not usable: {}", x, e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Server 1 and 2 with their expiry and, per ALE, their own outbound proxy (seed L5807-5811); a Yealink
     * outbound proxy ({@code account.X.outbound_host}, seed L12615) serves both servers.
     */
    private List<ServerSettings> servers(int x) {
        String y = "account." + x + ".";
        String a = "Account" + x;
        Optional<HostPort> yealinkProxy = bool(found(y + "outbound_proxy_enable", null)).orElse(false)
                ? text(found(y + "outbound_host", null)).map(h -> new HostPort(HostPort.parse(h, 5060).host(),
                        integer(found(y + "outbound_port", null)).orElse(5060)))
                : Optional.empty();
        List<ServerSettings> servers = new ArrayList<>();
        for (int server = 1; server <= 2; server++) {
            int n = server;
            String sy = y + "sip_server." + n + ".";
            String sa = a + "Server" + n;
            Optional<String> address = text(found(sy + "address", sa + "Address"));
            if (address.isEmpty()) {
                continue;
            }
            try {
                HostPort parsed = HostPort.parse(address.get(), 5060);
                int port = integer(found(sy + "port", sa + "Port")).orElse(parsed.port());
                Duration expires = Duration.ofSeconds(integer(found(sy + "expires", sa + "Expire")).filter(s -> s > 0).orElse(3600));
                int retries = integer(found(sy + "retry_counts", null)).orElse(3);
                Optional<HostPort> proxy = yealinkProxy.or(() -> text(found(null, a + "OutboundProxy" + n + "Address"))
                        .map(h -> new HostPort(HostPort.parse(h, 5060).host(), integer(found(null, a + "OutboundProxy" + n + "Port")).orElse(5060))));
                servers.add(new ServerSettings(new HostPort(parsed.host(), port), expires, retries, proxy));
            } catch (IllegalArgumentException e) {
                Logger.warn("account {} server {} ignored: {}", x, n, e.getMessage());
            }
        }
        return servers;
    }

    /**
     * The codec order: ALE {@code AccountXAudioCodec} ({@code 0;8;18;9;98}), else Yealink's
     * {@code account.X.codec.Y.*} by priority, with the payload types Yealink's {@code rtpmap} gives dynamic
     * codecs (seed L14749); ALE's Opus payload type (L5074) and bandwidth (L5046).
     */
    private void codecs(int x, AccountSettings.Builder b) {
        String a = "Account" + x;
        Optional<List<Integer>> ale = parse(found(null, a + "AudioCodec"), v -> codes(v, Function.identity()));
        if (ale.isPresent()) {
            b.codecOrder(ale.get());
        } else {
            yealinkCodecs(x, b);
        }
        integer(found(null, a + "OpusPayloadType")).filter(pt -> dynamic(a + "OpusPayloadType", pt))
                .ifPresent(pt -> b.codecPayloadType(CodecPreferences.OPUS, pt));
        integer(found(null, a + "OpusBandwidth")).ifPresent(b::opusBandwidth);
    }

    private static boolean dynamic(String name, int payloadType) {
        if (payloadType >= 96 && payloadType <= 127) {
            return true;
        }
        Logger.warn("{} = {} is not a dynamic payload type (96-127); the codec keeps its own", name, payloadType);
        return false;
    }

    private void yealinkCodecs(int x, AccountSettings.Builder b) {
        record Entry(int priority, int y, int code) {
        }
        List<Entry> entries = new ArrayList<>();
        for (int y = 1; y <= 12; y++) {
            String base = "account." + x + ".codec." + y + ".";
            Optional<String> type = text(found(base + "payload_type", null));
            if (type.isEmpty() || !bool(found(base + "enable", null)).orElse(false)) {
                continue;
            }
            Integer code = YEALINK_CODECS.get(type.get().toUpperCase(Locale.ROOT));
            if (code == null) {
                Logger.warn("{}payload_type = {} is not a codec this phone knows; skipped", base, type.get());
                continue;
            }
            entries.add(new Entry(integer(found(base + "priority", null)).orElse(y), y, code));
            // Static payload types are fixed by RFC 3551; rtpmap only labels the dynamic ones.
            if (code >= 96) {
                integer(found(base + "rtpmap", null)).filter(pt -> dynamic(base + "rtpmap", pt)).ifPresent(pt -> b.codecPayloadType(code, pt));
            }
        }
        if (!entries.isEmpty()) {
            entries.sort(Comparator.comparingInt(Entry::priority).thenComparingInt(Entry::y));
            b.codecOrder(entries.stream().map(Entry::code).distinct().toList());
        }
    }

    private static List<SrtpSuite> suites(String value) {
        return codes(value, SrtpSuite::fromCode);
    }

    private static <T> List<T> codes(String value, Function<Integer, T> map) {
        List<T> out = new ArrayList<>();
        for (String part : value.split("[;,]")) {
            if (!part.isBlank()) {
                T item = map.apply(Integer.parseInt(part.trim()));
                if (!out.contains(item)) {
                    out.add(item);
                }
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty list");
        }
        return out;
    }

    /** A value and the name it was found under. */
    private record Found(String name, String value, boolean yealink) {
    }

    private Optional<Found> found(String yealinkName, String aleName) {
        if (yealinkName != null) {
            Optional<String> value = lookup.get(yealinkName);
            if (value.isPresent()) {
                return Optional.of(new Found(yealinkName, value.get().trim(), true));
            }
        }
        if (aleName != null) {
            Optional<String> value = lookup.get(aleName);
            if (value.isPresent()) {
                return Optional.of(new Found(aleName, value.get().trim(), false));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> text(Optional<Found> found) {
        return found.map(Found::value).filter(v -> !v.isEmpty());
    }

    private static Optional<Integer> integer(Optional<Found> found) {
        return parse(found, Integer::parseInt);
    }

    private static Optional<Boolean> bool(Optional<Found> found) {
        return parse(found, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "1", "true", "yes", "on" -> true;
            case "0", "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("not a yes/no value");
        });
    }

    private static <T> Optional<T> parse(Optional<Found> found, Function<String, T> parser) {
        if (found.isEmpty() || found.get().value().isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(found.get().value()));
        } catch (RuntimeException e) {
            // Never echo a password back: only names and short values reach here, and the password is text().
            Logger.warn("{} = '{}' is not valid ({}); the default is kept", found.get().name(), found.get().value(), e.getMessage());
            return Optional.empty();
        }
    }
}
