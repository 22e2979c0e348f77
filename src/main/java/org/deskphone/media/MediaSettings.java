package org.deskphone.media;

import java.net.InetAddress;
import java.util.Objects;
import org.deskphone.media.codec.CodecSettings;
import org.deskphone.media.dtmf.DtmfSettings;
import org.deskphone.media.mixer.ConferenceMixer;
import org.deskphone.media.rtp.JitterSettings;

/**
 * Everything the media engine takes from the configuration, as plain values (the configuration store wires
 * them later): where RTP binds and which ports it may take, the DSCP of voice packets (ALE
 * {@code SettingAudiodiffserv} L1662, Yealink {@code network.qos.rtptos} L3103, default 46), the jitter
 * buffer, DTMF and codec settings, the sound card's rate and frame, the RTP timeout after which "no media"
 * is reported (0: never), symmetric RTP, and the local conference size ({@code SIPConfPartyMax}, L13636).
 */
public record MediaSettings(
        InetAddress bindAddress,
        PortRange ports,
        int dscp,
        JitterSettings jitter,
        DtmfSettings dtmf,
        CodecSettings codecs,
        int deviceSampleRate,
        int frameMillis,
        int rtpTimeoutSeconds,
        boolean symmetricRtp,
        int conferencePartyMax,
        String cname) {

    public MediaSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(jitter, "jitter");
        Objects.requireNonNull(dtmf, "dtmf");
        Objects.requireNonNull(codecs, "codecs");
        Objects.requireNonNull(cname, "cname");
        if (dscp < 0 || dscp > 63) {
            throw new IllegalArgumentException("DSCP must be 0-63: " + dscp);
        }
        if (rtpTimeoutSeconds < 0) {
            throw new IllegalArgumentException("RTP timeout must not be negative: " + rtpTimeoutSeconds);
        }
        if (conferencePartyMax < 3 || conferencePartyMax > 12) {
            throw new IllegalArgumentException("conference size must be 3-12 parties: " + conferencePartyMax);
        }
        new org.deskphone.hal.AudioFormat(deviceSampleRate, frameMillis);
    }

    /** Loopback, default ports, EF, the manuals' defaults, a 16 kHz device with 20 ms frames. */
    public static MediaSettings defaults(InetAddress bindAddress) {
        return new MediaSettings(bindAddress, PortRange.DEFAULT, 46, JitterSettings.DEFAULTS, DtmfSettings.DEFAULTS,
                CodecSettings.DEFAULTS, 16000, 20, 0, true, ConferenceMixer.DEFAULT_PARTY_MAX, "deskphone");
    }

    public MediaSettings withPorts(PortRange range) {
        return new MediaSettings(bindAddress, range, dscp, jitter, dtmf, codecs, deviceSampleRate, frameMillis,
                rtpTimeoutSeconds, symmetricRtp, conferencePartyMax, cname);
    }

    public MediaSettings withDevice(int sampleRate, int frame) {
        return new MediaSettings(bindAddress, ports, dscp, jitter, dtmf, codecs, sampleRate, frame,
                rtpTimeoutSeconds, symmetricRtp, conferencePartyMax, cname);
    }

    public MediaSettings withPartyMax(int parties) {
        return new MediaSettings(bindAddress, ports, dscp, jitter, dtmf, codecs, deviceSampleRate, frameMillis,
                rtpTimeoutSeconds, symmetricRtp, parties, cname);
    }

    public MediaSettings withRtpTimeout(int seconds) {
        return new MediaSettings(bindAddress, ports, dscp, jitter, dtmf, codecs, deviceSampleRate, frameMillis,
                seconds, symmetricRtp, conferencePartyMax, cname);
    }
}
