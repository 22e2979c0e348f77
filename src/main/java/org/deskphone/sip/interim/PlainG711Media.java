package org.deskphone.sip.interim;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import org.deskphone.hal.AudioDevice;
import org.deskphone.sip.CallMedia;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.MediaChannel;
import org.deskphone.sip.MediaEvents;
import org.deskphone.sip.SrtpSuite;

/** The stop-gap {@link CallMedia}: PCMU and PCMA on the phone's sound card, no SRTP. */
public final class PlainG711Media implements CallMedia {
    private final AudioDevice device;

    public PlainG711Media(AudioDevice device) {
        this.device = device;
    }

    @Override
    public List<CodecFormat> codecs(List<Integer> configuredOrder) {
        List<CodecFormat> codecs = new ArrayList<>();
        for (int code : configuredOrder) {
            if (code == 0) {
                codecs.add(CodecFormat.of("PCMU", 8000, 0));
            } else if (code == 8) {
                codecs.add(CodecFormat.of("PCMA", 8000, 8));
            }
        }
        return codecs;
    }

    @Override
    public List<SrtpSuite> srtpSuites() {
        return List.of();
    }

    @Override
    public boolean telephoneEvents() {
        return true;
    }

    @Override
    public boolean inbandDtmf() {
        return true;
    }

    @Override
    public MediaChannel open(InetAddress local, MediaEvents events) throws IOException {
        return new RtpChannel(local, device, events);
    }
}
