package org.deskphone.hal.sound;

import java.util.Arrays;
import java.util.function.Consumer;
import org.deskphone.hal.AudioFormat;
import org.deskphone.hal.AudioStream;
import org.deskphone.hal.FrameHandler;

/**
 * The thread of an open sound card: read one frame from the capture line (blocking, so the card's clock
 * sets the pace), convert it to samples, call the handler, convert what it wants played and write it.
 * Playback starts one frame ahead (a frame of silence) so that a late wake-up does not underrun the card.
 * Allocates nothing per frame. Separate from Java Sound so that it can be tested without a card.
 */
final class FramePump implements AudioStream {

    /** Reads bytes like {@code TargetDataLine.read}: blocks until {@code length} bytes are there or the line closes. */
    interface Capture {
        int read(byte[] buffer, int offset, int length);
    }

    /** Writes bytes like {@code SourceDataLine.write}: blocks while the line's buffer is full. */
    interface Playback {
        int write(byte[] buffer, int offset, int length);
    }

    private final AudioFormat format;
    private final FrameHandler handler;
    private final Consumer<Exception> onError;
    private final Capture capture;
    private final Playback playback;
    private final Runnable closeLines;
    private final short[] captured;
    private final short[] toPlay;
    private final byte[] inBytes;
    private final byte[] outBytes;
    private final Thread thread;
    private volatile boolean running = true;

    FramePump(AudioFormat format, FrameHandler handler, Consumer<Exception> onError, Capture capture, Playback playback,
            Runnable closeLines, String threadName) {
        this.format = format;
        this.handler = handler;
        this.onError = onError;
        this.capture = capture;
        this.playback = playback;
        this.closeLines = closeLines;
        int samples = format.samplesPerFrame();
        this.captured = new short[samples];
        this.toPlay = new short[samples];
        this.inBytes = new byte[samples * 2];
        this.outBytes = new byte[samples * 2];
        this.thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.setPriority(Thread.MAX_PRIORITY);
    }

    void start() {
        thread.start();
    }

    @Override
    public AudioFormat format() {
        return format;
    }

    private void run() {
        try {
            playback.write(outBytes, 0, outBytes.length); // one frame of silence ahead
            while (running) {
                int filled = 0;
                while (filled < inBytes.length && running) {
                    int n = capture.read(inBytes, filled, inBytes.length - filled);
                    if (n <= 0) {
                        if (running) {
                            throw new IllegalStateException("the sound card stopped delivering audio");
                        }
                        return;
                    }
                    filled += n;
                }
                if (!running) {
                    return;
                }
                for (int i = 0; i < captured.length; i++) {
                    captured[i] = (short) ((inBytes[2 * i] & 0xff) | (inBytes[2 * i + 1] << 8));
                }
                Arrays.fill(toPlay, (short) 0);
                handler.onFrame(captured, toPlay);
                for (int i = 0; i < toPlay.length; i++) {
                    outBytes[2 * i] = (byte) toPlay[i];
                    outBytes[2 * i + 1] = (byte) (toPlay[i] >> 8);
                }
                playback.write(outBytes, 0, outBytes.length);
            }
        } catch (RuntimeException e) {
            if (running) {
                onError.accept(e);
            }
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        closeLines.run(); // unblocks a read or write in progress
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
