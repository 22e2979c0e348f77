package org.deskphone.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;
import org.deskphone.config.AppliedFile;
import org.deskphone.config.Config;
import org.deskphone.config.ConfigStore;
import org.deskphone.config.Source;
import org.deskphone.testing.Ftpd;
import org.deskphone.testing.Lighttpd;
import org.deskphone.testing.Nginx;
import org.deskphone.testing.Peers;
import org.deskphone.testing.SharedFiles;
import org.deskphone.testing.Tftpd;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deskphone provision} end to end, from each kind of real server on loopback into a data folder, with
 * the real-world files PBXs render (read from the shared corpus in place) and both vendors' trees; then the
 * bad-input cases, each leaving the last good configuration as it was.
 */
@ExtendWith(Peers.class)
class ProvisionCommandIT {
    private static final String MAC = "001565aabbcc";

    @TempDir
    Path data;
    private final CommandLine commandLine = new CommandLine();
    private String out;
    private String err;

    @Test
    void tftpWithAFusionPbxYealinkTree(Tftpd tftpd) throws Exception {
        tftpd.serve("fusionpbx/y000000000000.cfg", corpus("fusionpbx-t28p-y000000000000.cfg"));
        tftpd.serve("fusionpbx/001565aabbcc.cfg", corpus("fusionpbx-t28p-001565aabbcc.cfg"));
        String url = "tftp://127.0.0.1:" + tftpd.port() + "/fusionpbx/";
        assertThat(provision("--url", url, "--mac", "00:15:65:AA:BB:CC")).as(out + err).isZero();
        assertThat(out).contains("GET " + url + "y000000000000.cfg [tftp] ok")
                .contains("GET " + url + "001565AABBCC.cfg [tftp] not found")
                .contains("GET " + url + "001565aabbcc.cfg [tftp] ok")
                .contains("changed account.1.label = Alice 201")
                .contains("changed account.1.password = ***")
                .doesNotContain("alicepw")
                .contains("configuration from " + url + " (command line)")
                .contains("firmware.url = " + url + ": this board cannot install firmware; not downloaded")
                .containsPattern("provisioning \\(provision now\\): applied, \\d+ settings changed; ");
        assertThat(out.indexOf("y000000000000.cfg [tftp] ok")).as("common before MAC (Yealink L1543-1546)")
                .isLessThan(out.indexOf("001565aabbcc.cfg [tftp] ok"));

        assertThat(config("show")).isZero();
        assertThat(out).containsPattern("account\\.1\\.label = Alice 201 +# provisioned " + url.replace(".", "\\.") + "001565aabbcc\\.cfg")
                .contains("account.1.password = ********").doesNotContain("alicepw")
                .contains("## last provisioning: " + url + "y000000000000.cfg md5 ");

        assertThat(provision("--url", url, "--mac", MAC)).isZero();
        assertThat(out).contains("y000000000000.cfg [tftp] ok").contains(", unchanged")
                .contains("provisioning (provision now): unchanged; no restart needed")
                .doesNotContain("changed account");
    }

    @Test
    void httpBasicWithAWazoFile(Nginx nginx) throws Exception {
        nginx.serve("wazo/001565aabbcc.cfg", corpus("wazo-v86-001565aabbcc.cfg"));
        String url = nginx.httpUrl("wazo/");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).as(out + err).isZero();
        assertThat(out).contains("GET " + url + "y000000000000.cfg [http] not found")
                .contains("GET " + url + "001565aabbcc.cfg [http] ok")
                .contains("changed account.1.label = Alice Example")
                .contains("GET http://127.0.0.1:8667/lang/T46S-T54W/004.GUI.French.lang [http] cannot connect")
                .doesNotContain(Nginx.PASSWORD).doesNotContain("alicepw");
        assertThat(nginx.accessLog()).contains("GET /wazo/001565aabbcc.cfg HTTP/1.1\" 200");
    }

    @Test
    void httpsAleTreeWithTheTestCa(Nginx nginx) throws Exception { // ALE L2207-2212, digest E-20
        nginx.serve("ale/config.xml", xml("SettingLanguage", "2", "Account1Label", "from config.xml"));
        nginx.serve("ale/config.M8.xml", xml("SettingDateFormat", "5"));
        nginx.serve("ale/config.3C28A6200088.xml", xml("Account1Label", "Mary", "Account1Password", "s3cr3t"));
        String url = nginx.httpsUrl("ale/");
        assertThat(provision("--url", url, "--mac", "3C28A6200088", "--model", "M8", "--user", Nginx.USER, "--password",
                Nginx.PASSWORD, "--ca", nginx.pki().resolve("ca.crt").toString())).as(out + err).isZero();
        assertThat(out).contains("GET " + url + "config.xml [https] ok").contains("GET " + url + "config.M8.xml [https] ok")
                .contains("GET " + url + "config.3C28A6200088.xml [https] ok")
                .contains("changed account.1.label = Mary").contains("changed local_time.date_format = 5")
                .contains("changed phone_setting.language = 2")
                .contains("changed account.1.password = ***").doesNotContain("s3cr3t")
                .doesNotContain("account.1.label = from config.xml");
        Config saved = ConfigStore.read(data.resolve("config"));
        assertThat(saved.value("account.1.label")).isEqualTo(new Config.Value("Mary",
                Source.provisioned(url + "config.3C28A6200088.xml")));
        assertThat(saved.provisionedFiles()).extracting(AppliedFile::name)
                .containsExactly(url + "config.xml", url + "config.M8.xml", url + "config.3C28A6200088.xml");
    }

    @Test
    void httpsWithoutTrustIsRefusedAndWithInsecureWorks(Nginx nginx) throws Exception {
        nginx.serve("untrusted/config.xml", xml("A", "1"));
        String url = nginx.httpsUrl("untrusted/");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isEqualTo(Main.FAILED);
        assertThat(out).contains("GET " + url + "y000000000000.cfg [https] certificate not trusted")
                .contains("note gave up on " + url + " (command line)")
                .contains("provisioning (provision now): no configuration");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD, "--insecure")).isZero();
        assertThat(out).contains("GET " + url + "config.xml [https] ok");
    }

    @Test
    void mutualTlsWithTheClientCertificate(Nginx nginx) throws Exception {
        nginx.serve("mtls/config.xml", xml("Account1Label", "mutual"));
        String url = nginx.mtlsUrl("mtls/");
        String ca = nginx.pki().resolve("ca.crt").toString();
        assertThat(provision("--url", url, "--mac", MAC, "--ca", ca)).isEqualTo(Main.FAILED);
        assertThat(out).contains("[https] protocol error: HTTP 400");
        assertThat(provision("--url", url, "--mac", MAC, "--ca", ca, "--client-cert", nginx.pki().resolve("client.p12").toString(),
                "--client-cert-password", Nginx.STORE_PASSWORD)).as(out + err).isZero();
        assertThat(out).contains("changed account.1.label = mutual");
    }

    @Test
    void ftpWithTheLoginInTheUrl(Ftpd ftpd) throws Exception { // Yealink L1795-1801, digest E6
        ftpd.serve("yealink/y000000000000.cfg", "#!version:1.0.0.1\nlang.gui = French\n".getBytes(StandardCharsets.UTF_8));
        ftpd.serve("yealink/001565aabbcc.cfg", corpus("fusionpbx-t46s-001565aabbcc.cfg"));
        String url = "ftp://" + Ftpd.USER + ":" + Ftpd.PASSWORD + "@127.0.0.1:" + ftpd.port() + "/yealink/";
        assertThat(provision("--url", url, "--mac", MAC)).as(out + err).isZero();
        assertThat(out).contains("GET ftp://127.0.0.1:" + ftpd.port() + "/yealink/001565aabbcc.cfg [ftp] ok")
                .contains("changed lang.gui = French").doesNotContain(Ftpd.PASSWORD);
    }

    @Test
    void digestAuthentication(Lighttpd lighttpd) throws Exception {
        lighttpd.serve("digest/y000000000066.cfg", corpus("fusionpbx-t46s-y000000000066.cfg"));
        String url = lighttpd.url("digest/");
        assertThat(provision("--url", url, "--mac", MAC, "--model-code", "66", "--user", Lighttpd.USER, "--password",
                Lighttpd.PASSWORD)).as(out + err).isZero();
        assertThat(out).contains("GET " + url + "y000000000066.cfg [http] ok");
        assertThat(provision("--url", url, "--mac", MAC, "--model-code", "66", "--user", Lighttpd.USER, "--password", "wrong"))
                .isEqualTo(Main.FAILED);
        assertThat(out).contains("y000000000066.cfg [http] unauthorized: HTTP 401, the server refused user 'phone'");
    }

    @Test
    void aWrongAesKeyKeepsTheLastGoodConfiguration(Nginx nginx) throws Exception { // Yealink L1579-1583, digest §6 A9
        nginx.serve("aes/y000000000000.cfg", "#!version:1.0.0.1\nauto_provision.aes_key_16.mac = WrongKey12345678\n".getBytes());
        nginx.serve("aes/001565aabbcc.cfg", "#!version:1.0.0.1\naccount.1.label = Good\n".getBytes());
        String url = nginx.httpUrl("aes/");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isZero();
        nginx.serve("aes/001565aabbcc.cfg", yealinkAes("RightKey12345678", "#!version:1.0.0.1\naccount.1.label = Encrypted\n"));
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isEqualTo(Main.FAILED);
        assertThat(out).contains("001565aabbcc.cfg [http] ok").contains("rejected: cannot decrypt: wrong key")
                .doesNotContain("changed account.1.label");
        assertThat(ConfigStore.read(data.resolve("config")).string("account.1.label")).isEqualTo("Good");

        nginx.serve("aes/y000000000000.cfg", "#!version:1.0.0.1\nauto_provision.aes_key_16.mac = RightKey12345678\n".getBytes());
        provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD);
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).as(out).isZero();
        assertThat(out).contains("changed account.1.label = Encrypted").doesNotContain("RightKey12345678");
    }

    @Test
    void aFileInTheWrongFormatKeepsTheLastGoodConfiguration(Nginx nginx) throws Exception {
        nginx.serve("format/001565aabbcc.cfg", "#!version:1.0.0.1\naccount.1.label = Good\n".getBytes());
        String url = nginx.httpUrl("format/");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isZero();
        nginx.serve("format/001565aabbcc.cfg", "account.1.label = NoHeader\n".getBytes());
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isEqualTo(Main.FAILED);
        assertThat(out).contains("rejected: line 1: ").contains("#!version:1.0.0.1").contains("no configuration");
        assertThat(ConfigStore.read(data.resolve("config")).string("account.1.label")).isEqualTo("Good");
    }

    @Test
    void nothingOnTheServerIsNoConfiguration(Nginx nginx) throws Exception {
        String url = nginx.httpUrl("empty/");
        assertThat(provision("--url", url, "--mac", MAC, "--user", Nginx.USER, "--password", Nginx.PASSWORD)).isEqualTo(Main.FAILED);
        assertThat(out).contains("y000000000000.cfg [http] not found").contains("config.xml [http] not found")
                .contains("note no configuration from " + url).contains("no configuration; no restart needed");
    }

    @Test
    void aRestartIsReported(Tftpd tftpd) throws Exception {
        tftpd.serve("restart/001565aabbcc.cfg", "#!version:1.0.0.1\nnetwork.vlan.internet_port_vid = 20\n".getBytes());
        assertThat(provision("--url", "tftp://127.0.0.1:" + tftpd.port() + "/restart/", "--mac", MAC)).isZero();
        assertThat(out).contains("changed network.vlan.internet_port_vid = 20  (needs restart)").contains("; restart needed");
    }

    @Test
    void ringtonesAreCheckedAndStored(Tftpd tftpd) throws Exception { // Yealink L669-703, digest E25
        String base = "tftp://127.0.0.1:" + tftpd.port() + "/ring/";
        tftpd.serve("ring/Ring9.wav", wav(1, 8000, 7, 8, 8000));
        tftpd.serve("ring/Stereo.wav", wav(2, 8000, 7, 8, 8000));
        tftpd.serve("ring/001565aabbcc.cfg", ("#!version:1.0.0.1\nringtone.url = " + base + "Ring9.wav\n").getBytes());
        assertThat(provision("--url", base, "--mac", MAC)).as(out + err).isZero();
        assertThat(out).contains("GET " + base + "Ring9.wav [tftp] ok");
        assertThat(data.resolve("resources/ringtones/Ring9.wav")).exists();

        tftpd.serve("ring/001565aabbcc.cfg", ("#!version:1.0.0.1\nringtone.url = " + base + "Stereo.wav\n").getBytes());
        assertThat(provision("--url", base, "--mac", MAC)).isEqualTo(Main.FAILED);
        assertThat(out).contains("Stereo.wav [tftp] ok").contains("rejected: Stereo.wav has 2 channels; a ringtone must be mono");
        assertThat(data.resolve("resources/ringtones/Stereo.wav")).doesNotExist();

        tftpd.serve("ring/Big.wav", wav(1, 8000, 7, 8, 120_000));
        tftpd.serve("ring/001565aabbcc.cfg", ("#!version:1.0.0.1\nringtone.url = " + base + "Big.wav\n").getBytes());
        assertThat(provision("--url", base, "--mac", MAC)).isZero();
        assertThat(out).contains("Big.wav [tftp] too large");
        tftpd.serve("ring/001565aabbcc.cfg", "#!version:1.0.0.1\nringtone.delete = http://localhost/all\n".getBytes());
        assertThat(provision("--url", base, "--mac", MAC)).isZero();
        assertThat(out).contains("note ringtone.delete: deleted every custom ringtones file");
        assertThat(data.resolve("resources/ringtones/Ring9.wav")).doesNotExist();
    }

    private int provision(String... arguments) {
        return deskphone("provision", arguments);
    }

    private int config(String verb) {
        return deskphone("config", verb);
    }

    private int deskphone(String command, String... arguments) {
        List<String> all = new ArrayList<>(List.of(command));
        all.addAll(Arrays.asList(arguments));
        all.addAll(List.of("--data", data.toString()));
        int code = commandLine.run(all.toArray(String[]::new));
        out = commandLine.out();
        err = commandLine.err();
        return code;
    }

    private static byte[] corpus(String name) throws Exception {
        return Files.readAllBytes(SharedFiles.file("corpus/real-world/" + name));
    }

    static byte[] xml(String... pairs) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n");
        for (int i = 0; i < pairs.length; i += 2) {
            xml.append(" <setting id=\"").append(pairs[i]).append("\" value=\"").append(pairs[i + 1]).append("\" override=\"true\"/>\n");
        }
        return xml.append("</settings>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** What the Yealink Configuration Encryption Tool makes: AES-128-ECB, the key's ASCII as the key, NUL padding. */
    private static byte[] yealinkAes(String key, String plain) throws Exception {
        byte[] bytes = plain.getBytes(StandardCharsets.UTF_8);
        Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key.getBytes(StandardCharsets.US_ASCII), "AES"));
        return cipher.doFinal(Arrays.copyOf(bytes, (bytes.length + 15) / 16 * 16));
    }

    /** A WAV file: {@code format} 7 is µ-law, 6 A-law, 1 PCM. */
    private static byte[] wav(int channels, int rate, int format, int bits, int dataBytes) {
        ByteBuffer wav = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + dataBytes).put("WAVE".getBytes(StandardCharsets.US_ASCII));
        wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) format).putShort((short) channels)
                .putInt(rate).putInt(rate * channels * bits / 8).putShort((short) (channels * bits / 8)).putShort((short) bits);
        wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(dataBytes);
        return wav.array();
    }
}
