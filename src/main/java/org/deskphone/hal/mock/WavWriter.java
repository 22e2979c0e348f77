package org.deskphone.hal.mock;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * Writes 16-bit mono PCM as a RIFF/WAVE file whose sizes are filled in on close, so that a recording of
 * unknown length stays a valid file. Appending a frame allocates nothing.
 */
final class WavWriter implements AutoCloseable {
    private static final int HEADER_BYTES = 44;
    private final RandomAccessFile file;
    private final int sampleRate;
    private final byte[] bytes;
    private long dataBytes;

    WavWriter(Path path, int sampleRate, int maxSamplesPerWrite) throws IOException {
        this.file = new RandomAccessFile(path.toFile(), "rw");
        this.sampleRate = sampleRate;
        this.bytes = new byte[maxSamplesPerWrite * 2];
        file.setLength(0);
        file.write(header(0));
    }

    void write(short[] samples, int count) throws IOException {
        for (int i = 0; i < count; i++) {
            bytes[2 * i] = (byte) samples[i];
            bytes[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        file.write(bytes, 0, count * 2);
        dataBytes += count * 2L;
    }

    @Override
    public void close() throws IOException {
        try {
            file.seek(0);
            file.write(header(dataBytes));
        } finally {
            file.close();
        }
    }

    private byte[] header(long data) {
        ByteBuffer header = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        header.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + data));
        header.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
        header.putShort((short) 1).putShort((short) 1).putInt(sampleRate).putInt(sampleRate * 2);
        header.putShort((short) 2).putShort((short) 16);
        header.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) data);
        return header.array();
    }
}
