package org.deskphone.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Passwords are write-only to the outside (issue 3): a phone provisioned and changed with secrets, logging
 * at debug level, never writes one to its log. (config show and exports are checked in ConfigCommandTest
 * and ConversionTest.)
 */
class SecretMaskingTest {
    private static final String SECRET = "Zq8-secret-Pw";
    private static final String AES = "K3yK3yK3yK3yK3y9";
    @TempDir
    Path folder;

    @Test
    void noSecretReachesTheLogEvenAtDebug() throws Exception {
        Process child = ChildJvm.start(SecretLogChild.class, List.of("-Dtinylog.level=debug"), true, folder.toString(), SECRET, AES);
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(log).isZero();
        assertThat(log).as("debug logging was on and logged the changes").contains("debug logging is on",
                "config account.1.label = visible-label", "config account.1.password = ********",
                "config auto_provision.server.url = ftp://admin:********@10.0.0.1/", "config security.password.user = ********");
        assertThat(log).doesNotContain(SECRET, SECRET.substring(0, 3) + "\"", AES);
    }
}
