package org.deskphone.sip;

/**
 * sipp scenarios for test purposes taken from the public SIPp corpora (pjproject's scripts-sipp and
 * scripts-sendto, anchors.md §3.2): written here in our own words, each as small as its purpose.
 * {@code USER} is replaced by the phone's account user.
 */
final class Scenarios {

    private Scenarios() {
    }

    private static final String SDP_PCMU = """
            v=0
            o=sipp 1 1 IN IP4 [local_ip]
            s=-
            c=IN IP4 [media_ip]
            t=0 0
            m=audio [media_port] RTP/AVP 0 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:101 telephone-event/8000
            """;

    /** Request headers of a call sipp makes to the phone (UAC side). */
    private static String uacHeaders(String method, int cseq) {
        return """
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: <sip:USER@[remote_ip]:[remote_port]>
                Call-ID: [call_id]
                CSeq: %d %s
                Contact: <sip:sipp@[local_ip]:[local_port]>
                Max-Forwards: 70
                """.formatted(cseq, method);
    }

    /** In-dialog request headers from sipp as caller, after the phone's 2xx gave its tag. */
    private static String uacInDialog(String method, int cseq) {
        return """
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
                To: [$to]
                Call-ID: [call_id]
                CSeq: %d %s
                Contact: <sip:sipp@[local_ip]:[local_port]>
                Max-Forwards: 70
                """.formatted(cseq, method);
    }

    private static final String KEEP_TO = """
            <action><ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/></action>""";

    private static String invite(String sdp) {
        String body = sdp == null ? "Content-Length: 0\n\n" : "Content-Type: application/sdp\nContent-Length: [len]\n\n" + sdp;
        return "<send retrans=\"500\"><![CDATA[\nINVITE sip:USER@[remote_ip]:[remote_port] SIP/2.0\n" + uacHeaders("INVITE", 1) + body
                + "]]></send>\n";
    }

    private static String ack(int cseq, String sdp) {
        String body = sdp == null ? "Content-Length: 0\n\n" : "Content-Type: application/sdp\nContent-Length: [len]\n\n" + sdp;
        return "<send><![CDATA[\nACK [next_url] SIP/2.0\n" + uacInDialog("ACK", cseq) + body + "]]></send>\n";
    }

    private static final String BYE = """
            <send retrans="500"><![CDATA[
            BYE [next_url] SIP/2.0
            %s
            Content-Length: 0

            ]]></send>
            <recv response="200"/>
            """.formatted(uacInDialog("BYE", 9).strip());

    /** The ACK of an INVITE refused with a final error (RFC 3261 §17.1.1.3: same branch, the answer's To tag). */
    private static final String ACK_FAILURE = """
            <send><![CDATA[
            ACK sip:USER@[remote_ip]:[remote_port] SIP/2.0
            [last_Via:]
            From: <sip:sipp@[local_ip]:[local_port]>;tag=[pid]SIPpTag00[call_number]
            [last_To:]
            Call-ID: [call_id]
            CSeq: 1 ACK
            Max-Forwards: 70
            Content-Length: 0

            ]]></send>
            """;

    private static String scenario(String name, String body) {
        // sipp refuses variables that are set but never read: checks assign to them only to fail the call.
        java.util.Set<String> checks = new java.util.TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("check_it=\"true\" assign_to=\"(\\w+)\"").matcher(body);
        while (m.find()) {
            checks.add(m.group(1));
        }
        String reference = checks.isEmpty() ? "" : "<Reference variables=\"" + String.join(",", checks) + "\"/>\n";
        return "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n<scenario name=\"" + name + "\">\n" + body + reference + "</scenario>\n";
    }

    /** An INVITE offering only G.729: the phone answers 488 and says why in a Warning. */
    static String noCommonCodec(String user) {
        String sdp = SDP_PCMU.replace("RTP/AVP 0 101", "RTP/AVP 18").replace("a=rtpmap:0 PCMU/8000\na=rtpmap:101 telephone-event/8000\n",
                "a=rtpmap:18 G729/8000\n");
        return scenario("no common codec", (invite(sdp) + """
                <recv response="100" optional="true"/>
                <recv response="488">
                  <action><ereg regexp="no codec in common" search_in="hdr" header="Warning:" check_it="true" assign_to="w"/></action>
                </recv>
                """ + ACK_FAILURE).replace("USER", user));
    }

    /** An offer that insists on SRTP (RTP/SAVP) to an account whose SRTP is off: 488. */
    static String srtpOnly(String user) {
        String sdp = SDP_PCMU.replace("RTP/AVP 0 101", "RTP/SAVP 0")
                + "a=crypto:1 AES_CM_128_HMAC_SHA1_80 inline:NzFlNTUwZDk2OGVlOTc3YzNkYTkwZWVkMTM1YWFj\n";
        return scenario("srtp only", (invite(sdp) + """
                <recv response="100" optional="true"/>
                <recv response="488"/>
                """ + ACK_FAILURE).replace("USER", user));
    }

    /**
     * A call in which sipp sends two digits by SIP INFO, one in each body the manuals name (Yealink
     * {@code account.X.dtmf.info_type}, seed L14297): {@code application/dtmf-relay} and {@code application/dtmf}.
     */
    static String dtmfByInfo(String user) {
        return scenario("DTMF by SIP INFO", (invite(SDP_PCMU) + """
                <recv response="100" optional="true"/>
                <recv response="180" optional="true"/>
                <recv response="200" rrs="true">
                  <action><ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/></action>
                </recv>
                """ + ack(1, null) + "<pause milliseconds=\"300\"/>\n" + info(2, "application/dtmf-relay", "Signal=5\nDuration=160\n")
                + info(3, "application/dtmf", "#") + BYE).replace("USER", user));
    }

    private static String info(int cseq, String type, String body) {
        return "<send retrans=\"500\"><![CDATA[\nINFO [next_url] SIP/2.0\n" + uacInDialog("INFO", cseq)
                + "Content-Type: " + type + "\nContent-Length: [len]\n\n" + body + "]]></send>\n<recv response=\"200\"/>\n";
    }

    /** A call without SDP in the INVITE (late offer): the phone offers in its 200, sipp answers in the ACK. */
    static String lateOffer(String user) {
        return scenario("late offer", (invite(null) + """
                <recv response="100" optional="true"/>
                <recv response="180" optional="true"/>
                <recv response="200" rrs="true">
                  <action>
                    <ereg regexp="m=audio [0-9]+ RTP/AVP" search_in="body" check_it="true" assign_to="offer"/>
                    <ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/>
                  </action>
                </recv>
                """ + ack(1, SDP_PCMU) + "<pause milliseconds=\"500\"/>\n" + BYE).replace("USER", user));
    }

    /** A call, then a re-INVITE without SDP: the phone offers in the 200, sipp answers in the ACK. */
    static String reinviteWithoutSdp(String user) {
        return scenario("re-INVITE without SDP", (invite(SDP_PCMU) + """
                <recv response="100" optional="true"/>
                <recv response="180" optional="true"/>
                <recv response="200" rrs="true">%s</recv>
                """.formatted(KEEP_TO) + ack(1, null) + """
                <pause milliseconds="300"/>
                <send retrans="500"><![CDATA[
                INVITE [next_url] SIP/2.0
                %s
                Content-Length: 0

                ]]></send>
                <recv response="100" optional="true"/>
                <recv response="200">
                  <action><ereg regexp="m=audio [0-9]+ RTP/AVP" search_in="body" check_it="true" assign_to="offer"/></action>
                </recv>
                """.formatted(uacInDialog("INVITE", 2).strip()) + ack(2, SDP_PCMU) + "<pause milliseconds=\"300\"/>\n" + BYE)
                .replace("USER", user));
    }

    /** A call, then an UPDATE that holds (sendonly): the phone answers 200 with recvonly. */
    static String updateHold(String user) {
        return scenario("UPDATE with an offer", (invite(SDP_PCMU) + """
                <recv response="100" optional="true"/>
                <recv response="180" optional="true"/>
                <recv response="200" rrs="true">%s</recv>
                """.formatted(KEEP_TO) + ack(1, null) + """
                <pause milliseconds="300"/>
                <send retrans="500"><![CDATA[
                UPDATE [next_url] SIP/2.0
                %s
                Content-Type: application/sdp
                Content-Length: [len]

                %sa=sendonly
                ]]></send>
                <recv response="200">
                  <action><ereg regexp="a=recvonly" search_in="body" check_it="true" assign_to="answer"/></action>
                </recv>
                <pause milliseconds="300"/>
                """.formatted(uacInDialog("UPDATE", 2).strip(), SDP_PCMU.replace("o=sipp 1 1", "o=sipp 1 2")) + BYE)
                .replace("USER", user));
    }

    /** sipp as the called side keeps the INVITE's headers, to answer it again later (after other messages). */
    private static final String KEEP_INVITE = """
            <recv request="INVITE">
              <action>
                <ereg regexp=".*" search_in="hdr" header="Via:" assign_to="via"/>
                <ereg regexp=".*" search_in="hdr" header="From:" assign_to="from"/>
                <ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/>
                <ereg regexp=".*" search_in="hdr" header="CSeq:" assign_to="cseq"/>
              </action>
            </recv>
            """;

    /** A response with SDP to the INVITE kept by {@link #KEEP_INVITE}; {@code extra} are more header lines. */
    private static String answer(String status, String extra) {
        return "<send><![CDATA[\nSIP/2.0 " + status + "\nVia: [$via]\nFrom: [$from]\nTo: [$to];tag=[pid]SIPpTag01[call_number]\n"
                + "Call-ID: [call_id]\nCSeq: [$cseq]\nContact: <sip:sipp@[local_ip]:[local_port]>\n" + extra
                + "Content-Type: application/sdp\nContent-Length: [len]\n\n" + SDP_PCMU + "]]></send>\n";
    }

    /** The phone calls sipp; sipp rings with a reliable 183 (RFC 3262): the phone must PRACK before the 200. */
    static String reliableProvisional() {
        return scenario("PRACK for a reliable 183", """
                """ + KEEP_INVITE + """
                """ + answer("183 Session Progress", "Require: 100rel\nRSeq: 1\n") + """
                <recv request="PRACK">
                  <action><ereg regexp="1 1 INVITE" search_in="hdr" header="RAck:" check_it="true" assign_to="rack"/></action>
                </recv>
                <send><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                """ + answer("200 OK", "") + """
                <recv request="ACK"/>
                <recv request="BYE"/>
                <send><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                """);
    }

    /** A registrar that is down for maintenance: every REGISTER gets 503. */
    static String registrar503() {
        return scenario("registrar answering 503", """
                <recv request="REGISTER"/>
                <send><![CDATA[
                SIP/2.0 503 Service Unavailable
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                Content-Length: 0

                ]]></send>
                """);
    }

    /**
     * A registrar that challenges with MD5 first and SHA-256 second (RFC 8760): the phone must answer the
     * SHA-256 one. The same server takes the message-summary SUBSCRIBE that follows (a call of its own for
     * sipp, with its own Call-ID, hence the branch at the top) and reports 3 new and 5 old voice messages.
     */
    static String registrarWithMailbox() {
        return scenario("two digest algorithms, then message waiting", """
                <recv request="SUBSCRIBE" optional="true" next="mwi" rrs="true">
                  <action>
                    <ereg regexp="message-summary" search_in="hdr" header="Event:" check_it="true" assign_to="event"/>
                    <ereg regexp=".*" search_in="hdr" header="From:" assign_to="from"/>
                    <ereg regexp=".*" search_in="hdr" header="To:" assign_to="to"/>
                  </action>
                </recv>
                <recv request="REGISTER"/>
                <send><![CDATA[
                SIP/2.0 401 Unauthorized
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                WWW-Authenticate: Digest realm="sipp.test", nonce="5a8f2c", qop="auth", algorithm=MD5
                WWW-Authenticate: Digest realm="sipp.test", nonce="5a8f2c", qop="auth", algorithm=SHA-256
                Content-Length: 0

                ]]></send>
                <recv request="REGISTER">
                  <action>
                    <ereg regexp="algorithm=SHA-256" search_in="hdr" header="Authorization:" check_it="true" assign_to="alg"/>
                    <ereg regexp="response=.[0-9a-f]{64}." search_in="hdr" header="Authorization:" check_it="true" assign_to="resp"/>
                  </action>
                </recv>
                <send next="done"><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag01[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                [last_Contact:];expires=120
                Content-Length: 0

                ]]></send>
                <label id="mwi"/>
                <send><![CDATA[
                SIP/2.0 200 OK
                [last_Via:]
                [last_From:]
                [last_To:];tag=[pid]SIPpTag02[call_number]
                [last_Call-ID:]
                [last_CSeq:]
                Expires: 600
                Contact: <sip:mailbox@[local_ip]:[local_port]>
                Content-Length: 0

                ]]></send>
                <send retrans="500"><![CDATA[
                NOTIFY [next_url] SIP/2.0
                Via: SIP/2.0/[transport] [local_ip]:[local_port];branch=[branch]
                From: [$to];tag=[pid]SIPpTag02[call_number]
                To: [$from]
                Call-ID: [call_id]
                CSeq: 1 NOTIFY
                Contact: <sip:mailbox@[local_ip]:[local_port]>
                Max-Forwards: 70
                Event: message-summary
                Subscription-State: active;expires=600
                Content-Type: application/simple-message-summary
                Content-Length: [len]

                Messages-Waiting: yes
                Voice-Message: 3/5 (1/0)
                ]]></send>
                <recv response="200"/>
                <label id="done"/>
                """);
    }

    /** An out-of-dialog NOTIFY: {@code event} and {@code body} as given; the phone must answer 200. */
    static String unsolicitedNotify(String user, String event, String contentType, String body) {
        return scenario("unsolicited NOTIFY", ("""
                <send retrans="500"><![CDATA[
                NOTIFY sip:USER@[remote_ip]:[remote_port] SIP/2.0
                %s
                Event: EVENT
                Subscription-State: terminated
                """.formatted(uacHeaders("NOTIFY", 1).strip()) + (contentType == null ? "Content-Length: 0\n\n"
                : "Content-Type: " + contentType + "\nContent-Length: [len]\n\n" + body) + """
                ]]></send>
                <recv response="200"/>
                """).replace("USER", user).replace("EVENT", event));
    }
}
