package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.deskphone.config.format.ContactFiles;
import org.deskphone.config.format.ContactList;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** What the API's routes do, one phone for the class: settings, files in and out, the virtual phone, the server. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebApiTest {
    @TempDir
    static Path root;
    private WebPhone phone;
    private ApiClient admin;

    @BeforeAll
    void start() throws Exception {
        phone = WebPhone.start(root, Map.of(), Map.of(), null, builder -> builder
                .accounts(new AccountStates() {
                    @Override
                    public boolean available() {
                        return true;
                    }

                    @Override
                    public java.util.Optional<AccountState> state(int account) {
                        return account == 1 ? java.util.Optional.of(new AccountState(AccountState.Registration.REGISTERED,
                                "registered with 192.0.2.50:5060", java.util.Optional.of(Instant.parse("2026-11-22T10:00:00Z"))))
                                : java.util.Optional.empty();
                    }
                }));
        admin = ApiClient.as(phone, "admin", "123456");
    }

    @AfterAll
    void stop() {
        phone.close();
    }

    // ---- settings ----

    @Test
    void aChangeIsAllOrNothingWithTheConfigurationStoresMessages() throws Exception {
        ApiClient.Response refused = admin.post("/api/settings", Map.of("values", Map.of(
                "account.2.label", "Reception", "account.2.sip_server.1.port", "70000")));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).isEqualTo("account.2.sip_server.1.port: '70000' is not an integer from 0 to 65535");
        assertThat(phone.setting("account.2.label")).as("nothing applied").isEmpty();

        ApiClient.Response unknown = admin.post("/api/settings", Map.of("values", Map.of("account.2.no_such_thing", "1")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.error()).contains("no parameter named 'account.2.no_such_thing'");

        ApiClient.Response done = admin.post("/api/settings", Map.of("values", Map.of("account.2.label", "Reception", "account.2.enable", true)));
        assertThat(done.status()).isEqualTo(200);
        assertThat(done.json().getAsJsonArray("changed").toString()).contains("account.2.label").contains("account.2.enable");
        assertThat(done.json().get("restart").getAsBoolean()).isFalse();
        assertThat(phone.setting("account.2.enable")).isEqualTo("1");
        JsonObject label = admin.get("/api/settings?names=account.2.label").json().getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(label.get("value").getAsString()).isEqualTo("Reception");
        assertThat(label.get("source").getAsString()).isEqualTo("local");
        assertThat(label.get("xml").getAsString()).isEqualTo("Account2Label");
        assertThat(label.getAsJsonObject("type").get("permitted").getAsString()).isEqualTo("text of at most 64 characters");

        assertThat(admin.post("/api/settings", Map.of("values", Map.of("sip.reg_surge_prevention", "5"))).json().get("restart").getAsBoolean())
                .as("a setting that takes effect after a restart says so").isTrue();
        assertThat(admin.post("/api/settings/reset", Map.of("names", List.of("account.2.label"))).status()).isEqualTo(200);
        assertThat(phone.setting("account.2.label")).isEmpty();
    }

    @Test
    void aPageSectionForOneAccountHasItsSettingsWithTypesAndRanges() throws Exception {
        JsonArray items = admin.get("/api/settings?page=accounts&section=account&index=3").json().getAsJsonArray("items");
        List<String> names = new ArrayList<>();
        items.forEach(i -> names.add(i.getAsJsonObject().get("name").getAsString()));
        assertThat(names).contains("account.3.enable", "account.3.sip_server.2.port", "voice_mail.number.3")
                .noneMatch(n -> n.startsWith("account.1.") || n.startsWith("account.4."));
        JsonObject port = items.asList().stream().map(e -> e.getAsJsonObject())
                .filter(o -> o.get("name").getAsString().equals("account.3.sip_server.1.port")).findFirst().orElseThrow();
        assertThat(port.getAsJsonObject("type").get("min").getAsString()).isEqualTo("0");
        assertThat(port.getAsJsonObject("type").get("max").getAsString()).isEqualTo("65535");
        assertThat(port.get("default").getAsString()).isEqualTo("5060");
    }

    // ---- status ----

    @Test
    void statusShowsTheNetworkAndEachAccountWithWhatTheUserAgentReports() throws Exception {
        admin.set(Map.of("account.1.enable", "1", "account.1.label", "Front desk", "account.1.sip_server.1.address", "192.0.2.50"));
        JsonObject status = admin.get("/api/status").json();
        assertThat(status.get("model").getAsString()).isEqualTo("deskphone-pc");
        assertThat(status.getAsJsonObject("network").get("available").getAsBoolean()).isTrue();
        assertThat(status.getAsJsonObject("network").getAsJsonArray("lines").toString()).contains("192.0.2.7/24");
        JsonObject account = status.getAsJsonObject("accounts").getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(account.get("label").getAsString()).isEqualTo("Front desk");
        assertThat(account.getAsJsonObject("registration").get("state").getAsString()).isEqualTo("registered");
        assertThat(account.getAsJsonObject("registration").get("until").getAsString()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(status.getAsJsonObject("provisioning").get("available").getAsBoolean()).isFalse();
        // A user may not read the account's settings: the status leaves them out.
        JsonObject asUser = ApiClient.as(phone, "user", "user").get("/api/status").json().getAsJsonObject("accounts")
                .getAsJsonArray("items").get(0).getAsJsonObject();
        assertThat(asUser.has("label")).isFalse();
        assertThat(asUser.has("registration")).isTrue();
    }

    // ---- the server ----

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndPagesAreCompressedAndCached() throws Exception {
        HttpClient http = HttpClient.newBuilder().sslContext(phone.trust()).build();
        HttpResponse<byte[]> index = http.send(HttpRequest.newBuilder(phone.base()).header("Accept-Encoding", "gzip").build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Content-Encoding")).hasValue("gzip");
        assertThat(new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(index.body())).readAllBytes(),
                StandardCharsets.UTF_8)).contains("<script type=\"module\" src=\"app.js\">");
        for (HttpResponse<?> response : List.of(index, http.send(HttpRequest.newBuilder(phone.base().resolve("/api/session")).build(),
                HttpResponse.BodyHandlers.ofString()))) {
            assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("script-src 'self'")
                    .contains("frame-ancestors 'none'").doesNotContain("unsafe");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
            assertThat(response.headers().firstValue("Referrer-Policy")).hasValue("no-referrer");
            assertThat(response.headers().firstValue("Strict-Transport-Security")).as("no HSTS with the phone's own certificate").isEmpty();
        }
        String etag = index.headers().firstValue("ETag").orElseThrow();
        assertThat(http.send(HttpRequest.newBuilder(phone.base()).header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(304);
        assertThat(http.send(HttpRequest.newBuilder(phone.base().resolve("/no-such.js")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(http.send(HttpRequest.newBuilder(phone.base().resolve("/api/nothing")).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(404);
        assertThat(admin.post("/api/settings", "values=1", admin.csrf()).status()).as("a form post is not JSON").isIn(400, 415);
    }

    /** ALE L2096 (DeviceNetworkHttpsDefaultEnable): with both on, HTTP sends the browser to HTTPS. */
    @Test
    void plainHttpRedirectsToTheSamePathOverHttps() throws Exception {
        int httpPort = phone.web.ports().stream().filter(p -> p.scheme().equals("http")).findFirst().orElseThrow().port();
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + httpPort + "/api/status?x=1"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(301);
        assertThat(response.headers().firstValue("Location")).hasValue("https://127.0.0.1:" + phone.base().getPort() + "/api/status?x=1");
    }

    // ---- configuration files ----

    @Test
    void importAppliesAFileAsProvisioningWouldAndExportWritesItInBothDialects() throws Exception {
        String cfg = "#!version:1.0.0.1\naccount.4.label = Imported\naccount.4.sip_server.1.port = 99999\naccount.4.password = Imp-Secret\n";
        ApiClient.Response imported = admin.post("/api/config/import", ApiClient.upload("site.cfg", cfg.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("applied").getAsBoolean()).isTrue();
        assertThat(imported.json().getAsJsonArray("changed").toString()).contains("account.4.label").contains("account.4.password");
        assertThat(imported.json().getAsJsonArray("problems").toString()).contains("site.cfg:3").contains("account.4.sip_server.1.port");
        assertThat(phone.setting("account.4.label")).isEqualTo("Imported");
        assertThat(phone.config.current().source("account.4.label").toString()).isEqualTo("provisioned web import site.cfg");

        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<settings>\n<setting id=\"Account5Label\" value=\"From ALE\"/>\n</settings>\n";
        assertThat(admin.post("/api/config/import", ApiClient.upload("config.xml", xml.getBytes(StandardCharsets.UTF_8))).status()).isEqualTo(200);
        assertThat(phone.setting("account.5.label")).isEqualTo("From ALE");

        ApiClient.Response broken = admin.post("/api/config/import", ApiClient.upload("bad.xml", "<settings><setting id=".getBytes()));
        assertThat(broken.status()).isEqualTo(422);
        assertThat(broken.json().get("applied").getAsBoolean()).isFalse();
        assertThat(broken.json().getAsJsonArray("problems").toString()).contains("bad.xml");
        assertThat(phone.setting("account.5.label")).as("the last good configuration stays").isEqualTo("From ALE");

        ApiClient.Response exportCfg = admin.get("/api/config/export?format=cfg");
        assertThat(exportCfg.headers().firstValue("Content-Disposition").orElseThrow()).contains("deskphone.cfg");
        assertThat(exportCfg.body()).startsWith("#!version:1.0.0.1").contains("account.4.label = Imported").doesNotContain("Imp-Secret")
                .doesNotContain("account.4.password");
        assertThat(admin.get("/api/config/export?format=xml").body()).contains("id=\"Account5Label\" value=\"From ALE\"").doesNotContain("Imp-Secret");
    }

    // ---- dial plan ----

    @Test
    void theTesterAsksTheDialPlanEngine() throws Exception {
        JsonObject answer = admin.post("/api/dialplan/test", Map.of("inputs", List.of("911", "1234"))).json();
        assertThat(answer.get("origin").getAsString()).isEqualTo("factory defaults");
        JsonArray results = answer.getAsJsonArray("results");
        assertThat(results.get(0).getAsJsonObject().get("result").getAsString()).isEqualTo("dial");
        assertThat(results.get(0).getAsJsonObject().get("number").getAsString()).isEqualTo("911");
        assertThat(results.get(1).getAsJsonObject().get("result").getAsString()).isEqualTo("dial");
        assertThat(results.get(1).getAsJsonObject().get("trigger").getAsString()).isEqualTo("auto_dial");

        JsonObject mapped = admin.post("/api/dialplan/test", Map.of("inputs", List.of("0", "5555"), "digitMap", "0T|[2-9]xxx!")).json();
        assertThat(mapped.get("origin").getAsString()).startsWith("the digit map typed here");
        assertThat(mapped.getAsJsonArray("results").get(1).getAsJsonObject().get("result").getAsString()).isEqualTo("block");

        ApiClient.Response bad = admin.post("/api/dialplan/test", Map.of("inputs", List.of("1"), "digitMap", "[2-"));
        assertThat(bad.status()).isEqualTo(422);
    }

    // ---- directory ----

    @Test
    void contactsGoInInAnyFormAndOutInEvery() throws Exception {
        String yealink = """
                <root_group>
                <group display_name="Family" ring="Resource:Ring1.wav"/>
                </root_group>
                <root_contact>
                <contact display_name="Mary" office_number="123" mobile_number="456" other_number="2201" line="0" ring="Auto" group_id_name="Family"/>
                <contact display_name="Ada" office_number="8800" mobile_number="1234" other_number="0000" line="0"/>
                </root_contact>
                """;
        ApiClient user = ApiClient.as(phone, "user", "user");
        ApiClient.Response imported = user.post("/api/directory/import", ApiClient.upload("contacts.xml", yealink.getBytes(StandardCharsets.UTF_8)));
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("contacts").getAsInt()).isEqualTo(2);
        JsonObject listed = user.get("/api/directory").json();
        assertThat(listed.getAsJsonArray("contacts").toString()).contains("Mary").contains("\"otherNumber\":\"0000\"");
        for (String format : new String[] {"yealink", "ale", "csv"}) {
            ApiClient.Response export = user.get("/api/directory/export?format=" + format);
            assertThat(export.status()).isEqualTo(200);
            ContactList back = ContactFiles.read("export." + format, export.body().getBytes(StandardCharsets.UTF_8));
            assertThat(back.contacts()).extracting(c -> c.officeNumber()).containsExactly("123", "8800");
            assertThat(back.contacts()).extracting(c -> c.otherNumber()).containsExactly("2201", "0000");
        }
        ApiClient.Response refused = user.post("/api/directory/import", ApiClient.upload("x.xml", "hello".getBytes()));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.error()).contains("not a contact file");
        assertThat(user.get("/api/directory").json().getAsJsonArray("contacts").size()).as("the directory stays").isEqualTo(2);
    }

    // ---- certificates ----

    /** E-55 (L3248-3250): at most 10 custom CAs, .pem/.cer/.crt/.der only, 5 MB each. */
    @Test
    void trustedCertificatesHaveTheManualsLimits() throws Exception {
        byte[] pem = pem(selfSigned("CN=Test CA 0").certificate);
        assertThat(admin.post("/api/security/trusted", ApiClient.upload("ca.txt", pem)).status()).isEqualTo(422);
        assertThat(admin.post("/api/security/trusted", ApiClient.upload("big.pem", new byte[6 * 1024 * 1024])).status()).isEqualTo(413);
        assertThat(admin.post("/api/security/trusted", ApiClient.upload("junk.pem", "junk".getBytes())).status()).isEqualTo(422);
        for (int i = 0; i < SecurityApi.MAX_TRUSTED; i++) {
            byte[] ca = i == 0 ? pem : pem(selfSigned("CN=Test CA " + i).certificate);
            assertThat(admin.post("/api/security/trusted", ApiClient.upload("ca" + i + ".pem", ca)).status()).isEqualTo(200);
        }
        ApiClient.Response eleventh = admin.post("/api/security/trusted", ApiClient.upload("ca10.pem", pem(selfSigned("CN=One Too Many").certificate)));
        assertThat(eleventh.status()).isEqualTo(422);
        assertThat(eleventh.error()).contains("10 custom CA certificates");
        assertThat(admin.get("/api/security/trusted").tree().getAsJsonArray().toString()).contains("CN=Test CA 0").contains("ca9.pem");
        assertThat(phone.data.resolve("resources/certificates/trusted/ca0.pem")).exists();
        for (int i = 0; i < SecurityApi.MAX_TRUSTED; i++) {
            assertThat(admin.delete("/api/security/trusted?file=ca" + i + ".pem").status()).isEqualTo(200);
        }
        assertThat(admin.get("/api/security/trusted").tree().getAsJsonArray()).isEmpty();
    }

    /** E-56 (L3255-3257): an uploaded server certificate replaces the previous one, for the next connection. */
    @Test
    void anUploadedCertificateReplacesTheWebCertificate(@TempDir Path own) throws Exception {
        // A phone of its own: the others here trust the certificate this test replaces.
        try (WebPhone phone = WebPhone.start(own, Map.of())) {
            replaceCertificate(phone, ApiClient.as(phone, "admin", "123456"));
        }
    }

    private void replaceCertificate(WebPhone phone, ApiClient admin) throws Exception {
        // The phone's own certificate names the address its network has (WebPhone's 192.0.2.7), soon after start.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!servedNames(phone).contains("192.0.2.7") && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(servedNames(phone)).contains("192.0.2.7", "127.0.0.1", "localhost");
        JsonObject before = admin.get("/api/security/certificate").json();
        assertThat(before.get("generated").getAsBoolean()).isTrue();
        assertThat(before.get("key").getAsString()).isEqualTo("RSA 2048 bits");

        KeyAndCertificate uploaded = selfSigned("CN=phone.example.net");
        KeyStore p12 = KeyStore.getInstance("PKCS12");
        p12.load(null, null);
        p12.setKeyEntry("mine", uploaded.pair.getPrivate(), "p12-pass".toCharArray(), new Certificate[] {uploaded.certificate});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p12.store(bytes, "p12-pass".toCharArray());

        Map<String, String> wrongPassword = new java.util.HashMap<>(ApiClient.upload("mine.p12", bytes.toByteArray()));
        wrongPassword.put("password", "nope");
        assertThat(admin.post("/api/security/certificate", wrongPassword).status()).isEqualTo(422);
        Map<String, String> body = new java.util.HashMap<>(ApiClient.upload("mine.p12", bytes.toByteArray()));
        body.put("password", "p12-pass");
        ApiClient.Response replaced = admin.post("/api/security/certificate", body);
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
        assertThat(replaced.json().get("subject").getAsString()).isEqualTo("CN=phone.example.net");
        assertThat(replaced.json().get("generated").getAsBoolean()).isFalse();
        assertThat(servedCertificate(phone).getSubjectX500Principal().getName()).isEqualTo("CN=phone.example.net");
        // The administrator's certificate: browsers may now be told to keep to HTTPS.
        javax.net.ssl.HttpsURLConnection after = (javax.net.ssl.HttpsURLConnection) phone.base().toURL().openConnection();
        after.setSSLSocketFactory(trustingAnything().getSocketFactory());
        after.setHostnameVerifier((host, session) -> true);
        assertThat(after.getResponseCode()).isEqualTo(200);
        assertThat(after.getHeaderField("Strict-Transport-Security")).isEqualTo("max-age=31536000");
        after.disconnect();
        assertThat(admin.post("/api/security/certificate", ApiClient.upload("mine.pem", bytes.toByteArray())).status()).isEqualTo(422);
    }

    private static X509Certificate servedCertificate(WebPhone phone) throws Exception {
        try (SSLSocket socket = (SSLSocket) trustingAnything().getSocketFactory().createSocket("127.0.0.1", phone.base().getPort())) {
            socket.startHandshake();
            return (X509Certificate) socket.getSession().getPeerCertificates()[0];
        }
    }

    private static List<String> servedNames(WebPhone phone) throws Exception {
        var names = servedCertificate(phone).getSubjectAlternativeNames();
        return names == null ? List.of() : names.stream().map(name -> String.valueOf(name.get(1))).toList();
    }

    /** TLS that takes any certificate: to see which one the phone serves. */
    private static SSLContext trustingAnything() throws Exception {
        SSLContext any = SSLContext.getInstance("TLS");
        any.init(null, new TrustManager[] {new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String type) {
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        }}, null);
        return any;
    }

    private record KeyAndCertificate(KeyPair pair, X509Certificate certificate) {
    }

    private static KeyAndCertificate selfSigned(String subject) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(30))), name, pair.getPublic());
        return new KeyAndCertificate(pair, new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()))));
    }

    private static byte[] pem(X509Certificate certificate) throws Exception {
        return ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    // ---- the virtual phone ----

    @Test
    void keysAndHookReachThePhoneAndItsLcdStreamsLive() throws Exception {
        ApiClient user = ApiClient.as(phone, "user", "user");
        int before = phone.keys.size();
        assertThat(user.post("/api/phone/key", Map.of("key", "5")).status()).isEqualTo(200);
        assertThat(user.post("/api/phone/key", Map.of("key", "line 2", "action", "down")).status()).isEqualTo(200);
        assertThat(user.post("/api/phone/key", Map.of("key", "line 2", "action", "up")).status()).isEqualTo(200);
        assertThat(user.post("/api/phone/key", Map.of("key", "volume_up")).status()).isEqualTo(200);
        awaitSize(phone.keys, before + 6);
        assertThat(phone.keys.subList(before, before + 6)).containsExactly(KeyEvent.down(Key.digit(5)), KeyEvent.up(Key.digit(5)),
                KeyEvent.down(Key.line(2)), KeyEvent.up(Key.line(2)), KeyEvent.down(Key.of(Key.Kind.VOLUME_UP)),
                KeyEvent.up(Key.of(Key.Kind.VOLUME_UP)));
        assertThat(user.post("/api/phone/key", Map.of("key", "line 4")).status()).as("the PC has three line keys").isEqualTo(400);
        assertThat(user.post("/api/phone/key", Map.of("key", "banana")).status()).isEqualTo(400);

        ApiClient.Response lifted = user.post("/api/phone/hook", Map.of("offHook", true));
        assertThat(lifted.json().get("offHook").getAsBoolean()).isTrue();
        awaitSize(phone.hooks, 1);
        assertThat(phone.hooks).containsExactly(HookState.OFF_HOOK);
        user.post("/api/phone/hook", Map.of("offHook", false));

        // The stream starts with what the LCD shows, then sends each change: a 12-hour clock redraws the idle screen.
        HttpClient http = HttpClient.newBuilder().sslContext(phone.trust()).build();
        HttpRequest request = HttpRequest.newBuilder(phone.base().resolve("/api/phone/events")).header("Cookie", user.cookieHeader().orElseThrow()).build();
        HttpResponse<InputStream> stream = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(stream.statusCode()).isEqualTo(200);
        try (BufferedReader events = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            String first = nextPanel(events);
            String shown = String.join("\n", phone.panel.state().screen().lines());
            assertThat(first).contains(phone.panel.state().screen().line(0).strip());
            CompletableFuture.runAsync(() -> {
                try {
                    admin.set(Map.of("local_time.time_format", phone.setting("local_time.time_format").equals("1") ? "0" : "1"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            String next = nextPanel(events);
            assertThat(next).isNotEqualTo(first);
            assertThat(String.join("\n", phone.panel.state().screen().lines())).isNotEqualTo(shown);
            assertThat(next).contains(phone.panel.state().screen().line(0).strip());
        }
    }

    private static String nextPanel(BufferedReader events) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                String text;
                while ((text = events.readLine()) != null) {
                    if (text.startsWith("data: ") && text.contains("\"lcd\"")) {
                        return text;
                    }
                }
                return null;
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return line.get(10, TimeUnit.SECONDS);
    }

    private static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    @Test
    void theKeysPictureKnowsTheBoardsKeysAndWhatEachReads() throws Exception {
        JsonObject keys = admin.get("/api/keys").json();
        assertThat(keys.getAsJsonObject("layout").get("lineKeys").getAsInt()).isEqualTo(3);
        assertThat(keys.getAsJsonObject("layout").get("softKeys").getAsInt()).isEqualTo(4);
        assertThat(keys.getAsJsonObject("bindings").getAsJsonArray("line 2").toString()).isEqualTo("[\"linekey.2.\",\"programkey.2.\"]");
    }

    // ---- maintenance ----

    @Test
    void rebootAndFactoryResetReachTheLifecycleAndTheResetWantsItsConfirmation() throws Exception {
        ApiClient other = ApiClient.as(phone, "admin", "123456");
        assertThat(other.post("/api/factory-reset", Map.of("confirm", "yes")).status()).isEqualTo(400);
        assertThat(other.post("/api/factory-reset", Map.of("confirm", MaintenanceApi.RESET_CONFIRMATION)).status()).isEqualTo(202);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!phone.actions.contains("factory reset") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(phone.actions).contains("factory reset");
        assertThat(other.get("/api/session").status()).as("a factory reset ends every session").isEqualTo(401);
        admin = ApiClient.as(phone, "admin", "123456");
    }

    @Test
    void theUpgradePageSaysWhenTheBoardInstallsNoFirmware() throws Exception {
        ApiClient.Response refused = admin.postBytes("/api/upgrade", new byte[4096]);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.error()).contains("installs no firmware");
    }

    @Test
    void theLogPageReadsTheRecentLinesAfterASequenceNumber() throws Exception {
        ApiClient.Response all = admin.get("/api/logs");
        assertThat(all.json().get("collected").getAsBoolean()).isTrue();
        assertThat(all.body()).contains("web login: admin (admin)");
        long next = all.json().get("next").getAsLong();
        ApiClient.as(phone, "user", "user");
        JsonArray newer = admin.get("/api/logs?since=" + (next - 1)).json().getAsJsonArray("lines");
        assertThat(newer.toString()).contains("web login: user (user)").doesNotContain("web login: admin (admin)");
        assertThat(admin.get("/api/logs/download").body()).contains("web login: user (user)");
    }

    @Test
    void theCallHistoryPageSaysWhenThePhoneKeepsNone() throws Exception {
        JsonObject history = admin.get("/api/history").json();
        assertThat(history.get("available").getAsBoolean()).isFalse();
        assertThat(admin.post("/api/history/clear", Map.of()).status()).isEqualTo(409);
    }
}
