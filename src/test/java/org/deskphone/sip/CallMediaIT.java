package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.deskphone.media.dtmf.DtmfDetector;
import org.deskphone.testing.Baresip;
import org.deskphone.testing.BaresipPeer;
import org.deskphone.testing.Kamailio;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Calls through Kamailio between the phone (user agent and media engine) and baresip, for the codecs and
 * the SRTP the media engine brings: PCMA, G.722 and Opus (PCMU is {@link CallIT}'s) with and without SRTP
 * (baresip's srtp module, {@code mediaenc=srtp-mand}), calling and called, with the audio checked in both
 * directions; RFC 4733 digits over SRTP both ways, and in-band digits both ways. Speech is the test signal
 * here: Opus keeps speech recognisable and noise only in kind.
 */
@ExtendWith(Peers.class)
class CallMediaIT {
    static final double SAME_AUDIO = 0.6;
    private static final String DIGITS = "159";

    @TempDir
    static Path dir;
    static Path speech;

    /** Ten seconds of speech at 8 kHz: what the phone's microphone says. */
    @BeforeAll
    static void speech() throws Exception {
        speech = AudioCheck.speech(dir.resolve("speech8k.wav"));
    }

    static AccountSettings.Builder alice(Kamailio kamailio) {
        return AccountSettings.builder(1).userName("alice").password("alicepw")
                .server(ServerSettings.of("127.0.0.1:" + kamailio.port()).withExpires(Duration.ofSeconds(300)));
    }

    /**
     * Every codec but PCMU (that is {@link CallIT}'s, and the strict test's below), in plain RTP to erin and in
     * SRTP to judy (srtp-mand), the account's SRTP compulsory: the codec and suite agreed, and speech heard
     * both ways.
     */
    @ParameterizedTest(name = "{1} srtp={2}")
    @CsvSource({"8, PCMA/8000, false", "9, G722/8000, false", "125, opus/48000/2, false", "8, PCMA/8000, true",
        "125, opus/48000/2, true"})
    void callsBaresipWithEachCodecWithAndWithoutSrtp(int code, String rtpmap, boolean srtp, Kamailio kamailio,
            @BaresipPeer(user = "erin", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES) Baresip erin,
            @BaresipPeer(user = "judy", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES + " srtp", mediaEncryption = "srtp-mand") Baresip judy) throws Exception {
        Baresip peer = srtp ? judy : erin;
        Path heard = dir.resolve("heard-" + code + "-" + srtp + ".wav");
        peer.control().forgetEvents();
        AccountSettings account = alice(kamailio).codecOrder(List.of(code)).srtpMode(srtp ? SrtpMode.STRICT : SrtpMode.NONE).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, account).build(), speech, heard)) {
            phone.awaitRegistered(1);
            Call call = phone.dial(1, kamailio.uri(peer.user()));
            phone.awaitState(call, Call.State.CONNECTED);
            peer.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            TestPhone.sleep(3000);
            MediaStatistics statistics = phone.onLoop(call::statistics);
            assertThat(statistics.codec()).isEqualTo(rtpmap);
            assertThat(statistics.srtp()).isEqualTo(srtp ? "AES_CM_128_HMAC_SHA1_80" : "none");
            assertThat(statistics.packetsReceived()).as("%s", statistics).isGreaterThan(100);
            phone.run(call::hangUp);
            peer.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
        assertHeardBothWays(peer, heard);
    }

    /**
     * Strict SRTP offers RTP/SAVP with its keys; baresip (srtp-mand) answers with its own. The suite list holds
     * only the 32-bit tag suite, so baresip and the engine must agree on its shorter tag. (baresip 1.0 logs
     * that it cannot decrypt our SRTCP: it expects the 32-bit tag there too, where RFC 4568 §6.2.2 keeps 80.) Digits go both
     * ways in RFC 4733 events inside SRTP.
     */
    @Test
    void callsAnSrtpOnlyBaresipWithStrictSrtpAndDigitsBothWays(Kamailio kamailio,
            @BaresipPeer(user = "judy", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES + " srtp", mediaEncryption = "srtp-mand") Baresip judy) throws Exception {
        Path heard = dir.resolve("heard-srtp.wav");
        judy.control().forgetEvents();
        AccountSettings strict = alice(kamailio).codecOrder(List.of(0)).srtpMode(SrtpMode.STRICT).dtmfMode(DtmfMode.RFC4733).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, strict).srtpSuites(List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_32))
                .build(), speech, heard)) {
            phone.awaitRegistered(1);
            Call call = phone.dial(1, kamailio.uri("judy"));
            phone.awaitState(call, Call.State.CONNECTED);
            judy.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            assertThat(phone.onLoop(() -> call.audio().orElseThrow().srtp())).get().extracting(SrtpKeys::suite)
                    .isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
            TestPhone.sleep(1500);
            phone.run(() -> call.sendDtmf(DIGITS));
            for (char digit : DIGITS.toCharArray()) {
                assertThat(judy.control().awaitEvent(e -> CallIT.event(e, "CALL_DTMF_START") && e.toString().contains("\"" + digit + "\""),
                        Duration.ofSeconds(5), "DTMF " + digit).toString()).contains(String.valueOf(digit));
            }
            judy.control().command("sndcode", "7");
            phone.await("DTMF 7 from baresip over SRTP", Duration.ofSeconds(5), () -> phone.dtmf.contains('7'));
            MediaStatistics statistics = phone.onLoop(call::statistics);
            assertThat(statistics.srtp()).isEqualTo("AES_CM_128_HMAC_SHA1_32");
            assertThat(statistics.packetsReceived()).as("%s", statistics).isGreaterThan(80);
            phone.run(call::hangUp);
            judy.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));
        }
        assertHeardBothWays(judy, heard);
    }

    /** baresip (srtp-mand) calls with RTP/SAVP and its keys; the best-effort account answers with its own, in G.722. */
    @Test
    void takesAnSrtpCallFromBaresipWithBestEffortSrtp(Kamailio kamailio,
            @BaresipPeer(user = "judy", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES + " srtp", mediaEncryption = "srtp-mand") Baresip judy) throws Exception {
        Path heard = dir.resolve("heard-srtp-in.wav");
        judy.control().forgetEvents();
        AccountSettings bestEffort = alice(kamailio).codecOrder(List.of(9, 0)).srtpMode(SrtpMode.BEST_EFFORT).autoAnswer(true).build();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, bestEffort).build(), speech, heard)) {
            phone.awaitRegistered(1);
            judy.control().command("dial", kamailio.uri("alice"));
            Call call = phone.awaitIncoming();
            phone.awaitState(call, Call.State.CONNECTED);
            judy.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            TestPhone.sleep(3000);
            MediaStatistics statistics = phone.onLoop(call::statistics);
            assertThat(statistics.codec()).isEqualTo("G722/8000");
            assertThat(statistics.srtp()).startsWith("AES_");
            assertThat(statistics.packetsReceived()).as("%s", statistics).isGreaterThan(100);
            judy.control().command("hangup", null);
            phone.awaitState(call, Call.State.ENDED);
        }
        assertHeardBothWays(judy, heard);
    }

    /**
     * In-band DTMF both ways: the phone's tones are found in what baresip heard (by the engine's Goertzel
     * detector, which its own tests check against sox's tones), and the tones baresip plays as its microphone
     * (digit 5, again and again) reach the phone as digits.
     */
    @Test
    void sendsAndDetectsDtmfInBand(Kamailio kamailio,
            @BaresipPeer(user = "erin", record = true, speech = true, codecs = BaresipPeer.ALL_CODECS,
                    modules = BaresipPeer.CODEC_MODULES) Baresip erin,
            @BaresipPeer(user = "ivan", audio = "0.2 sine 770 sine 1336 pad 0.8 0.2 repeat 60") Baresip ivan) throws Exception {
        AccountSettings inBand = alice(kamailio).codecOrder(List.of(0)).dtmfMode(DtmfMode.INBAND).build();
        int recordingsBefore = erin.recordings().size();
        int eventsBefore = erin.control().events().size();
        erin.control().forgetEvents();
        try (TestPhone phone = TestPhone.start(TestPhone.settings(false, inBand).build())) {
            phone.awaitRegistered(1);
            Call toErin = phone.dial(1, kamailio.uri("erin"));
            phone.awaitState(toErin, Call.State.CONNECTED);
            erin.control().awaitEvent("CALL_ESTABLISHED", Duration.ofSeconds(10));
            TestPhone.sleep(500);
            phone.run(() -> toErin.sendDtmf(DIGITS));
            TestPhone.sleep(1500);
            List<JsonObject> events = erin.control().events();
            assertThat(events.subList(eventsBefore, events.size())).as("in-band digits are audio, not events")
                    .noneMatch(e -> CallIT.event(e, "CALL_DTMF_START"));
            phone.run(toErin::hangUp);
            erin.control().awaitEvent("CALL_CLOSED", Duration.ofSeconds(10));

            Call toIvan = phone.dial(1, kamailio.uri("ivan"));
            phone.awaitState(toIvan, Call.State.CONNECTED);
            phone.await("baresip's in-band 5s", Duration.ofSeconds(6), () -> phone.dtmf.stream().filter(d -> d == '5').count() >= 2);
            phone.run(toIvan::hangUp);
        }
        assertThat(digitsHeardBy(erin, recordingsBefore)).as("digits in what baresip heard").isEqualTo(DIGITS);
    }

    /** The digits the engine's detector finds in baresip's newest recording of what it heard. */
    private static String digitsHeardBy(Baresip peer, int recordingsBefore) throws Exception {
        TestPhone.sleep(300); // baresip finishes its WAV headers as the call ends
        assertThat(peer.recordings()).as("a recording of this call").hasSizeGreaterThan(recordingsBefore);
        short[] samples = AudioCheck.read(CallIT.newest(peer, "-dec.wav"));
        DtmfDetector detector = new DtmfDetector();
        StringBuilder digits = new StringBuilder();
        for (int at = 0; at + 160 <= samples.length; at += 160) {
            char digit = detector.feed(samples, at, 160);
            if (digit != 0) {
                digits.append(digit);
            }
        }
        return digits.toString();
    }

    /** What baresip heard is what the phone said, and what the phone heard is what baresip said. */
    private static void assertHeardBothWays(Baresip peer, Path heard) throws Exception {
        TestPhone.sleep(300);
        List<Double> correlations = new ArrayList<>();
        correlations.add(AudioCheck.correlation(AudioCheck.read(speech), AudioCheck.read(CallIT.newest(peer, "-dec.wav")), 4000));
        correlations.add(AudioCheck.correlation(AudioCheck.read(peer.audioSent()), AudioCheck.read(heard), 4000));
        assertThat(correlations).as("baresip heard the phone, the phone heard baresip: %s", Arrays.toString(correlations.toArray()))
                .allMatch(c -> c > SAME_AUDIO);
    }
}
