package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.deskphone.testing.ProcessLines;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real process: {@code deskphone run} with an account registers to Kamailio, names its SIP listening
 * points on the ready line, is called by baresip, and unregisters within the stop budget;
 * {@code deskphone call} calls baresip through Kamailio with its audio and says how it went.
 */
@ExtendWith(Peers.class)
class SipProcessIT {
    private static final Path HOME = Path.of(System.getProperty("deskphone.home", ".")).toAbsolutePath();
    private static final Path LAUNCHER = HOME.resolve("tools/deskphone");

    @TempDir
    Path data;
    private final List<Process> processes = new ArrayList<>();
    private ProcessLines output;

    @AfterEach
    void killLeftovers() {
        processes.stream().filter(Process::isAlive).forEach(Process::destroyForcibly);
    }

    /** The test's account, set as a user sets it on a stopped phone: {@code deskphone config set}. */
    private void account(Kamailio kamailio, String user, String... more) {
        List<String> command = new ArrayList<>(List.of("config", "set", "--data", data.toString(), "account.1.enable=1",
                "account.1.user_name=" + user, "account.1.password=" + Kamailio.password(user),
                "account.1.sip_server.1.address=127.0.0.1", "account.1.sip_server.1.port=" + kamailio.port(),
                "account.1.sip_server.1.expires=300", "account.1.sip_listen_port=0"));
        command.addAll(List.of(more));
        CommandLine deskphone = new CommandLine();
        assertThat(deskphone.run(command.toArray(String[]::new))).as(deskphone.err()).isZero();
    }

    @Test
    void runRegistersShowsItsListeningPointsTakesACallAndUnregistersOnSigterm(Kamailio kamailio,
            @BaresipPeer(user = "frank", autoAnswer = false, record = true, audio = "60 whitenoise vol 0.4") Baresip frank) throws Exception {
        account(kamailio, "1004", "account.1.auto_answer = 1");
        Process phone = start(LAUNCHER.toString(), "run", "--data", data.toString());
        String ready = output.awaitOut("ready ");
        assertThat(ready).containsPattern("sip=udp:127\\.0\\.0\\.1:\\d+,tcp:127\\.0\\.0\\.1:\\d+,tls:127\\.0\\.0\\.1:\\d+");
        assertThat(ready).contains("udp:[::1]:");
        output.awaitErr("line 1: registered with 127.0.0.1:" + kamailio.port());
        assertThat(kamailio.contacts("1004")).hasSize(1);

        frank.control().forgetEvents();
        frank.control().command("dial", kamailio.uri("1004"));
        // RTP established: the phone's media engine answered with audio, not only its SIP with a 200.
        frank.control().awaitEvent("CALL_RTPESTAB", Duration.ofSeconds(15));
        assertThat(frank.control().events()).anyMatch(e -> e.toString().contains("\"CALL_ESTABLISHED\""));
        frank.control().command("hangup", null);
        frank.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));

        signal(phone, "TERM");
        assertThat(phone.waitFor(3, TimeUnit.SECONDS)).as("stopped within 3 s of SIGTERM").isTrue();
        assertThat(kamailio.contacts("1004")).as("unregistered at shutdown").isEmpty();
    }

    @Test
    void callPlacesACallWithAudioAndReportsStatistics(Kamailio kamailio,
            @BaresipPeer(user = "erin", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES) Baresip erin) throws Exception {
        account(kamailio, "alice");
        Path play = org.deskphone.sip.SipTestAudio.noise(data.resolve("play.wav"), 15, 7);
        Path heard = data.resolve("heard.wav");
        Process call = start(LAUNCHER.toString(), "call", kamailio.uri("erin"), "--data", data.toString(), "--play", play.toString(),
                "--record", heard.toString(), "--seconds", "3", "--dtmf", "42");
        assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = String.join("\n", output.stdout());
        assertThat(call.exitValue()).as(output.describe()).isZero();
        assertThat(out).contains("registered with 127.0.0.1:" + kamailio.port()).contains("calling " + kamailio.uri("erin"))
                .contains("answered: PCMU/8000").contains("sent DTMF 42").containsPattern("statistics: codec PCMU/8000, SRTP none, sent \\d{3}");
        assertThat(org.deskphone.sip.SipTestAudio.correlation(play, heard, erin))
                .as("each side heard the other").allMatch(c -> c > 0.6);
    }

    @Test
    void callNegotiatesCodecAndSrtpFromTheConfigurationWithAudioBothWays(Kamailio kamailio,
            @BaresipPeer(user = "judy", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES + " srtp", mediaEncryption = "srtp-mand") Baresip judy) throws Exception {
        // Yealink's SRTP setting (2 = compulsory), ALE's codec order (Opus first): the store takes both dialects.
        account(kamailio, "alice", "account.1.srtp_encryption = 2", "Account1AudioCodec = 125;0");
        Path play = org.deskphone.sip.SipTestAudio.speech(data.resolve("speech.wav"));
        Path heard = data.resolve("heard.wav");
        Process call = start(LAUNCHER.toString(), "call", kamailio.uri("judy"), "--data", data.toString(), "--play", play.toString(),
                "--record", heard.toString(), "--seconds", "3");
        assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = String.join("\n", output.stdout());
        assertThat(call.exitValue()).as(output.describe()).isZero();
        assertThat(out).contains("answered: opus/48000/2").contains("AES_CM_128_HMAC_SHA1_80")
                .containsPattern("statistics: codec opus/48000/2, SRTP AES_CM_128_HMAC_SHA1_80, sent \\d{3}, received \\d{3}");
        assertThat(org.deskphone.sip.SipTestAudio.correlation(play, heard, judy))
                .as("each side heard the other through Opus in SRTP").allMatch(c -> c > 0.6);
    }

    @Test
    void callExitsWithFailureWhenNobodyAnswers(Kamailio kamailio) throws Exception {
        account(kamailio, "alice");
        Process call = start(LAUNCHER.toString(), "call", kamailio.uri("nobody"), "--data", data.toString(), "--seconds", "1");
        assertThat(call.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(call.exitValue()).isEqualTo(1);
        assertThat(String.join("\n", output.stdout())).as(output.describe()).contains("not answered: not found (404");
    }

    private Process start(String... command) throws IOException {
        Process process = new ProcessBuilder(command).directory(data.toFile()).start();
        process.getOutputStream().close();
        processes.add(process);
        output = new ProcessLines(process);
        return process;
    }

    private static void signal(Process process, String name) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(5, TimeUnit.SECONDS)).isTrue();
    }
}
