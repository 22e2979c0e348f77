package org.deskphone.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Runs phones frame by frame in lock step over real loopback sockets, waiting after each frame until what
 * was sent has arrived (allocation-free, so the zero-allocation test can use it too).
 */
final class Wire {
    private final List<TestPhone> phones = new ArrayList<>();
    private final List<MediaStream[]> links = new ArrayList<>();

    Wire phones(TestPhone... all) {
        phones.addAll(List.of(all));
        return this;
    }

    /** {@code to} waits for what {@code from} sent. */
    Wire link(MediaStream from, MediaStream to) {
        links.add(new MediaStream[] {from, to});
        return this;
    }

    void run(int frames) {
        int phoneCount = phones.size();
        int linkCount = links.size();
        for (int f = 0; f < frames; f++) {
            for (int p = 0; p < phoneCount; p++) {
                phones.get(p).device.tick(1);
            }
            for (int l = 0; l < linkCount; l++) {
                MediaStream[] link = links.get(l);
                long deadline = System.nanoTime() + 50_000_000L;
                while (link[1].packetsArrived() < link[0].packetsSent() && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
            }
        }
    }
}
