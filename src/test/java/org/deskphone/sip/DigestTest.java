package org.deskphone.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DigestTest {

    @Test
    void answersTheRfc2617ExampleWithMd5() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"testrealm@host.com\", qop=\"auth,auth-int\", "
                + "nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"", false).orElseThrow();
        String answer = DigestAnswer.authorization(challenge, "Mufasa", "Circle Of Life", "GET", "/dir/index.html", new byte[0], 1, "0a4f113b");
        assertThat(answer).contains("response=\"6629fae49393a05397450978507c4ef1\"").contains("qop=auth").contains("nc=00000001")
                .contains("opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");
    }

    @Test
    void answersTheRfc7616ExampleWithSha256AndMd5() {
        String nonce = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
        String cnonce = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
        DigestChallenge sha = DigestChallenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=SHA-256, "
                + "nonce=\"" + nonce + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", false).orElseThrow();
        DigestChallenge md5 = DigestChallenge.parse("Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, "
                + "nonce=\"" + nonce + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"", false).orElseThrow();
        assertThat(DigestAnswer.authorization(sha, "Mufasa", "Circle of Life", "GET", "/dir/index.html", new byte[0], 1, cnonce))
                .contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"").contains("algorithm=SHA-256");
        assertThat(DigestAnswer.authorization(md5, "Mufasa", "Circle of Life", "GET", "/dir/index.html", new byte[0], 1, cnonce))
                .contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"");
    }

    @Test
    void prefersSha256WhenTheServerOffersTwoAlgorithms() {
        // The test purpose of pjsip's uas-auth-two-algo scenario (RFC 8760 §2.4): MD5 first, SHA-256 second.
        DigestChallenge md5 = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=MD5, qop=\"auth\"", false).orElseThrow();
        DigestChallenge sha = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-256, qop=\"auth\"", false).orElseThrow();
        DigestChallenge unknown = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\", algorithm=SHA-999", false).orElseThrow();
        assertThat(DigestChallenge.strongest(List.of(md5, sha, unknown))).hasValue(sha);
        assertThat(DigestChallenge.strongest(List.of(unknown))).isEmpty();
    }

    @Test
    void readsKamailiosChallengeAndStale() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"127.0.0.1\", nonce=\"Z1+abc\", qop=\"auth\", stale=true", true)
                .orElseThrow();
        assertThat(challenge.algorithm()).isEqualTo("MD5");
        assertThat(challenge.stale()).isTrue();
        assertThat(challenge.proxy()).isTrue();
        assertThat(DigestChallenge.parse("Basic realm=\"x\"", false)).isEmpty();
        assertThat(DigestChallenge.parse("Digest nonce=\"x\"", false)).isEmpty();
    }

    @Test
    void withoutQopUsesTheRfc2069Form() {
        DigestChallenge challenge = DigestChallenge.parse("Digest realm=\"r\", nonce=\"n\"", false).orElseThrow();
        String answer = DigestAnswer.authorization(challenge, "u", "p", "REGISTER", "sip:r", new byte[0], 1, "c");
        String expected = DigestAnswer.hash("MD5", DigestAnswer.hash("MD5", "u:r:p") + ":n:" + DigestAnswer.hash("MD5", "REGISTER:sip:r"));
        assertThat(answer).contains("response=\"" + expected + "\"").doesNotContain("qop").doesNotContain("cnonce");
    }
}
