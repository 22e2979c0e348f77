package org.deskphone.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.deskphone.media.TestAudio;

/** baresip registered to Kamailio, controlled over its TCP control port (see {@code tools/peers/baresip}). */
public final class Baresip extends PeerProcess {
    private static final int SPEECH_RATE = 16000;
    private final String user;
    private final int sipPort;
    private final BaresipControl control;

    private Baresip(Path dir, String user, int sipPort, int rtpFirst, int controlPort, String account, BaresipPeer spec) {
        super("baresip", dir, arguments(dir, sipPort, rtpFirst, controlPort, account, spec));
        this.user = user;
        this.sipPort = sipPort;
        this.control = BaresipControl.connect(controlPort); // at once: events come from the first moment
    }

    static Baresip start(Kamailio registrar, BaresipPeer spec) {
        RequiredTool.require("baresip", "baresip-core");
        RequiredTool.require("sox", "sox");
        StringBuilder account = new StringBuilder("<sip:").append(spec.user()).append('@').append(Kamailio.DOMAIN)
                .append(':').append(registrar.port()).append(";transport=udp>;auth_pass=").append(Kamailio.password(spec.user()))
                .append(";regint=300;audio_codecs=").append(spec.codecs());
        if (spec.autoAnswer()) {
            account.append(";answermode=auto");
        }
        if (!spec.mediaEncryption().isEmpty()) {
            account.append(";mediaenc=").append(spec.mediaEncryption());
        }
        Path dir = folder("baresip-" + spec.user());
        return new Baresip(dir, spec.user(), FreePort.udpAndTcp(), FreePort.udpRange(20),
                FreePort.udpAndTcp(), account.toString(), spec);
    }

    /** The WAV it sends when {@link BaresipPeer#audio()} or {@link BaresipPeer#speech()} asks for one, in its folder. */
    public Path audioSent() {
        return dir().resolve("sent.wav");
    }

    /**
     * A minute of the media tests' speech at 16 kHz (wideband, for G.722 and Opus; baresip resamples it for
     * G.711): baresip 1.0 hangs up when its microphone file ends.
     */
    private static void speak(Path file) {
        short[] once = TestAudio.speech(SPEECH_RATE);
        int times = 60 * SPEECH_RATE / once.length + 1;
        ByteBuffer pcm = ByteBuffer.allocate(once.length * times * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < times; i++) {
            pcm.asShortBuffer().position(i * once.length).put(once);
        }
        AudioFormat format = new AudioFormat(SPEECH_RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(pcm.array()), format, (long) once.length * times)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void synthesise(Path file, String synth) {
        List<String> command = new ArrayList<>(List.of("sox", "-n", "-r", "8000", "-c", "1", "-b", "16", file.toString(), "synth"));
        command.addAll(List.of(synth.trim().split("\\s+")));
        run(command, 60);
    }

    private static List<String> arguments(Path dir, int sipPort, int rtpFirst, int controlPort, String account, BaresipPeer spec) {
        if (spec.speech()) {
            speak(dir.resolve("sent.wav"));
        } else if (!spec.audio().isEmpty()) {
            synthesise(dir.resolve("sent.wav"), spec.audio());
        }
        List<String> arguments = new ArrayList<>(List.of(
                "--sip-port", Integer.toString(sipPort),
                "--rtp-ports", rtpFirst + "-" + (rtpFirst + 19),
                "--ctrl-port", Integer.toString(controlPort),
                "--account", account,
                "--modules", spec.modules()));
        if (spec.record()) {
            arguments.add("--record");
        }
        if (spec.speech() || !spec.audio().isEmpty()) {
            arguments.addAll(List.of("--audio", dir.resolve("sent.wav").toString()));
        }
        return arguments;
    }

    public String user() {
        return user;
    }

    /** Its own SIP address, for calling it directly without the registrar. */
    public String directUri() {
        return "sip:" + user + "@127.0.0.1:" + sipPort;
    }

    public BaresipControl control() {
        return control;
    }

    public String log() {
        return log("baresip.log");
    }

    /** WAV files baresip recorded (with {@link BaresipPeer#record()}): {@code dump-*-dec.wav} is what it heard. */
    public List<Path> recordings() throws IOException {
        try (Stream<Path> files = Files.list(dir().resolve("rec"))) {
            return files.sorted().collect(Collectors.toList());
        }
    }

    @Override
    public synchronized void close() {
        control.close();
        super.close();
    }
}
