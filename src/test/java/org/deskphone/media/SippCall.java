package org.deskphone.media;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deskphone.testing.ExternalTool;
import org.deskphone.testing.FreePort;

/**
 * The SIP side of an interop call until the phone's own user agent exists (issue 5): sipp sends the INVITE
 * with our SDP offer (our RTP port, one codec, telephone-event, and an SDES key when secure), ACKs the
 * answer, holds the call for a while and hangs up. The answer's port, payload type and key are logged by
 * the scenario and read back here. Only signalling is sipp's; the media is the engine's.
 */
final class SippCall implements AutoCloseable {
    private static final Pattern ANSWER = Pattern.compile(
            "ANSWER port=(\\d+) proto=(\\S+) pt=(\\d+) suite=(\\S*) key=(\\S*) ");

    record Answer(int port, String proto, int payloadType, String suite, String key) {
    }

    private final Process process;
    private final Path log;

    private SippCall(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Calls {@code user} at the baresip on {@code sipPort}, offering {@code rtpmap} on payload type {@code pt}
     * from our {@code rtpPort}; {@code crypto} is an {@code a=crypto} value or null; the call lasts
     * {@code holdMillis} after the ACK.
     */
    static SippCall start(Path dir, int sipPort, String user, int rtpPort, int pt, String rtpmap, String crypto, int holdMillis)
            throws IOException {
        String sipp = ExternalTool.require("sipp", "sip-tester").toString();
        String sdp = String.join("\r\n",
                "v=0",
                "o=deskphone 1 1 IN IP4 127.0.0.1",
                "s=-",
                "c=IN IP4 127.0.0.1",
                "t=0 0",
                "m=audio " + rtpPort + " RTP/" + (crypto != null ? "SAVP" : "AVP") + " " + pt + " 101",
                "a=rtpmap:" + pt + " " + rtpmap,
                "a=rtpmap:101 telephone-event/8000",
                "a=fmtp:101 0-15",
                "a=ptime:20")
                + (crypto != null ? "\r\na=crypto:" + crypto : "") + "\r\na=sendrecv\r\n";
        String headers = "Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]\n"
                + "From: <sip:deskphone@[local_ip]:[local_port]>;tag=[call_number]\n"
                + "To: <sip:" + user + "@[remote_ip]:[remote_port]>%s\n"
                + "Call-ID: [call_id]\n"
                + "CSeq: %s\n"
                + "Contact: <sip:deskphone@[local_ip]:[local_port]>\n"
                + "Max-Forwards: 70\n";
        String uri = "sip:" + user + "@[remote_ip]:[remote_port] SIP/2.0\n";
        String scenario = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\" ?>\n<scenario name=\"deskphone media interop\">\n"
                + "<send retrans=\"500\"><![CDATA[\nINVITE " + uri + headers.formatted("", "1 INVITE")
                + "Content-Type: application/sdp\nContent-Length: [len]\n\n" + sdp + "\n]]></send>\n"
                + "<recv response=\"100\" optional=\"true\"/>\n<recv response=\"180\" optional=\"true\"/>\n"
                + "<recv response=\"183\" optional=\"true\"/>\n"
                + "<recv response=\"200\" rtd=\"true\"><action>\n"
                + "<ereg regexp=\"m=audio ([0-9]+) ([A-Z/]+) ([0-9]+)\" search_in=\"body\" check_it=\"true\" assign_to=\"m,port,proto,pt\"/>\n"
                + "<ereg regexp=\"a=crypto:[0-9]+ ([A-Z0-9_]+) inline:([A-Za-z0-9+/=]+)\" search_in=\"body\" check_it=\"false\" assign_to=\"c,suite,key\"/>\n"
                + "<log message=\"ANSWER port=[$port] proto=[$proto] pt=[$pt] suite=[$suite] key=[$key] line=[$m] crypto=[$c]\"/>\n"
                + "</action></recv>\n"
                + "<send><![CDATA[\nACK " + uri + headers.formatted("[peer_tag_param]", "1 ACK") + "Content-Length: 0\n\n]]></send>\n"
                + "<pause milliseconds=\"" + holdMillis + "\"/>\n"
                + "<send retrans=\"500\"><![CDATA[\nBYE " + uri + headers.formatted("[peer_tag_param]", "2 BYE") + "Content-Length: 0\n\n]]></send>\n"
                + "<recv response=\"200\"/>\n</scenario>\n";
        Path file = dir.resolve("call-" + System.nanoTime() + ".xml");
        Files.writeString(file, scenario);
        Path log = dir.resolve(file.getFileName() + ".log");
        int local = FreePort.udpAndTcp();
        Process process = new ProcessBuilder(sipp, "127.0.0.1:" + sipPort, "-sf", file.toString(), "-i", "127.0.0.1",
                "-p", String.valueOf(local), "-m", "1", "-nostdin", "-trace_logs", "-log_file", log.toString(),
                "-timeout", "30", "-timeout_error")
                .redirectErrorStream(true).redirectOutput(dir.resolve(file.getFileName() + ".out").toFile()).start();
        return new SippCall(process, log);
    }

    Answer awaitAnswer(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(log)) {
                Matcher m = ANSWER.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
                if (m.find()) {
                    return new Answer(Integer.parseInt(m.group(1)), m.group(2), Integer.parseInt(m.group(3)), m.group(4), m.group(5));
                }
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("sipp ended (exit " + process.exitValue() + ") without an answer");
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException("no 200 OK with SDP within " + timeout);
    }

    /** Waits for the BYE's 200 OK; true when sipp counted the call successful. */
    boolean awaitEnd(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            return false;
        }
        return process.exitValue() == 0;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor(2, TimeUnit.SECONDS);
        }
    }
}
