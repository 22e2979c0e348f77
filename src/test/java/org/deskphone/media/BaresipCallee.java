package org.deskphone.media;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.deskphone.testing.ExternalTool;
import org.deskphone.testing.FreePort;

/**
 * baresip 1.0 as the far phone of the media interop test, headless on loopback: auto-answer accounts
 * {@code bob} (plain RTP) and {@code carol} (SRTP mandatory) without registration, its microphone a WAV file
 * of speech, what it sends and hears dumped to WAV by the sndfile module. Unlike the shared
 * {@code testing.Baresip} (registered at Kamailio), it needs no registrar, since sipp calls it directly.
 * Started once per test class, stopped by its PID.
 */
final class BaresipCallee implements AutoCloseable {
    final Path home;
    final int sipPort;
    final Path log;
    final Path recordings;
    private final Process process;
    private int controlPort;

    private BaresipCallee(Path home, int sipPort, Process process) {
        this.home = home;
        this.sipPort = sipPort;
        this.log = home.resolve("baresip.log");
        this.recordings = home.resolve("rec");
        this.process = process;
    }

    static BaresipCallee start(Path home, Path speech16k) throws IOException, InterruptedException {
        String baresip = ExternalTool.require("baresip", "baresip-core").toString();
        Files.createDirectories(home.resolve("rec"));
        int sip = FreePort.udpAndTcp();
        int ctrl = FreePort.udpAndTcp();
        int rtp = FreePort.udpRange(42);
        String config = String.join("\n",
                "poll_method epoll",
                "sip_listen 127.0.0.1:" + sip,
                "net_interface 127.0.0.1",
                "dns_server 127.0.0.1:53",
                "call_local_timeout 30",
                "call_max_calls 4",
                "audio_player aubridge,nil",
                "audio_source aufile," + speech16k,
                "audio_alert aubridge,nil",
                "ausrc_srate 16000",
                "ausrc_channels 1",
                "rtp_ports " + rtp + "-" + (rtp + 40),
                "rtp_timeout 0",
                "jitter_buffer_delay 1-5",
                "opus_bitrate 24000",
                "opus_application voip",
                "module_path /usr/lib/baresip/modules",
                "module g711.so",
                "module g722.so",
                "module opus.so",
                "module srtp.so",
                "module aufile.so",
                "module aubridge.so",
                "module sndfile.so",
                "module_tmp uuid.so",
                "module_tmp account.so",
                "module_app contact.so",
                "module_app menu.so",
                "module_app ctrl_tcp.so",
                "ctrl_tcp_listen 127.0.0.1:" + ctrl,
                "snd_path " + home.resolve("rec"),
                "");
        Files.writeString(home.resolve("config"), config);
        String codecs = "audio_codecs=pcmu,pcma,G722/16000/1,opus/48000/2";
        Files.writeString(home.resolve("accounts"),
                "<sip:bob@127.0.0.1:" + sip + ">;regint=0;answermode=auto;" + codecs + "\n"
                + "<sip:carol@127.0.0.1:" + sip + ">;regint=0;answermode=auto;" + codecs + ";mediaenc=srtp-mand\n");
        Files.writeString(home.resolve("contacts"), "");
        Process process = new ProcessBuilder(baresip, "-f", home.toString())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("baresip.log").toFile())
                .start();
        BaresipCallee peer = new BaresipCallee(home, sip, process);
        peer.controlPort = ctrl;
        peer.awaitLog("baresip is ready.", Duration.ofSeconds(10));
        return peer;
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Sends a command through baresip's ctrl_tcp module (a netstring of JSON) and returns its reply. */
    String command(String command, String params) throws IOException {
        String json = "{\"command\":\"" + command + "\",\"params\":\"" + params + "\",\"token\":\"t\"}";
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), controlPort)) {
            socket.setSoTimeout(3000);
            socket.getOutputStream().write((json.length() + ":" + json + ",").getBytes(StandardCharsets.US_ASCII));
            byte[] buffer = new byte[4096];
            StringBuilder reply = new StringBuilder();
            while (!reply.toString().contains("\"response\":true")) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                reply.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            return reply.toString();
        }
    }

    /** How many times {@code text} occurs in the log so far. */
    int count(String text) throws IOException {
        String all = Files.exists(log) ? log() : "";
        int n = 0;
        for (int at = all.indexOf(text); at >= 0; at = all.indexOf(text, at + 1)) {
            n++;
        }
        return n;
    }

    void awaitCount(String text, int times, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count(text) < times) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("baresip did not log '" + text + "' " + times + " times within " + timeout);
            }
            Thread.sleep(20);
        }
    }

    void awaitLog(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && log().contains(text)) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("baresip exited (" + process.exitValue() + "):\n" + log());
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("baresip did not log '" + text + "' within " + timeout + ":\n" + log());
    }

    /** The sndfile dumps whose name ends with {@code suffix} ({@code -enc.wav}: what it sent; {@code -dec.wav}: heard), oldest first. */
    List<Path> dumps(String suffix) throws IOException {
        try (var files = Files.list(recordings)) {
            return files.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Override
    public void close() throws InterruptedException {
        // baresip waits on SIGTERM to unregister; it registered nothing, but a second TERM is its documented way out
        process.destroy();
        if (!process.waitFor(3, TimeUnit.SECONDS)) {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        }
    }
}
