package org.deskphone.hal.mock;

import java.util.Arrays;
import java.util.function.Consumer;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.FrameHandler;

/**
 * A sound card in memory, for tests: the test feeds what the microphone hears, moves the device's clock
 * one frame at a time with {@link #tick(int)}, and reads back everything the phone played. Frames run on
 * the test's thread, so media tests are deterministic. Capture beyond what was fed is silence.
 */
public final class MemoryAudioDevice implements AudioDevice {
    private short[] toCapture = new short[0];
    private int captureRead;
    private short[] played = new short[0];
    private int playedLength;
    private Open open;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public synchronized AudioStream open(AudioFormat format, FrameHandler handler, Consumer<Exception> onError) {
        if (open != null) {
            throw new AudioDeviceException("memory audio device is already open (" + open.format + ")");
        }
        open = new Open(format, handler);
        return open;
    }

    /** Appends samples for the microphone to hear. */
    public synchronized void feed(short[] samples) {
        short[] grown = Arrays.copyOf(toCapture, toCapture.length - captureRead + samples.length);
        System.arraycopy(toCapture, captureRead, grown, 0, toCapture.length - captureRead);
        System.arraycopy(samples, 0, grown, toCapture.length - captureRead, samples.length);
        toCapture = grown;
        captureRead = 0;
    }

    /** Runs {@code frames} frames through the open stream's handler, on the calling thread. */
    public synchronized void tick(int frames) {
        if (open == null) {
            throw new IllegalStateException("memory audio device is not open");
        }
        for (int i = 0; i < frames; i++) {
            open.frame();
        }
    }

    /**
     * Makes room for {@code samples} more played samples now, so that ticking that many allocates nothing
     * (for tests that measure the media path's allocations).
     */
    public synchronized void reservePlayback(int samples) {
        if (playedLength + samples > played.length) {
            played = Arrays.copyOf(played, playedLength + samples);
        }
    }

    /** Everything played so far. */
    public synchronized short[] played() {
        return Arrays.copyOf(played, playedLength);
    }

    public synchronized boolean isOpen() {
        return open != null;
    }

    private final class Open implements AudioStream {
        final AudioFormat format;
        final FrameHandler handler;
        final short[] capture;
        final short[] playback;

        Open(AudioFormat format, FrameHandler handler) {
            this.format = format;
            this.handler = handler;
            this.capture = new short[format.samplesPerFrame()];
            this.playback = new short[format.samplesPerFrame()];
        }

        void frame() {
            int available = Math.min(capture.length, toCapture.length - captureRead);
            System.arraycopy(toCapture, captureRead, capture, 0, available);
            Arrays.fill(capture, available, capture.length, (short) 0);
            captureRead += available;
            Arrays.fill(playback, (short) 0);
            handler.onFrame(capture, playback);
            if (playedLength + playback.length > played.length) {
                played = Arrays.copyOf(played, Math.max(played.length * 2, playedLength + playback.length));
            }
            System.arraycopy(playback, 0, played, playedLength, playback.length);
            playedLength += playback.length;
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        @Override
        public void close() {
            synchronized (MemoryAudioDevice.this) {
                if (open == this) {
                    open = null;
                }
            }
        }
    }
}
