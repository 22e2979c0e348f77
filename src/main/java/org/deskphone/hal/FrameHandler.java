package org.deskphone.hal;

/**
 * What an {@link AudioDevice} calls once per frame, on its own real-time thread: {@code captured} holds
 * the frame just recorded, and the handler fills {@code playback} with the frame to play next. Both
 * arrays are the device's own, reused for every frame; the handler must not keep them, must not block
 * and must not allocate.
 */
@FunctionalInterface
public interface FrameHandler {
    void onFrame(short[] captured, short[] playback);
}
