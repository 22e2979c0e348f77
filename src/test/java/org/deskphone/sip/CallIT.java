package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calls between the phone and baresip, through Kamailio and direct, with the audio checked both ways: what
 * baresip recorded is what the phone sent, and what the phone recorded is what baresip sent.
 */
@ExtendWith(Peers.class)
class CallIT {
    static final double SAME_AUDIO = 0.6;

    @TempDir
    Path dir;

    static AccountSettings alice(Kamailio kamailio) {
        return AccountSettings.builder(1).userName("alice").password("alicepw")
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port()).withExpires(Duration.ofSeconds(300)))
                .codecOrder(List.of(0, 8)).build();
    }

    @Test
    void callsBaresipThroughKamailioWithAudioBothWays(Kamailio kamailio,
            @BaresipPeer(user = "erin", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES) Baresip erin) throws Exception {
        Path sent = AudioCheck.noise(dir.resolve("sent.wav"), 20, 1);
        Path heard = dir.resolve("heard.wav");
        erin.control().forgetEvents();
        Call call;
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice(kamailio)).build(), sent, heard)) {
            phone.awaitRegistered(1);
            call = phone.dial(1, kamailio.uri("erin"));
            phone.awaitState(call, Call.State.CONNECTED);
            erin.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            TestPhone.sleep(3000);
            MediaStatistics statistics = phone.onLoop(call::statistics);
            assertThat(statistics.codec()).isEqualTo("PCMU/8000");
            assertThat(statistics.packetsSent()).isGreaterThan(100);
            assertThat(statistics.packetsReceived()).isGreaterThan(100);
            phone.run(call::hangUp);
            erin.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
            assertThat(phone.onLoop(() -> call.ending().orElseThrow().byUs())).isTrue();
        }
        Path recorded = newest(erin, "-dec.wav");
        assertThat(AudioCheck.correlation(AudioCheck.read(sent), AudioCheck.read(recorded), 4000))
                .as("baresip heard what the phone sent").isGreaterThan(SAME_AUDIO);
        assertThat(AudioCheck.correlation(AudioCheck.read(erin.audioSent()), AudioCheck.read(heard), 4000))
                .as("the phone heard what baresip sent").isGreaterThan(SAME_AUDIO);
    }

    @Test
    void takesACallFromBaresipThroughKamailioWithAudioBothWays(Kamailio kamailio,
            @BaresipPeer(user = "frank", autoAnswer = false, record = true, audio = "60 whitenoise vol 0.4") Baresip frank) throws Exception {
        Path sent = AudioCheck.noise(dir.resolve("sent.wav"), 20, 2);
        Path heard = dir.resolve("heard.wav");
        frank.control().forgetEvents();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, alice(kamailio)).build(), sent, heard)) {
            phone.awaitRegistered(1);
            frank.control().command("dial", kamailio.uri("alice"));
            Call call = phone.awaitIncoming();
            assertThat(phone.onLoop(() -> call.remote().user())).isEqualTo("frank");
            assertThat(phone.onLoop(call::account)).get().extracting(Account::index).isEqualTo(1);
            phone.run(call::answer);
            frank.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            phone.awaitState(call, Call.State.CONNECTED);
            TestPhone.sleep(3000);
            frank.control().command("hangup", null);
            phone.awaitState(call, Call.State.ENDED);
            assertThat(phone.onLoop(() -> call.ending().orElseThrow().byUs())).isFalse();
        }
        assertThat(AudioCheck.correlation(AudioCheck.read(sent), AudioCheck.read(newest(frank, "-dec.wav")), 4000))
                .as("baresip heard what the phone sent").isGreaterThan(SAME_AUDIO);
        assertThat(AudioCheck.correlation(AudioCheck.read(frank.audioSent()), AudioCheck.read(heard), 4000))
                .as("the phone heard what baresip sent").isGreaterThan(SAME_AUDIO);
    }

    @Test
    void reachesAPhoneRegisteredOverTlsAndOverIpv6(Kamailio kamailio) throws Exception {
        AccountSettings overTls = AccountSettings.builder(1).userName("grace").password("gracepw").autoAnswer(true)
                .transport(ServerTransport.TLS).server(ServerSettings.of("127.0.0.1:" + kamailio.tlsPort())).build();
        AccountSettings overIpv6 = AccountSettings.builder(1).userName("heidi").password("heidipw").autoAnswer(true)
                .transport(ServerTransport.TCP).server(ServerSettings.of("[::1]:" + kamailio.port())).build();
        try (TestPhone grace = TestPhone.start(TestPhone.settings(false, overTls).build());
                TestPhone heidi = TestPhone.start(TestPhone.settings(true, overIpv6).build());
                TestPhone caller = TestPhone.start(TestPhone.settings(false, alice(kamailio)).build())) {
            grace.awaitRegistered(1);
            heidi.awaitRegistered(1);
            caller.awaitRegistered(1);
            // Kamailio opens a TLS connection to grace's contact: the phone's own certificate answers it.
            Call toGrace = caller.dial(1, kamailio.uri("grace"));
            caller.awaitState(toGrace, Call.State.CONNECTED);
            Call atGrace = grace.awaitIncoming();
            assertThat(grace.onLoop(() -> atGrace.audio().orElseThrow().remote().getAddress().getHostAddress())).isEqualTo("127.0.0.1");
            caller.run(toGrace::hangUp);
            grace.awaitState(atGrace, Call.State.ENDED);

            Call toHeidi = caller.dial(1, kamailio.uri("heidi"));
            caller.awaitState(toHeidi, Call.State.CONNECTED);
            Call atHeidi = heidi.awaitIncoming();
            heidi.run(atHeidi::hangUp);
            caller.awaitState(toHeidi, Call.State.ENDED);
        }
    }

    @Test
    void callsBaresipDirectlyWithoutARegistrarAndHoldsAndResumes(@BaresipPeer(user = "dave") Baresip dave) throws Exception {
        dave.control().forgetEvents();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false).build())) {
            Call call = phone.dial(0, dave.directUri());
            phone.awaitState(call, Call.State.CONNECTED);
            dave.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));

            phone.run(call::hold);
            phone.await("the hold to be answered", Duration.ofSeconds(10),
                    () -> call.audio().orElseThrow().direction() == MediaDirection.SENDONLY && !call.audio().get().direction().receives());
            assertThat(phone.onLoop(call::onHold)).isTrue();
            phone.run(call::resume);
            phone.await("the resume to be answered", Duration.ofSeconds(10),
                    () -> call.audio().orElseThrow().direction() == MediaDirection.SENDRECV && !call.onHold());

            // baresip holds us: its re-INVITE says sendonly, ours answers recvonly.
            dave.control().command("hold", null);
            phone.await("baresip's hold", Duration.ofSeconds(10), call::heldByRemote);
            assertThat(phone.onLoop(() -> call.audio().orElseThrow().direction())).isEqualTo(MediaDirection.RECVONLY);
            dave.control().command("resume", null);
            phone.await("baresip's resume", Duration.ofSeconds(10), () -> !call.heldByRemote());

            phone.run(call::hangUp);
            dave.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
    }

    @Test
    void sendsAndReceivesDtmfInRtpAndSipInfo(@BaresipPeer(user = "dave") Baresip dave) throws Exception {
        AccountSettings rtp = AccountSettings.builder(1).userName("alice").dtmfMode(DtmfMode.RFC4733).codecOrder(List.of(0)).build();
        AccountSettings info = AccountSettings.builder(2).userName("alice").dtmfMode(DtmfMode.SIP_INFO).codecOrder(List.of(0)).build();
        dave.control().forgetEvents();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, rtp, info).build())) {
            Call call = phone.dial(1, dave.directUri());
            phone.awaitState(call, Call.State.CONNECTED);
            dave.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            phone.run(() -> call.sendDtmf("5#"));
            assertThat(dave.control().awaitEvent(e -> event(e, "CALL_DTMF_START"), Duration.ofSeconds(5), "DTMF 5").toString()).contains("5");
            assertThat(dave.control().awaitEvent(e -> event(e, "CALL_DTMF_START"), Duration.ofSeconds(5), "DTMF #").toString()).contains("#");

            // baresip sends RFC 4733 events; the phone reports the digits.
            dave.control().command("sndcode", "7");
            phone.await("DTMF 7 from baresip", Duration.ofSeconds(5), () -> phone.dtmf.contains('7'));
            phone.run(call::hangUp);
            dave.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));

            Call second = phone.dial(2, dave.directUri());
            phone.awaitState(second, Call.State.CONNECTED);
            dave.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            phone.run(() -> second.sendDtmf("9"));
            assertThat(dave.control().awaitEvent(e -> event(e, "CALL_DTMF_START"), Duration.ofSeconds(5), "DTMF 9 by INFO").toString())
                    .contains("9");
            phone.run(second::hangUp);
            dave.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
    }

    static Path newest(Baresip peer, String suffix) throws Exception {
        return peer.recordings().stream().filter(p -> p.getFileName().toString().endsWith(suffix))
                .max(Comparator.comparing(p -> {
                    try {
                        return Files.getLastModifiedTime(p);
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })).orElseThrow(() -> new AssertionError("baresip recorded nothing: " + peer.log()));
    }

    static boolean event(JsonObject event, String type) {
        return event.has("type") && event.get("type").getAsString().equals(type);
    }
}
