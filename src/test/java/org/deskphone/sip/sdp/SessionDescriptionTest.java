package org.deskphone.sip.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.StringLength;
import org.deskphone.sip.MediaDirection;
import org.junit.jupiter.api.Test;

class SessionDescriptionTest {

    @Test
    void readsAndWritesAPhonesOffer() throws Exception {
        String text = "v=0\r\no=alice 2890844526 2890844527 IN IP4 192.0.2.1\r\ns=call\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\n"
                + "m=audio 49170 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\na=fmtp:101 0-15\r\na=ptime:20\r\na=sendonly\r\n";
        SessionDescription sdp = SessionDescription.parse(text);
        assertThat(sdp.version()).isEqualTo(2890844527L);
        MediaDescription m = sdp.media().get(0);
        assertThat(m.port()).isEqualTo(49170);
        assertThat(m.payloadTypes()).containsExactly(0, 8, 101);
        assertThat(m.rtpmap(0)).get().extracting(Rtpmap::encodingName).isEqualTo("PCMU");
        assertThat(m.rtpmap(8)).get().extracting(Rtpmap::encodingName).isEqualTo("PCMA");
        assertThat(m.fmtp(101)).hasValue("0-15");
        assertThat(m.ptime()).hasValue(20);
        assertThat(m.direction(sdp.direction())).isEqualTo(MediaDirection.SENDONLY);
        assertThat(SessionDescription.parse(sdp.format()).media().get(0).formats()).containsExactly("0", "8", "101");
    }

    @Test
    void acceptsBareLineFeedsAndIpv6() throws Exception {
        SessionDescription sdp = SessionDescription.parse("v=0\no=- 1 1 IN IP6 ::1\ns=-\nc=IN IP6 ::1\nt=0 0\nm=audio 4000 RTP/AVP 0\n");
        assertThat(sdp.connection().get().ipv6()).isTrue();
        assertThat(sdp.connection().get().inetAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
    }

    @Test
    void refusesWhatCannotBeASessionDescriptionNamingTheLine() {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\nthis is not sdp\r\n")).hasMessageContaining("line 2");
        assertThatThrownBy(() -> SessionDescription.parse("o=- 1 1 IN IP4 1.2.3.4\r\n")).hasMessageContaining("v=0");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nm=audio 99999 RTP/AVP 0\r\n"))
                .hasMessageContaining("port");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\nc=IN IP4 evil.example.com\r\n"))
                .hasMessageContaining("IP literal");
        assertThatThrownBy(() -> SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n" + "m=audio 1 RTP/AVP 0\r\n".repeat(40)))
                .hasMessageContaining("media sections");
    }

    @Property(tries = 300)
    void arbitraryTextEitherParsesOrFailsWithAnSdpException(@ForAll @StringLength(max = 400) String text) {
        try {
            SessionDescription.parse("v=0\r\no=- 1 1 IN IP4 1.2.3.4\r\n" + text);
        } catch (SdpException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
