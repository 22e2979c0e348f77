package org.deskphone.media.rtp;

/**
 * Compound RTCP packets (RFC 3550 §6) written into and read from a caller's array: a sender report (or a
 * receiver report when we sent nothing) with one report block, then an SDES CNAME; and the parts a phone
 * reads back from the far end: its sender report time (for our LSR/DLSR) and its report about our stream.
 */
public final class Rtcp {
    public static final int SR = 200;
    public static final int RR = 201;
    public static final int SDES = 202;
    public static final int BYE = 203;
    /** Seconds from 1900 (NTP) to 1970 (Unix). */
    private static final long NTP_OFFSET = 2208988800L;

    private Rtcp() {
    }

    /** What the far end reported about our stream, and its last sender report; filled by {@link #read}. */
    public static final class Received {
        public boolean senderReport;
        public long senderSsrc;
        /** Middle 32 bits of the NTP time of the far end's last SR. */
        public long ntpMiddle;
        public boolean reportAboutUs;
        public int fractionLost;
        public long cumulativeLost;
        public long jitter;
        public long lastSr;
        public long delaySinceLastSr;
        public boolean bye;
    }

    /** The middle 32 bits of the NTP timestamp for {@code unixMillis}. */
    public static long ntpMiddle(long unixMillis) {
        long seconds = unixMillis / 1000 + NTP_OFFSET;
        long fraction = (unixMillis % 1000) * 65536 / 1000;
        return ((seconds & 0xffff) << 16) | fraction;
    }

    /**
     * Writes SR (or RR when {@code sentPackets} is 0) + SDES CNAME; returns the length. {@code report} may be
     * null when nothing was received yet.
     */
    public static int writeReport(byte[] b, int at, long ssrc, long unixMillis, long rtpTimestamp, long sentPackets,
            long sentOctets, long sourceSsrc, ReceptionStatistics report, long lastSr, long delaySinceLastSr, byte[] cname) {
        boolean sender = sentPackets > 0;
        boolean block = report != null && report.started();
        int p = at;
        int words = (sender ? 6 : 1) + (block ? 6 : 0);
        b[p] = (byte) (0x80 | (block ? 1 : 0));
        b[p + 1] = (byte) (sender ? SR : RR);
        b[p + 2] = (byte) (words >>> 8);
        b[p + 3] = (byte) words;
        RtpPacket.putInt(b, p + 4, ssrc);
        p += 8;
        if (sender) {
            long seconds = unixMillis / 1000 + NTP_OFFSET;
            long fraction = ((unixMillis % 1000) << 32) / 1000;
            RtpPacket.putInt(b, p, seconds);
            RtpPacket.putInt(b, p + 4, fraction);
            RtpPacket.putInt(b, p + 8, rtpTimestamp);
            RtpPacket.putInt(b, p + 12, sentPackets);
            RtpPacket.putInt(b, p + 16, sentOctets);
            p += 20;
        }
        if (block) {
            RtpPacket.putInt(b, p, sourceSsrc);
            long lost = report.cumulativeLost() & 0xffffff;
            RtpPacket.putInt(b, p + 4, ((long) report.takeFractionLost() << 24) | lost);
            RtpPacket.putInt(b, p + 8, report.extendedHighestSequence());
            RtpPacket.putInt(b, p + 12, report.jitter());
            RtpPacket.putInt(b, p + 16, lastSr);
            RtpPacket.putInt(b, p + 20, delaySinceLastSr);
            p += 24;
        }
        // SDES with one chunk: SSRC, CNAME item, a null item, padding to a 32-bit boundary.
        int itemLength = 2 + cname.length;
        int chunk = 4 + itemLength + 1;
        chunk = (chunk + 3) & ~3;
        int sdesWords = chunk / 4;
        b[p] = (byte) 0x81;
        b[p + 1] = (byte) SDES;
        b[p + 2] = (byte) (sdesWords >>> 8);
        b[p + 3] = (byte) sdesWords;
        RtpPacket.putInt(b, p + 4, ssrc);
        b[p + 8] = 1;
        b[p + 9] = (byte) cname.length;
        System.arraycopy(cname, 0, b, p + 10, cname.length);
        for (int i = p + 10 + cname.length; i < p + 4 + chunk; i++) {
            b[i] = 0;
        }
        p += 4 + chunk;
        return p - at;
    }

    /**
     * Reads a compound packet. Returns false when it is not RTCP. Fills {@code out} with the far end's SR
     * time and the report block about {@code ourSsrc}, when present.
     */
    public static boolean read(byte[] b, int at, int length, long ourSsrc, Received out) {
        out.senderReport = false;
        out.reportAboutUs = false;
        out.bye = false;
        int p = at;
        int end = at + length;
        if (length < 8) {
            return false;
        }
        while (p + 4 <= end) {
            if ((b[p] & 0xc0) != 0x80) {
                return false;
            }
            int count = b[p] & 0x1f;
            int type = b[p + 1] & 0xff;
            int bytes = (RtpPacket.u16(b, p + 2) + 1) * 4;
            if (p + bytes > end || type < 192 || type > 223) {
                return false;
            }
            int blocks = p + 8;
            if (type == SR && bytes >= 28) {
                out.senderReport = true;
                out.senderSsrc = RtpPacket.u32(b, p + 4);
                out.ntpMiddle = (RtpPacket.u32(b, p + 8) & 0xffff) << 16 | RtpPacket.u32(b, p + 12) >>> 16;
                blocks = p + 28;
            }
            if (type == SR || type == RR) {
                for (int i = 0; i < count && blocks + 24 <= p + bytes; i++, blocks += 24) {
                    if (RtpPacket.u32(b, blocks) == ourSsrc) {
                        out.reportAboutUs = true;
                        out.fractionLost = b[blocks + 4] & 0xff;
                        long lost = RtpPacket.u32(b, blocks + 4) & 0xffffff;
                        out.cumulativeLost = (lost & 0x800000) != 0 ? lost - 0x1000000 : lost;
                        out.jitter = RtpPacket.u32(b, blocks + 12);
                        out.lastSr = RtpPacket.u32(b, blocks + 16);
                        out.delaySinceLastSr = RtpPacket.u32(b, blocks + 20);
                    }
                }
            }
            if (type == BYE) {
                out.bye = true;
            }
            p += bytes;
        }
        return true;
    }
}
