package org.deskphone.media;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.mock.MemoryAudioDevice;
import org.deskphone.loop.PhoneLoop;
import org.deskphone.loop.VirtualClock;

/**
 * A phone reduced to its media: an in-memory sound card, a phone loop on a virtual clock, the engine, and a
 * listener that records every event. Frames run on the test's thread when the test ticks the card.
 */
final class TestPhone implements AutoCloseable {
    static final PortRange TEST_PORTS = new PortRange(41000, 41999);

    final String name;
    final MemoryAudioDevice device = new MemoryAudioDevice();
    final PhoneLoop loop = new PhoneLoop(new VirtualClock(Instant.parse("2026-11-22T12:00:00Z")));
    final MediaEngine engine;
    final List<String> events = new ArrayList<>();
    final List<StreamStatistics> stopped = new ArrayList<>();

    TestPhone(String name) {
        this(name, MediaSettings.defaults(InetAddress.getLoopbackAddress()).withPorts(TEST_PORTS));
    }

    TestPhone(String name, MediaSettings settings) {
        this.name = name;
        this.engine = new MediaEngine(device, loop, settings, new MediaListener() {
            @Override
            public void dtmfReceived(MediaStream stream, char digit, int durationMillis) {
                events.add("dtmf " + digit + " " + durationMillis);
            }

            @Override
            public void mediaTimeout(MediaStream stream, int silentSeconds) {
                events.add("timeout " + silentSeconds);
            }

            @Override
            public void mediaResumed(MediaStream stream) {
                events.add("resumed");
            }

            @Override
            public void remoteSsrcChanged(MediaStream stream, long oldSsrc, long newSsrc) {
                events.add("ssrc " + Long.toHexString(oldSsrc) + " -> " + Long.toHexString(newSsrc));
            }

            @Override
            public void streamStopped(MediaStream stream, StreamStatistics finalStatistics) {
                stopped.add(finalStatistics);
            }
        });
    }

    MediaStream open() throws IOException {
        return engine.openStream(name);
    }

    /** Runs the phone loop: delivers the engine's events to the listener. */
    List<String> events() {
        loop.runPending();
        return events;
    }

    int rate() {
        return engine.format().sampleRate();
    }

    int frameSamples() {
        return engine.format().samplesPerFrame();
    }

    @Override
    public void close() {
        engine.close();
        loop.runPending();
    }
}
