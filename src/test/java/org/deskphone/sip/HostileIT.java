package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Malformed and hostile messages, after the test purposes of RFC 4475 (torture messages, re-typed here
 * for this phone) and of the public SIPp corpora: the phone answers what it should (400, 405, 413, 416,
 * 486...) or drops what cannot be answered, and keeps its registration, its call, and bounded memory.
 */
@ExtendWith(Peers.class)
class HostileIT {
    /** The status a message may get; 0 means "no answer", which is right for what cannot be parsed. */
    record Case(String name, String text, Set<Integer> allowed) {
    }

    static List<Case> torture(int port) {
        String at = "alice@127.0.0.1:" + port;
        String via = "Via: SIP/2.0/UDP 127.0.0.1:PEER;branch=z9hG4bK";
        List<Case> cases = new ArrayList<>();
        // RFC 4475 §3.1.1.1 (wsinv): folding, compact forms, odd case and spacing, leading zeros: well-formed.
        cases.add(new Case("valid but tortuous", "OPTIONS sip:" + at + ";unknownparam SIP/2.0\n"
                + "TO :\n sip:" + at + " ;   tag    = 1918181833n\n"
                + "from   : \"J Rosenberg \\\\\\\"\"       <sip:jdrosen@example.com>\n  ;\n  tag = 98asjd8\n"
                + "MaX-fOrWaRdS: 0068\nCall-ID: wsinv.ndaksdj@192.0.2.1\nContent-Length   : 0\n"
                + "cseq: 0009\n  OPTIONS\n" + via + "-wsinv;rport\n"
                + "UnknownHeaderWithUnusualValue: ;;,,;;,;\n\n", Set.of(200)));
        // §3.1.1.3 (intmeth): an unknown method made of every token character.
        cases.add(new Case("unknown method", "!interesting-Method0123456789_*+`.%indeed'~ sip:" + at + " SIP/2.0\n"
                + via + "-intmeth\nTo: <sip:" + at + ">\nFrom: <sip:mundane@example.com>;tag=_token~1'+`*%!-.\n"
                + "Call-ID: intmeth.word%ZK-!.*_+'@word`~)(><:\\/\"][?}{\nCSeq: 139122385 !interesting-Method0123456789_*+`.%indeed'~\n"
                + "Max-Forwards: 255\nContent-Length: 0\n\n", Set.of(405, 501)));
        cases.add(new Case("plain unknown method", "FOO sip:" + at + " SIP/2.0\n" + via + "-foo\nTo: <sip:" + at + ">\n"
                + "From: <sip:x@example.com>;tag=1\nCall-ID: foo@x\nCSeq: 1 FOO\nMax-Forwards: 70\nContent-Length: 0\n\n", Set.of(405)));
        // §3.1.1.? escnull-like: escaped NULs and quotes in names.
        cases.add(new Case("escaped nulls", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-escnull\n"
                + "To: \"%00%00\" <sip:null-%00-null@127.0.0.1>\nFrom: sip:null-%00-null@example.com;tag=839923423\n"
                + "Call-ID: escnull.39203ndfvkjdasfkq3w4otrq0adsfdfnavd\nCSeq: 14398234 OPTIONS\nMax-Forwards: 70\n"
                + "Content-Length: 0\n\n", Set.of(200, 400, 0)));
        // §3.1.2.x, the invalid ones.
        cases.add(new Case("unknown URI scheme", "OPTIONS nobodyknows:thisscheme SIP/2.0\n" + via + "-unkscm\n"
                + "To: <nobodyknows:thisscheme>\nFrom: <sip:x@example.com>;tag=2\nCall-ID: unkscm@x\nCSeq: 1 OPTIONS\n"
                + "Max-Forwards: 70\nContent-Length: 0\n\n", Set.of(200, 400, 404, 416, 0)));
        cases.add(new Case("Content-Length beyond the datagram", "INVITE sip:" + at + " SIP/2.0\n" + via + "-clerr\n"
                + "To: <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=3\nCall-ID: clerr@x\nCSeq: 1 INVITE\nMax-Forwards: 70\n"
                + "Content-Type: application/sdp\nContent-Length: 9999\n\nv=0\no=x 1 1 IN IP4 127.0.0.1\n", Set.of(400, 0)));
        cases.add(new Case("negative Content-Length", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-scalar02\n"
                + "To: <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=4\nCall-ID: scalar02@x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\n"
                + "Content-Length: -999\n\n", Set.of(400, 0)));
        cases.add(new Case("numbers too large", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-scalarlg\n"
                + "To: <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=5\nCall-ID: scalarlg@x\nCSeq: 36893488147419103232 OPTIONS\n"
                + "Max-Forwards: 300\nExpires: 1 0\nContent-Length: 0\n\n", Set.of(400, 0)));
        cases.add(new Case("unbalanced quotes", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-quotbal\n"
                + "To: \"Mr. J. User <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=6\nCall-ID: quotbal@x\nCSeq: 1 OPTIONS\n"
                + "Max-Forwards: 70\nContent-Length: 0\n\n", Set.of(400, 0)));
        cases.add(new Case("<> around the request URI", "OPTIONS <sip:" + at + "> SIP/2.0\n" + via + "-ltgtruri\n"
                + "To: <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=7\nCall-ID: ltgtruri@x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\n"
                + "Content-Length: 0\n\n", Set.of(400, 0)));
        cases.add(new Case("spaces in the request URI", "OPTIONS sip:alice@127.0.0.1:" + port + " ;lr SIP/2.0\n" + via + "-lwsruri\n"
                + "To: <sip:" + at + ">\nFrom: <sip:x@example.com>;tag=8\nCall-ID: lwsruri@x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\n"
                + "Content-Length: 0\n\n", Set.of(400, 0)));
        cases.add(new Case("missing mandatory headers", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-insuf\n"
                + "CSeq: 1 OPTIONS\nContent-Length: 0\n\n", Set.of(400, 0)));
        // RFC 4475 §3.1.2.? (multi01) wants 400 for two Call-IDs. jain-sip's parser keeps one of them and the
        // request is answered as if it had one: a known deviation of the stack, harmless for an OPTIONS.
        cases.add(new Case("two Call-IDs", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-multi01\nTo: <sip:" + at + ">\n"
                + "From: <sip:x@example.com>;tag=9\nCall-ID: multi01@x\nCall-ID: multi01-other@x\nCSeq: 1 OPTIONS\nMax-Forwards: 70\n"
                + "Content-Length: 0\n\n", Set.of(400, 0, 200)));
        cases.add(new Case("CSeq of another method", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-mismatch01\nTo: <sip:" + at + ">\n"
                + "From: <sip:x@example.com>;tag=10\nCall-ID: mismatch01@x\nCSeq: 1 INVITE\nMax-Forwards: 70\nContent-Length: 0\n\n",
                Set.of(400, 0)));
        cases.add(new Case("response with a huge status", "SIP/2.0 4294967301 better not break the receiver\n" + via + "-bigcode\n"
                + "To: <sip:" + at + ">;tag=1\nFrom: <sip:x@example.com>;tag=11\nCall-ID: bigcode@x\nCSeq: 1 INVITE\nContent-Length: 0\n\n",
                Set.of(0)));
        cases.add(new Case("request about a call that does not exist", "BYE sip:" + at + " SIP/2.0\n" + via + "-nocall\n"
                + "To: <sip:" + at + ">;tag=nosuch\nFrom: <sip:x@example.com>;tag=12\nCall-ID: nocall@x\nCSeq: 2 BYE\n"
                + "Max-Forwards: 70\nContent-Length: 0\n\n", Set.of(481)));
        String big = "a=x-padding:" + "x".repeat(20_000) + "\n";
        String sdp = "v=0\no=x 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 9 RTP/AVP 0\n" + big;
        cases.add(new Case("a body too large", "INVITE sip:" + at + " SIP/2.0\n" + via + "-huge\nTo: <sip:" + at + ">\n"
                + "From: <sip:x@example.com>;tag=13\nCall-ID: huge@x\nCSeq: 1 INVITE\nMax-Forwards: 70\nContact: <sip:x@127.0.0.1:PEER>\n"
                + "Content-Type: application/sdp\nContent-Length: " + sdp.replace("\n", "\r\n").length() + "\n\n" + sdp, Set.of(413)));
        cases.add(new Case("Max-Forwards 0", "OPTIONS sip:" + at + " SIP/2.0\n" + via + "-zeromf\nTo: <sip:" + at + ">\n"
                + "From: <sip:x@example.com>;tag=14\nCall-ID: zeromf@x\nCSeq: 1 OPTIONS\nMax-Forwards: 0\nContent-Length: 0\n\n",
                Set.of(200, 483)));
        return cases;
    }

    @Test
    void answersOrDropsTortureMessagesAndKeepsItsRegistrationAndCall(Kamailio kamailio,
            @BaresipPeer(user = "dave") Baresip dave) throws Exception {
        AccountSettings alice = AccountSettings.builder(1).userName("alice").password("alicepw")
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port())).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).maxCalls(5).build()); RawSip peer = new RawSip()) {
            phone.awaitRegistered(1);
            Call call = phone.dial(1, kamailio.uri("dave"));
            phone.awaitState(call, Call.State.CONNECTED);
            int port = phone.ua.endpoints().get(0).port();

            Map<String, String> wrong = new LinkedHashMap<>();
            for (Case c : torture(port)) {
                peer.send(c.text().replace("PEER", Integer.toString(peer.port())), port);
                int status = peer.receive(Duration.ofMillis(1500)).map(m -> m.startsWith("SIP/2.0 ") ? RawSip.status(m) : -1).orElse(0);
                while (status == 100) {
                    status = peer.receive(Duration.ofMillis(1500)).map(RawSip::status).orElse(0);
                }
                if (!c.allowed().contains(status)) {
                    wrong.put(c.name(), "got " + status + ", expected one of " + c.allowed());
                }
            }
            Random random = new Random(4475);
            byte[] garbage = new byte[3000];
            for (int i = 0; i < 20; i++) {
                random.nextBytes(garbage);
                peer.send(garbage, port);
            }
            assertThat(wrong).as("messages answered wrongly").isEmpty();

            assertHealthy(phone, call, peer, port);
            phone.run(call::hangUp);
        }
    }

    @Test
    void survivesAFloodOfInvitesWithBusyAndBoundedState(Kamailio kamailio, @BaresipPeer(user = "dave") Baresip dave) throws Exception {
        AccountSettings alice = AccountSettings.builder(1).userName("alice").password("alicepw")
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port())).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).maxCalls(5).build()); RawSip peer = new RawSip()) {
            phone.awaitRegistered(1);
            Call call = phone.dial(1, kamailio.uri("dave"));
            phone.awaitState(call, Call.State.CONNECTED);
            int port = phone.ua.endpoints().get(0).port();
            SipDiagnostics before = phone.onLoop(phone.ua::diagnostics);
            long heapBefore = usedHeap();

            int flood = 200;
            for (int i = 0; i < flood; i++) {
                peer.send(invite(i, port, peer.port()), port);
            }
            Map<Integer, Integer> finals = new LinkedHashMap<>();
            Map<Integer, String> ringing = new LinkedHashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (finals.size() + ringing.size() < flood && System.nanoTime() < deadline) {
                Optional<String> message = peer.receive(Duration.ofSeconds(1));
                if (message.isEmpty()) {
                    // Datagrams lost in the flood: retransmit what got no answer, as any UDP client would (Timer A).
                    for (int i = 0; i < flood; i++) {
                        if (!finals.containsKey(i) && !ringing.containsKey(i)) {
                            peer.send(invite(i, port, peer.port()), port);
                        }
                    }
                    continue;
                }
                if (!message.get().startsWith("SIP/2.0 ")) {
                    continue;
                }
                int n = Integer.parseInt(RawSip.header(message.get(), "Call-ID").replaceAll("flood-(\\d+)@.*", "$1"));
                int status = RawSip.status(message.get());
                if (status >= 200) {
                    finals.put(n, status);
                    peer.send(ack(n, port, peer.port(), RawSip.header(message.get(), "To")), port);
                    ringing.remove(n);
                } else if (status == 180 && !finals.containsKey(n)) {
                    ringing.put(n, message.get());
                }
            }
            assertThat(ringing).as("calls ringing: the phone takes 5 calls, one is up").hasSize(4);
            assertThat(finals.values()).as("the others are busy").containsOnly(486).hasSize(flood - 4);

            for (Integer n : ringing.keySet()) {
                peer.send(cancel(n, port, peer.port()), port);
            }
            int terminated = 0;
            while (terminated < ringing.size()) {
                String message = peer.expect("SIP/2.0 ", Duration.ofSeconds(5));
                if (RawSip.status(message) == 487) {
                    int n = Integer.parseInt(RawSip.header(message, "Call-ID").replaceAll("flood-(\\d+)@.*", "$1"));
                    peer.send(ack(n, port, peer.port(), RawSip.header(message, "To")), port);
                    terminated++;
                }
            }
            phone.await("the ringing calls to be cancelled", Duration.ofSeconds(10), () -> phone.ua.calls().size() == 1);
            // The 196 busy INVITE transactions end T4 (5 s) after their ACK; the 4 CANCELs' transactions stay for
            // Timer J (64 T1 = 32 s) as RFC 3261 §17.2.2 wants, so at most those 4 may be left.
            int cancels = ringing.size();
            try {
                phone.await("the stack's transactions and dialogs to clear", Duration.ofSeconds(30),
                        () -> phone.ua.diagnostics().serverTransactions() <= before.serverTransactions() + cancels
                                && phone.ua.diagnostics().stackDialogs() <= before.stackDialogs());
            } catch (AssertionError e) {
                throw new AssertionError(phone.onLoop(phone.ua::diagnostics) + " (before: " + before + ")", e);
            }
            SipDiagnostics after = phone.onLoop(phone.ua::diagnostics);
            assertThat(after.calls()).isEqualTo(1);
            assertThat(after.stackDialogs()).as("%s, before %s", after, before).isLessThanOrEqualTo(before.stackDialogs() + 1);
            assertThat(usedHeap() - heapBefore).as("heap growth after the flood").isLessThan(32L << 20);
            assertHealthy(phone, call, peer, port);
            phone.run(call::hangUp);
        }
    }

    private static void assertHealthy(TestPhone phone, Call call, RawSip peer, int port) throws Exception {
        assertThat(phone.registration(1)).isInstanceOf(RegistrationStatus.Registered.class);
        assertThat(phone.onLoop(call::state)).isEqualTo(Call.State.CONNECTED);
        long received = phone.onLoop(() -> call.statistics().packetsReceived());
        TestPhone.sleep(500);
        assertThat(phone.onLoop(() -> call.statistics().packetsReceived())).as("RTP still flowing").isGreaterThan(received);
        peer.send("OPTIONS sip:alice@127.0.0.1:" + port + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + peer.port()
                + ";branch=z9hG4bK-health\nTo: <sip:alice@127.0.0.1>\nFrom: <sip:x@example.com>;tag=h\nCall-ID: health@x\n"
                + "CSeq: 1 OPTIONS\nMax-Forwards: 70\nContent-Length: 0\n\n", port);
        assertThat(RawSip.status(peer.expectResponse("health@x", Duration.ofSeconds(3)))).isEqualTo(200);
    }

    private static String invite(int n, int port, int from) {
        String sdp = "v=0\no=x 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 9 RTP/AVP 0\n";
        return "INVITE sip:alice@127.0.0.1:" + port + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-flood-" + n
                + "\nTo: <sip:alice@127.0.0.1>\nFrom: <sip:flood@example.com>;tag=f" + n + "\nCall-ID: flood-" + n + "@x\n"
                + "CSeq: 1 INVITE\nMax-Forwards: 70\nContact: <sip:flood@127.0.0.1:" + from + ">\nContent-Type: application/sdp\n"
                + "Content-Length: " + sdp.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8).length + "\n\n" + sdp;
    }

    private static String ack(int n, int port, int from, String to) {
        return "ACK sip:alice@127.0.0.1:" + port + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-flood-" + n
                + "\nTo: " + to + "\nFrom: <sip:flood@example.com>;tag=f" + n + "\nCall-ID: flood-" + n + "@x\nCSeq: 1 ACK\n"
                + "Max-Forwards: 70\nContent-Length: 0\n\n";
    }

    private static String cancel(int n, int port, int from) {
        return "CANCEL sip:alice@127.0.0.1:" + port + " SIP/2.0\nVia: SIP/2.0/UDP 127.0.0.1:" + from + ";branch=z9hG4bK-flood-" + n
                + "\nTo: <sip:alice@127.0.0.1>\nFrom: <sip:flood@example.com>;tag=f" + n + "\nCall-ID: flood-" + n + "@x\n"
                + "CSeq: 1 CANCEL\nMax-Forwards: 70\nContent-Length: 0\n\n";
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            TestPhone.sleep(100);
        }
        return runtime.totalMemory() - runtime.freeMemory();
    }
}
