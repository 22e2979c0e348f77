package org.deskphone.voice;

import java.util.OptionalInt;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioFormat;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.media.MediaEngine;
import org.deskphone.media.MediaSettings;
import org.deskphone.net.Dscp;
import org.deskphone.net.NetworkService;
import org.deskphone.sip.CallMedia;
import org.tinylog.Logger;

/**
 * The phone's audio: the media engine on the board's sound card, with its settings from the configuration
 * and the network's voice DSCP, following their changes; the {@link CallMedia} the SIP user agent's calls
 * run on; the call-progress tones. One per phone, owned by the phone loop; closed after SIP has stopped.
 */
public final class PhoneAudio implements AutoCloseable {
    private final EngineCallMedia media;
    private final int deviceRate;
    private volatile ToneSet tones;
    private ConfigStore.Subscription subscription;

    private PhoneAudio(AudioDevice device, PhoneLoop loop, Config config, Dscp rtp) {
        this.deviceRate = deviceRate(device);
        this.media = new EngineCallMedia(device, loop, MediaConfiguration.read(config, rtp, deviceRate));
        this.tones = MediaConfiguration.tones(config);
        Logger.info("audio on {} at {} Hz", device.name(), deviceRate);
    }

    /** The engine on {@code device} with {@code config} as it is now. */
    public static PhoneAudio open(AudioDevice device, PhoneLoop loop, Config config, Dscp rtp) {
        return new PhoneAudio(device, loop, config, rtp);
    }

    /**
     * Keeps the settings current: a change of a media parameter in {@code store}, or of the voice DSCP the
     * {@code network} decides (its settings, or a switch's LLDP voice policy), reaches the engine. On the loop.
     */
    public void follow(ConfigStore store, NetworkService network) {
        subscription = store.subscribe(change -> {
            if (MediaConfiguration.concerns(change)) {
                refresh(change.after(), network.qos().rtp());
            }
        });
        network.subscribe(() -> {
            if (network.qos().rtp().value() != media.engine().settings().dscp()) {
                refresh(store.current(), network.qos().rtp());
            }
        });
    }

    /** Re-reads the settings; streams opened from now on, and the next renegotiation, use them. On the loop. */
    public void refresh(Config config, Dscp rtp) {
        MediaSettings next = MediaConfiguration.read(config, rtp, deviceRate);
        if (!next.equals(media.engine().settings())) {
            media.engine().reconfigure(next);
            Logger.info("media settings now: ports {}-{}, DSCP {}, jitter {}, DTMF {}, conference of {}", next.ports().first(),
                    next.ports().last(), rtp, next.jitter(), next.dtmf(), next.conferencePartyMax());
        }
        tones = MediaConfiguration.tones(config);
    }

    /** What the SIP user agent's calls run on. */
    public CallMedia calls() {
        return media;
    }

    /** The engine itself, for tones, ring tones and the local conference. */
    public MediaEngine engine() {
        return media.engine();
    }

    public ToneSet tones() {
        return tones;
    }

    /** The rate the sound card runs at: its own where it has one (a WAV file's), else wideband. */
    public static int deviceRate(AudioDevice device) {
        OptionalInt own = device.preferredSampleRate();
        if (own.isPresent()) {
            try {
                new AudioFormat(own.getAsInt(), MediaConfiguration.FRAME_MILLIS);
                return own.getAsInt();
            } catch (IllegalArgumentException e) {
                Logger.warn("{} runs at {} Hz, which the media engine cannot use; opening it at {} Hz", device.name(), own.getAsInt(),
                        MediaConfiguration.DEFAULT_DEVICE_RATE);
            }
        }
        return MediaConfiguration.DEFAULT_DEVICE_RATE;
    }

    /** Stops following the configuration, stops every stream and closes the sound card. */
    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
        media.close();
    }
}
