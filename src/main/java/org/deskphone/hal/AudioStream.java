package org.deskphone.hal;

/** An open full-duplex stream of an {@link AudioDevice}. Closing it stops the frames and joins the thread. */
public interface AudioStream extends AutoCloseable {

    AudioFormat format();

    @Override
    void close();
}
