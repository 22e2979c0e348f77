package org.deskphone.hal;

import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The phone's sound card. Its clock paces the media engine: an open stream calls the
 * {@link FrameHandler} once per frame from the device's own thread. Errors (the device vanished, a file
 * ended badly) go to {@code onError}, which the phone posts to its loop; the driver does not act on them.
 */
public interface AudioDevice {

    /** A name for logs and the status page, such as {@code hw:1,0} or {@code mock (silence)}. */
    String name();

    /**
     * The sample rate this device runs at best, when it has one (a WAV file as the microphone has its own);
     * empty when any of the telephony rates suits it. The media engine opens it at this rate.
     */
    default OptionalInt preferredSampleRate() {
        return OptionalInt.empty();
    }

    /**
     * Opens capture and playback together in {@code format}.
     *
     * @throws AudioDeviceException when the device cannot open in that format
     */
    AudioStream open(AudioFormat format, FrameHandler handler, Consumer<Exception> onError);
}
