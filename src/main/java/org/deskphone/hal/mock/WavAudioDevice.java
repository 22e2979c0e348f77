package org.deskphone.hal.mock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.deskphone.hal.AudioDevice;
import org.deskphone.hal.AudioDeviceException;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.FrameHandler;

/**
 * The PC board's sound card: the microphone plays a WAV file (or silence), the speaker records to a WAV
 * file (or nowhere), and a thread of its own paces the frames in real time as a sound card's clock would.
 *
 * <p>Descriptor: {@code audio.capture=speech8k.wav} and {@code audio.playback=heard.wav}; both optional.
 * The capture file must be 16-bit mono PCM at the stream's rate; when it ends the microphone is silent.
 */
public final class WavAudioDevice implements AudioDevice {
    private final Path captureFile;
    private final Path playbackFile;

    /** Either path may be null: silence in, nothing out. */
    public WavAudioDevice(Path captureFile, Path playbackFile) {
        this.captureFile = captureFile;
        this.playbackFile = playbackFile;
    }

    @Override
    public String name() {
        return "wav (in: " + (captureFile == null ? "silence" : captureFile)
                + ", out: " + (playbackFile == null ? "none" : playbackFile) + ")";
    }

    /** The capture file's own rate, so that it plays unchanged; empty without one (or when it cannot be read: {@link #open} says why). */
    @Override
    public OptionalInt preferredSampleRate() {
        if (captureFile == null || !Files.isReadable(captureFile)) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Math.round(AudioSystem.getAudioFileFormat(captureFile.toFile()).getFormat().getSampleRate()));
        } catch (UnsupportedAudioFileException | IOException e) {
            return OptionalInt.empty();
        }
    }

    @Override
    public AudioStream open(AudioFormat format, FrameHandler handler, Consumer<Exception> onError) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(onError, "onError");
        AudioInputStream capture = captureFile == null ? null : openCapture(format);
        WavWriter playback;
        try {
            playback = playbackFile == null ? null : new WavWriter(playbackFile, format.sampleRate(), format.samplesPerFrame());
        } catch (IOException e) {
            closeQuietly(capture);
            throw new AudioDeviceException("cannot write playback file " + playbackFile + ": " + e.getMessage(), e);
        }
        return new Paced(format, handler, onError, capture, playback);
    }

    private AudioInputStream openCapture(AudioFormat format) {
        if (!Files.isReadable(captureFile)) {
            throw new AudioDeviceException("capture file " + captureFile + " is not readable");
        }
        try {
            AudioInputStream stream = AudioSystem.getAudioInputStream(captureFile.toFile());
            javax.sound.sampled.AudioFormat actual = stream.getFormat();
            boolean fits = actual.getEncoding() == javax.sound.sampled.AudioFormat.Encoding.PCM_SIGNED
                    && actual.getSampleSizeInBits() == 16 && actual.getChannels() == 1 && !actual.isBigEndian()
                    && Math.round(actual.getSampleRate()) == format.sampleRate();
            if (!fits) {
                stream.close();
                throw new AudioDeviceException("capture file " + captureFile + " is " + actual
                        + "; the stream needs 16-bit little-endian mono PCM at " + format.sampleRate() + " Hz");
            }
            return stream;
        } catch (UnsupportedAudioFileException | IOException e) {
            throw new AudioDeviceException("capture file " + captureFile + " is not a WAV file: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // Already failing; the first error is the one reported.
            }
        }
    }

    /** One open stream: a thread that wakes every frame time, reads the microphone, calls the handler, writes the speaker. */
    private static final class Paced implements AudioStream {
        private final AudioFormat format;
        private final FrameHandler handler;
        private final Consumer<Exception> onError;
        private final InputStream capture;
        private final WavWriter playback;
        private final short[] captured;
        private final short[] toPlay;
        private final byte[] raw;
        private final Thread thread;
        private volatile boolean running = true;
        private boolean captureEnded;

        Paced(AudioFormat format, FrameHandler handler, Consumer<Exception> onError, InputStream capture, WavWriter playback) {
            this.format = format;
            this.handler = handler;
            this.onError = onError;
            this.capture = capture;
            this.playback = playback;
            this.captured = new short[format.samplesPerFrame()];
            this.toPlay = new short[format.samplesPerFrame()];
            this.raw = new byte[format.samplesPerFrame() * 2];
            this.captureEnded = capture == null;
            this.thread = new Thread(this::run, "audio-wav");
            thread.setDaemon(true);
            thread.setPriority(Thread.MAX_PRIORITY);
            thread.start();
        }

        @Override
        public AudioFormat format() {
            return format;
        }

        private void run() {
            long next = System.nanoTime();
            try {
                while (running) {
                    readCapture();
                    Arrays.fill(toPlay, (short) 0);
                    handler.onFrame(captured, toPlay);
                    if (playback != null) {
                        playback.write(toPlay, toPlay.length);
                    }
                    next += format.frameNanos();
                    long wait = next - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    } else if (-wait > 5 * format.frameNanos()) {
                        next = System.nanoTime(); // far behind (the machine stalled): resynchronise, as a sound card would after an overrun
                    }
                }
            } catch (IOException | RuntimeException e) {
                onError.accept(e);
            }
        }

        private void readCapture() throws IOException {
            int filled = 0;
            while (!captureEnded && filled < raw.length) {
                int n = capture.read(raw, filled, raw.length - filled);
                if (n < 0) {
                    captureEnded = true;
                } else {
                    filled += n;
                }
            }
            int samples = filled / 2;
            for (int i = 0; i < samples; i++) {
                captured[i] = (short) ((raw[2 * i] & 0xff) | (raw[2 * i + 1] << 8));
            }
            Arrays.fill(captured, samples, captured.length, (short) 0);
        }

        @Override
        public void close() {
            running = false;
            LockSupport.unpark(thread);
            try {
                thread.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            closeQuietly(capture);
            if (playback != null) {
                try {
                    playback.close();
                } catch (IOException e) {
                    onError.accept(e);
                }
            }
        }
    }
}
