package org.deskphone.media;

/**
 * What the media engine tells the phone, always on the phone loop. Default methods do nothing, so a
 * listener implements only what it needs.
 */
public interface MediaListener {

    /** A digit arrived (RFC 4733 or detected in-band) and ended after {@code durationMillis}. */
    default void dtmfReceived(MediaStream stream, char digit, int durationMillis) {
    }

    /** No RTP for the configured timeout on a stream that should receive. */
    default void mediaTimeout(MediaStream stream, int silentSeconds) {
    }

    /** RTP is flowing again after a {@link #mediaTimeout}. */
    default void mediaResumed(MediaStream stream) {
    }

    /** The far end's SSRC changed (a transfer, a media server, a restarted phone); the stream has followed. */
    default void remoteSsrcChanged(MediaStream stream, long oldSsrc, long newSsrc) {
    }

    /** The stream was stopped; its final statistics, for the call log and a quality report. */
    default void streamStopped(MediaStream stream, StreamStatistics finalStatistics) {
    }

    /** The sound card failed; the message names it. */
    default void audioDeviceFailed(Exception error) {
    }
}
