package org.deskphone.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Base64;
import java.util.List;
import java.util.OptionalInt;
import java.util.Random;
import org.deskphone.sip.AudioSession;
import org.deskphone.sip.CodecFormat;
import org.deskphone.sip.HoldStyle;
import org.deskphone.sip.MediaDirection;
import org.deskphone.sip.SrtpMode;
import org.deskphone.sip.SrtpSuite;
import org.junit.jupiter.api.Test;

class OfferAnswerTest {
    static final CodecFormat PCMU = CodecFormat.of("PCMU", 8000, 0);
    static final CodecFormat PCMA = CodecFormat.of("PCMA", 8000, 8);
    static final CodecFormat G722 = CodecFormat.of("G722", 8000, 9);

    /** The ALE manual's SRTP offer (seed L3434-3456, line wrapping undone; key 3 is not valid base64 and key 4 has a ']'). */
    static final String ALE_OFFER = String.join("\r\n",
            "v=0", "o=- 1 1 IN IP4 192.0.2.10", "s=-", "c=IN IP4 192.0.2.10", "t=0 0",
            "m=audio 6000 RTP/SAVP 0 8 18 9 101",
            "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj",
            "a=crypto:2 AES_CM_128_HMAC_SHA1_32 inline:NzkyM2FjNzQ2ZDgxYjg0MzQwMGVmMGUxMzdmNWFm",
            "a=crypto:3 F8_128_HMAC_SHA1_80 inline:NDliMWIzZGE1ZTAwZjA5ZGFhNjQ5YmEANTMzYzA0",
            "a=crypto:4 AES_256_CM_HMAC_SHA1_80 inline:9ztKi]vaFHwrol9aDHzDhThY3wi+1uewRkJtmdsi/5yLpyZroddKiTHyJ8MLA=",
            "a=crypto:5 AES_256_CM_HMAC_SHA1_32 inline:Fc2UsA5aeEp73VSBnwGm6igieG8415i0B4ZnZZuv3mpvFdi7in4NsBVdKobbaA=",
            "a=rtpmap:0 PCMU/8000", "a=rtpmap:8 PCMA/8000", "a=rtpmap:18 G729/8000", "a=fmtp:18 annexb=no",
            "a=rtpmap:9 G722/8000", "a=fmtp:101 0-15", "a=rtpmap:101 telephone-event/8000", "a=ptime:20", "a=sendrecv", "");

    static LocalMedia local(SrtpMode srtp, List<SrtpSuite> suites, CodecFormat... codecs) throws Exception {
        return new LocalMedia(InetAddress.getByName("127.0.0.1"), 40000, List.of(codecs), 20, OptionalInt.of(101), srtp, suites,
                MediaDirection.SENDRECV, HoldStyle.SENDONLY);
    }

    static String offer(String mLine, String... attributes) {
        return "v=0\r\no=peer 5 5 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n" + mLine + "\r\n"
                + String.join("\r\n", attributes) + (attributes.length > 0 ? "\r\n" : "");
    }

    static Negotiation answer(String offer, LocalMedia local) throws Exception {
        return new OfferAnswer(new Random(1)).answer(SessionDescription.parse(offer), local);
    }

    @Test
    void answersTheAleSrtpExampleWithOneSuiteOneCodecAndTelephoneEventAsTheManualShows() throws Exception {
        // seed L3460-3467: the answer carries one codec, 101, one crypto line with the chosen tag, sendrecv, ptime 20
        Negotiation result = answer(ALE_OFFER, local(SrtpMode.STRICT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU, PCMA));
        assertThat(result).isInstanceOf(Negotiation.Agreed.class);
        Negotiation.Agreed agreed = (Negotiation.Agreed) result;
        MediaDescription m = agreed.answer().media().get(0);
        assertThat(m.protocol()).isEqualTo("RTP/SAVP");
        assertThat(m.formats()).containsExactly("0", "101");
        assertThat(m.attributeValues("crypto")).hasSize(1).first().asString().startsWith("1 AES_CM_128_HMAC_SHA1_80 inline:");
        assertThat(m.attribute("sendrecv")).isPresent();
        AudioSession audio = agreed.audio();
        assertThat(audio.codec().encodingName()).isEqualTo("PCMU");
        assertThat(audio.telephoneEvent()).hasValue(101);
        assertThat(audio.remote().getPort()).isEqualTo(6000);
        assertThat(audio.srtp()).isPresent();
        assertThat(audio.srtp().get().remoteKeyAndSalt())
                .isEqualTo(Base64.getDecoder().decode("NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj"));
    }

    @Test
    void picksTheSuiteByThePhonesPriorityNotTheOffersOrder() throws Exception {
        // The manual's AES-256 keys decode to 47 bytes, not 46 (key and salt): unusable, so the next suite wins.
        Negotiation.Agreed fromManual = (Negotiation.Agreed) answer(ALE_OFFER, local(SrtpMode.STRICT,
                List.of(SrtpSuite.AES_256_CM_HMAC_SHA1_32, SrtpSuite.AES_CM_128_HMAC_SHA1_32), PCMU));
        assertThat(fromManual.audio().srtp().get().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        assertThat(fromManual.answer().media().get(0).attributeValues("crypto").get(0)).startsWith("2 AES_CM_128_HMAC_SHA1_32 ");

        String key256 = Base64.getEncoder().encodeToString(new byte[46]);
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/SAVP 0",
                "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj",
                "a=crypto:2 AES_256_CM_HMAC_SHA1_80 inline:" + key256),
                local(SrtpMode.STRICT, List.of(SrtpSuite.AES_256_CM_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(agreed.audio().srtp().get().suite()).isEqualTo(SrtpSuite.AES_256_CM_HMAC_SHA1_80);
        assertThat(agreed.audio().srtp().get().localKeyAndSalt()).hasSize(46);
    }

    @Test
    void refusesWith488ReasonWhenNoCodecIsInCommon() throws Exception {
        Negotiation result = answer(offer("m=audio 7000 RTP/AVP 18", "a=rtpmap:18 G729/8000"),
                local(SrtpMode.NONE, List.of(), PCMU, PCMA));
        assertThat(result).isInstanceOf(Negotiation.Refused.class);
        assertThat(((Negotiation.Refused) result).reason()).contains("no codec in common").contains("G729/8000").contains("PCMU/8000");
    }

    @Test
    void picksTheFirstOfThePhonesOwnCodecsThatTheOfferLists() throws Exception {
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0 8"), local(SrtpMode.NONE, List.of(), PCMA, PCMU));
        assertThat(agreed.audio().codec().encodingName()).isEqualTo("PCMA");
        assertThat(agreed.audio().telephoneEvent()).isEmpty();
    }

    @Test
    void matchesDynamicPayloadTypesByNameAndAnswersWithTheOfferersNumber() throws Exception {
        CodecFormat opus = new CodecFormat("opus", 48000, 2, 125, java.util.Optional.empty());
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 96 97",
                "a=rtpmap:96 OPUS/48000/2", "a=rtpmap:97 telephone-event/48000"), local(SrtpMode.NONE, List.of(), opus));
        assertThat(agreed.audio().codec().payloadType()).isEqualTo(96);
        assertThat(agreed.audio().telephoneEvent()).hasValue(97);
        assertThat(agreed.answer().media().get(0).formats()).containsExactly("96", "97");
    }

    @Test
    void answersSendonlyWithRecvonlyAndInactiveWithInactive() throws Exception {
        Negotiation.Agreed held = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0", "a=sendonly"), local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(held.audio().direction()).isEqualTo(MediaDirection.RECVONLY);
        assertThat(held.answer().media().get(0).attribute("recvonly")).isPresent();
        Negotiation.Agreed inactive = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0", "a=inactive"), local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(inactive.audio().direction()).isEqualTo(MediaDirection.INACTIVE);
    }

    @Test
    void takesTheRfc2543NullAddressAsHold() throws Exception {
        String offer = "v=0\r\no=peer 5 6 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 0.0.0.0\r\nt=0 0\r\nm=audio 7000 RTP/AVP 0\r\n";
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer, local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(agreed.audio().direction().sends()).isFalse();
    }

    @Test
    void rejectsSecureProfileWhenSrtpIsOffAndSaysWhy() throws Exception {
        Negotiation result = answer(ALE_OFFER, local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(((Negotiation.Refused) result).reason()).contains("SRTP is off");
    }

    @Test
    void strictModeRefusesAPlainOffer() throws Exception {
        Negotiation result = answer(offer("m=audio 7000 RTP/AVP 0"), local(SrtpMode.STRICT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(((Negotiation.Refused) result).reason()).contains("no SRTP crypto suite in common");
    }

    @Test
    void bestEffortTakesAPlainOfferAndUsesKeysWhenOfferedInAvp() throws Exception {
        LocalMedia local = local(SrtpMode.BEST_EFFORT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU);
        Negotiation.Agreed plain = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0"), local);
        assertThat(plain.audio().srtp()).isEmpty();
        assertThat(plain.answer().media().get(0).attributeValues("crypto")).isEmpty();
        Negotiation.Agreed keyed = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0",
                "a=crypto:7 aes_cm_128_hmac_sha1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj"), local);
        assertThat(keyed.audio().srtp()).isPresent();
        assertThat(keyed.answer().media().get(0).attributeValues("crypto").get(0)).startsWith("7 AES_CM_128_HMAC_SHA1_80 ");
    }

    @Test
    void skipsCryptoLinesThatCannotBeUsedAndKeepsTheGoodOne() throws Exception {
        // Test purposes like pjsip's sendto 300-331: odd tags, missing or short keys, MKI, duplicates.
        String good = "inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj";
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/SAVP 0",
                "a=crypto:x AES_CM_128_HMAC_SHA1_80 " + good,
                "a=crypto:2 AES_CM_128_HMAC_SHA1_80",
                "a=crypto:3 AES_CM_128_HMAC_SHA1_80 inline:c2hvcnQ=",
                "a=crypto:4 AES_CM_128_HMAC_SHA1_80 " + good + "|2^20|1:4",
                "a=crypto:5 AES_CM_128_HMAC_SHA1_80 " + good + " UNENCRYPTED_SRTP",
                "a=crypto:6 AES_CM_128_HMAC_SHA1_80 " + good,
                "a=crypto:6 AES_CM_128_HMAC_SHA1_32 " + good,
                "a=crypto:0 AES_CM_128_HMAC_SHA1_80 " + good + "|2^31"),
                local(SrtpMode.STRICT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(agreed.answer().media().get(0).attributeValues("crypto")).singleElement().asString().startsWith("0 ");
    }

    @Test
    void refusesSrtpWhenNoLineIsUsable() throws Exception {
        Negotiation result = answer(offer("m=audio 7000 RTP/SAVP 0", "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:"),
                local(SrtpMode.BEST_EFFORT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(result).isInstanceOf(Negotiation.Refused.class);
    }

    @Test
    void rejectsOtherStreamsWithPortZeroAndKeepsTheirOrder() throws Exception {
        String offer = "v=0\r\no=peer 5 5 IN IP4 127.0.0.2\r\ns=-\r\nc=IN IP4 127.0.0.2\r\nt=0 0\r\n"
                + "m=video 9000 RTP/AVP 96\r\na=rtpmap:96 H264/90000\r\nm=audio 0 RTP/AVP 0\r\nm=audio 7002 RTP/AVP 0\r\nm=audio 7004 RTP/AVP 0\r\n";
        Negotiation.Agreed agreed = (Negotiation.Agreed) answer(offer, local(SrtpMode.NONE, List.of(), PCMU));
        List<MediaDescription> media = agreed.answer().media();
        assertThat(media).extracting(MediaDescription::port).containsExactly(0, 0, 40000, 0);
        assertThat(agreed.audio().remote().getPort()).isEqualTo(7002);
    }

    @Test
    void refusesDtlsAndTcpProfiles() throws Exception {
        Negotiation result = answer(offer("m=audio 7000 UDP/TLS/RTP/SAVP 0", "a=fingerprint:sha-256 AB:CD"), local(SrtpMode.BEST_EFFORT,
                List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(((Negotiation.Refused) result).reason()).contains("UDP/TLS/RTP/SAVP");
    }

    @Test
    void sendsWithThePeersPtimeWhenItIsSensible() throws Exception {
        Negotiation.Agreed thirty = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0", "a=ptime:30"), local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(thirty.audio().ptime()).isEqualTo(30);
        Negotiation.Agreed odd = (Negotiation.Agreed) answer(offer("m=audio 7000 RTP/AVP 0", "a=ptime:7"), local(SrtpMode.NONE, List.of(), PCMU));
        assertThat(odd.audio().ptime()).isEqualTo(20);
    }

    @Test
    void offersInPriorityOrderWithKeysAndReadsTheAnswer() throws Exception {
        OfferAnswer mine = new OfferAnswer(new Random(2));
        SessionDescription offer = mine.offer(local(SrtpMode.BEST_EFFORT,
                List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80, SrtpSuite.AES_CM_128_HMAC_SHA1_32), PCMA, PCMU));
        MediaDescription m = offer.media().get(0);
        assertThat(m.protocol()).isEqualTo("RTP/AVP");
        assertThat(m.formats()).containsExactly("8", "0", "101");
        assertThat(m.attributeValues("crypto")).hasSize(2);

        // The peer answers as the phone itself would.
        Negotiation.Agreed theirs = (Negotiation.Agreed) new OfferAnswer(new Random(3))
                .answer(SessionDescription.parse(offer.format()), local(SrtpMode.BEST_EFFORT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_32), PCMU));
        Negotiation.Agreed ours = (Negotiation.Agreed) mine.accept(SessionDescription.parse(theirs.answer().format()));
        assertThat(ours.audio().codec().encodingName()).isEqualTo("PCMU");
        assertThat(ours.audio().srtp().get().suite()).isEqualTo(SrtpSuite.AES_CM_128_HMAC_SHA1_32);
        // Each side unprotects with the other's key.
        assertThat(ours.audio().srtp().get().remoteKeyAndSalt()).isEqualTo(theirs.audio().srtp().get().localKeyAndSalt());
        assertThat(ours.audio().srtp().get().localKeyAndSalt()).isEqualTo(theirs.audio().srtp().get().remoteKeyAndSalt());
    }

    @Test
    void strictOfferUsesSavpAndRefusesAPlainAnswer() throws Exception {
        OfferAnswer mine = new OfferAnswer(new Random(2));
        SessionDescription offer = mine.offer(local(SrtpMode.STRICT, List.of(SrtpSuite.AES_CM_128_HMAC_SHA1_80), PCMU));
        assertThat(offer.media().get(0).protocol()).isEqualTo("RTP/SAVP");
        Negotiation result = mine.accept(SessionDescription.parse(offer("m=audio 7000 RTP/AVP 0")));
        assertThat(((Negotiation.Refused) result).reason()).contains("SRTP is required");
    }

    @Test
    void holdOffersSendonlyOrInactiveOrTheNullAddressAndBumpsTheVersion() throws Exception {
        OfferAnswer mine = new OfferAnswer(new Random(2));
        LocalMedia talking = local(SrtpMode.NONE, List.of(), PCMU);
        SessionDescription first = mine.offer(talking);
        SessionDescription again = mine.offer(talking);
        assertThat(again.version()).isEqualTo(first.version());
        SessionDescription held = mine.offer(talking.withDirection(MediaDirection.SENDONLY));
        assertThat(held.version()).isEqualTo(first.version() + 1);
        assertThat(held.media().get(0).attribute("sendonly")).isPresent();

        LocalMedia old = new LocalMedia(talking.address(), 40000, talking.codecs(), 20, OptionalInt.empty(), SrtpMode.NONE, List.of(),
                MediaDirection.SENDONLY, HoldStyle.RFC2543);
        SessionDescription nullHold = new OfferAnswer(new Random(2)).offer(old);
        assertThat(nullHold.connection().get().isHold()).isTrue();
        assertThat(nullHold.media().get(0).attribute("sendonly")).isEmpty();
    }

    @Test
    void mediaThatCannotDoSrtpNeverOffersKeysInBestEffort() throws Exception {
        SessionDescription offer = new OfferAnswer().offer(local(SrtpMode.BEST_EFFORT, List.of(), PCMU));
        assertThat(offer.media().get(0).attributeValues("crypto")).isEmpty();
        assertThat(offer.media().get(0).protocol()).isEqualTo("RTP/AVP");
    }

    @Test
    void theAnswersPayloadTypeIsTheOneUsedToSend() throws Exception {
        OfferAnswer mine = new OfferAnswer(new Random(2));
        mine.offer(local(SrtpMode.NONE, List.of(), PCMU, G722));
        Negotiation.Agreed agreed = (Negotiation.Agreed) mine.accept(SessionDescription.parse(
                offer("m=audio 7000 RTP/AVP 9 101", "a=rtpmap:101 telephone-event/8000", "a=recvonly")));
        assertThat(agreed.audio().codec().encodingName()).isEqualTo("G722");
        assertThat(agreed.audio().telephoneEvent()).hasValue(101);
        assertThat(agreed.audio().direction()).isEqualTo(MediaDirection.SENDONLY);
    }
}
