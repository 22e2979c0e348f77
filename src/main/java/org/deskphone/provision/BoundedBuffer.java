package org.deskphone.provision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Collects a download and refuses to grow past its limit: the transport stops reading, so a huge or
 * endless file costs at most {@code limit} bytes of memory.
 */
final class BoundedBuffer extends OutputStream {
    /** Thrown into the transport's read loop when the limit is passed. */
    static final class LimitExceeded extends IOException {
        LimitExceeded(long limit) {
            super("larger than " + limit + " bytes");
        }
    }

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final long limit;

    BoundedBuffer(long limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        check(1);
        bytes.write(b);
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        check(length);
        bytes.write(buffer, offset, length);
    }

    int size() {
        return bytes.size();
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }

    private void check(int more) throws LimitExceeded {
        if (bytes.size() + (long) more > limit) {
            throw new LimitExceeded(limit);
        }
    }
}
