package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.deskphone.testing.Sipp;
import org.junit.jupiter.api.Test;

/**
 * The phone against sipp scenarios, one test purpose each (re-expressed from the public SIPp corpora, see
 * {@link Scenarios}): 488 when nothing is in common, late offer, re-INVITE without SDP, UPDATE, DTMF by SIP
 * INFO, the re-ACK of a retransmitted 2xx, PRACK, two digest algorithms, message waiting and check-sync.
 */
class SippScenarioIT {

    /** An account with no server that answers calls by itself: a phone sipp can call directly. */
    static TestPhone answeringPhone() throws Exception {
        AccountSettings alice = AccountSettings.builder(1).userName("alice").autoAnswer(true).codecOrder(List.of(0, 8)).build();
        return TestPhone.start(TestPhone.settings(false, alice).build());
    }

    static String address(TestPhone phone) {
        return "127.0.0.1:" + phone.ua.endpoints().get(0).port();
    }

    static void assertPassed(Sipp.Result result, TestPhone phone) {
        assertThat(result.passed()).as("%s\n--- phone\n%s", result.describe(), String.join("\n", phone.log)).isTrue();
    }

    @Test
    void refusesAnOfferWithNoCommonCodecWith488() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("no-codec", Scenarios.noCommonCodec("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
            assertThat(phone.onLoop(() -> phone.ua.calls())).isEmpty();
        }
    }

    @Test
    void refusesAnSrtpOnlyOfferWhileSrtpIsOffForTheAccount() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("srtp-only", Scenarios.srtpOnly("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
        }
    }

    @Test
    void reportsDigitsThatComeBySipInfo() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("dtmf-info", Scenarios.dtmfByInfo("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
            phone.await("both digits", Duration.ofSeconds(5), () -> phone.dtmf.size() >= 2);
            assertThat(phone.dtmf).containsExactly('5', '#');
        }
    }

    @Test
    void offersInItsAnswerWhenTheInviteHasNoSdp() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("late-offer", Scenarios.lateOffer("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
            phone.await("the call to end", Duration.ofSeconds(5), () -> phone.ua.calls().isEmpty());
            assertThat(phone.log).anyMatch(line -> line.contains("ended")).noneMatch(line -> line.contains("no usable SDP"));
        }
    }

    @Test
    void offersInItsAnswerToAReinviteWithoutSdp() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("reinvite-no-sdp", Scenarios.reinviteWithoutSdp("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
        }
    }

    @Test
    void answersAnUpdateThatHolds() throws Exception {
        try (TestPhone phone = answeringPhone()) {
            assertPassed(Sipp.run("update", Scenarios.updateHold("alice"), address(phone), 1, Duration.ofSeconds(20)), phone);
        }
    }

    @Test
    void acknowledgesA2xxThatComesAgainAfterTheAck() throws Exception {
        // sipp takes the repeated (identical) ACK for a retransmission and will not count it, so a raw peer plays the UAS.
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false).build()); RawSip peer = new RawSip()) {
            Call call = phone.dial(0, "sip:raw@127.0.0.1:" + peer.port());
            String invite = peer.expect("INVITE ", Duration.ofSeconds(5));
            String ok = "SIP/2.0 200 OK\n"
                    + "Via: " + RawSip.header(invite, "Via") + "\n"
                    + "From: " + RawSip.header(invite, "From") + "\n"
                    + "To: " + RawSip.header(invite, "To") + ";tag=raw1\n"
                    + "Call-ID: " + RawSip.header(invite, "Call-ID") + "\n"
                    + "CSeq: " + RawSip.header(invite, "CSeq") + "\n"
                    + "Contact: <sip:raw@127.0.0.1:" + peer.port() + ">\n"
                    + "Content-Type: application/sdp\n"
                    + "Content-Length: 93\n\n"
                    + "v=0\no=raw 1 1 IN IP4 127.0.0.1\ns=-\nc=IN IP4 127.0.0.1\nt=0 0\nm=audio 9 RTP/AVP 0\na=sendrecv\n";
            int phonePort = phone.ua.endpoints().get(0).port();
            peer.send(ok, phonePort);
            String ack = peer.expect("ACK ", Duration.ofSeconds(5));
            phone.awaitState(call, Call.State.CONNECTED);
            peer.send(ok, phonePort); // as if the ACK had been lost
            String again = peer.expect("ACK ", Duration.ofSeconds(5));
            assertThat(RawSip.header(again, "CSeq")).isEqualTo(RawSip.header(ack, "CSeq"));
            phone.run(call::hangUp);
            peer.expect("BYE ", Duration.ofSeconds(5));
        }
    }

    @Test
    void keepsTheNatBindingOpenWithKeepAlivesOnceRegistered() throws Exception {
        // Yealink account.X.nat.udp_update_enable / udp_update_time (seed L14400-L14428): CRLF keep-alives.
        try (RawSip registrar = new RawSip()) {
            AccountSettings alice = AccountSettings.builder(1).userName("alice")
                    .server(ServerSettings.of("127.0.0.1:" + registrar.port())).keepAlive(Duration.ofSeconds(1)).build();
            try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).build())) {
                String register = registrar.expect("REGISTER ", Duration.ofSeconds(5));
                registrar.send("SIP/2.0 200 OK\nVia: " + RawSip.header(register, "Via") + "\nFrom: " + RawSip.header(register, "From")
                        + "\nTo: " + RawSip.header(register, "To") + ";tag=r1\nCall-ID: " + RawSip.header(register, "Call-ID")
                        + "\nCSeq: " + RawSip.header(register, "CSeq") + "\nContact: " + RawSip.header(register, "Contact")
                        + ";expires=60\nContent-Length: 0\n\n", phone.ua.endpoints().get(0).port());
                phone.awaitRegistered(1);
                int keepAlives = 0;
                long deadline = System.nanoTime() + Duration.ofMillis(3500).toNanos();
                while (System.nanoTime() < deadline) {
                    if (registrar.receive(Duration.ofMillis(200)).filter(m -> m.isBlank() && m.contains("\r\n")).isPresent()) {
                        keepAlives++;
                    }
                }
                assertThat(keepAlives).as("CRLF keep-alives in 3.5 s at one a second").isBetween(2, 5);
            }
        }
    }

    @Test
    void acknowledgesAReliableProvisionalResponseWithPrack() throws Exception {
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false).build());
                Sipp server = Sipp.serve("prack", Scenarios.reliableProvisional(), 1)) {
            Call call = phone.dial(0, "sip:sipp@127.0.0.1:" + server.port());
            phone.awaitState(call, Call.State.CONNECTED);
            phone.run(call::hangUp);
            assertThat(server.awaitEnd(Duration.ofSeconds(10))).as(server.describe()).isZero();
        }
    }

    @Test
    void answersTheStrongerOfTwoDigestChallengesAndShowsWaitingMessages() throws Exception {
        try (Sipp server = Sipp.serve("two-algorithms", Scenarios.registrarWithMailbox(), 2)) {
            AccountSettings alice = AccountSettings.builder(1).userName("alice").password("secret")
                    .server(ServerSettings.of("127.0.0.1:" + server.port())).subscribeMwi(true).build();
            try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).build())) {
                phone.awaitRegistered(1);
                phone.await("message waiting", Duration.ofSeconds(10), () -> phone.ua.account(1).orElseThrow().messageWaiting().waiting());
                MessageSummary summary = phone.onLoop(() -> phone.ua.account(1).orElseThrow().messageWaiting());
                assertThat(summary).isEqualTo(new MessageSummary(true, 3, 5, 1, 0));
            }
            assertThat(server.messages()).as(server.describe()).contains("algorithm=SHA-256");
        }
    }

    @Test
    void takesUnsolicitedMessageSummaryAndCheckSyncNotifies() throws Exception {
        AccountSettings alice = AccountSettings.builder(1).userName("alice").build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice).build())) {
            assertPassed(Sipp.run("mwi-unsolicited", Scenarios.unsolicitedNotify("alice", "message-summary",
                    "application/simple-message-summary", "Messages-Waiting: yes\nVoice-Message: 2/8 (0/2)\n"), address(phone), 1,
                    Duration.ofSeconds(20)), phone);
            phone.await("the message count", Duration.ofSeconds(5), () -> phone.ua.account(1).orElseThrow().messageWaiting().newMessages() == 2);

            assertPassed(Sipp.run("check-sync", Scenarios.unsolicitedNotify("alice", "check-sync;reboot=true", null, null),
                    address(phone), 1, Duration.ofSeconds(20)), phone);
            phone.await("the check-sync event", Duration.ofSeconds(5), () -> !phone.checkSyncs.isEmpty());
            CheckSync request = phone.checkSyncs.get(0);
            assertThat(request.reboot()).isTrue();
            assertThat(request.account()).get().extracting(Account::index).isEqualTo(1);
        }
    }
}
