package org.deskphone.provision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Digest answers checked against RFC 7616 §3.9.1's worked example; Basic against RFC 7617 §2. */
class AuthChallengeTest {
    private static final String RFC7616_MD5 = "Digest realm=\"http-auth@example.org\", qop=\"auth, auth-int\", algorithm=MD5, "
            + "nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"";
    private static final String RFC7616_SHA256 = RFC7616_MD5.replace("algorithm=MD5", "algorithm=SHA-256");
    private static final Credentials MUFASA = new Credentials("Mufasa", "Circle of Life");
    private static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";

    @Test
    void rfc7616Md5Example() {
        String answer = AuthChallenge.parse(RFC7616_MD5).orElseThrow().digest(MUFASA, "GET", "/dir/index.html", CNONCE, 1);
        assertThat(answer).contains("response=\"8ca523f5e9506fed4657c9700eebdbec\"").contains("qop=auth").contains("nc=00000001")
                .contains("opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"").contains("username=\"Mufasa\"");
    }

    @Test
    void rfc7616Sha256Example() {
        String answer = AuthChallenge.parse(RFC7616_SHA256).orElseThrow().digest(MUFASA, "GET", "/dir/index.html", CNONCE, 1);
        assertThat(answer).contains("response=\"753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1\"");
    }

    @Test
    void digestIsPreferredToBasicAndUnknownSchemesAreIgnored() {
        assertThat(AuthChallenge.best(List.of("Basic realm=\"x\"", RFC7616_MD5)).orElseThrow().scheme()).isEqualTo("digest");
        assertThat(AuthChallenge.best(List.of("Negotiate", "Basic realm=\"x\"")).orElseThrow().scheme()).isEqualTo("basic");
        assertThat(AuthChallenge.best(List.of("Digest realm=\"x\", nonce=\"n\", algorithm=SHA-512-256"))).isEmpty();
        assertThat(AuthChallenge.best(List.of("Digest realm=\"x\", nonce=\"n\", qop=\"auth-int\""))).isEmpty();
    }

    @Test
    void basicAnswerIsRfc7617() {
        assertThat(AuthChallenge.parse("Basic realm=\"WallyWorld\"").orElseThrow()
                .answer(new Credentials("Aladdin", "open sesame"), "GET", "/")).isEqualTo("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==");
    }

    @Test
    void digestWithoutQopUsesTheRfc2069Form() {
        String answer = AuthChallenge.parse("Digest realm=\"r\", nonce=\"n\"").orElseThrow().digest(new Credentials("u", "p"), "GET", "/f", "c", 1);
        assertThat(answer).doesNotContain("qop=").doesNotContain("cnonce");
    }
}
