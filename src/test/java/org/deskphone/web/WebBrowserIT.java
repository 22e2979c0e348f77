package org.deskphone.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.deskphone.hal.HookState;
import org.deskphone.hal.Key;
import org.deskphone.hal.KeyEvent;
import org.deskphone.provision.ConfigSink;
import org.deskphone.provision.DeviceIdentity;
import org.deskphone.provision.FileSequence;
import org.deskphone.provision.ProvisioningClient;
import org.deskphone.provision.ProvisioningState;
import org.deskphone.testing.Chromium;
import org.deskphone.testing.Nginx;
import org.deskphone.testing.Peers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web UI in Debian's Chromium, as a person uses it: log in, change an account and see it applied,
 * set the provisioning server and provision now from the real nginx with the run's lines appearing, and use the virtual phone: its keys and
 * hook reach the phone and its LCD follows the phone live. One browser and one phone for the class; each
 * step saves a screenshot under {@code target/screenshots/}.
 */
@ExtendWith(Peers.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebBrowserIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private Path root;
    private Nginx nginx;
    private WebPhone phone;
    private Chromium browser;
    private ChromeDriver page;
    private WebDriverWait wait;

    @BeforeAll
    void start(Nginx server) throws Exception {
        nginx = server;
        nginx.serve("y000000000000.cfg", ("#!version:1.0.0.1\naccount.1.display_name = Reception\n")
                .getBytes(StandardCharsets.UTF_8));
        root = Files.createTempDirectory("deskphone-web-it-");
        phone = WebPhone.start(root.resolve("data"), Map.of(), Map.of("mac", "00156511300a"), this::provisioning, builder -> { });
        browser = Chromium.start();
        page = browser.driver();
        wait = new WebDriverWait(page, WAIT);
    }

    /** The phone's provisioning client, as {@code deskphone run} makes it: it reads its server from the store. */
    private ProvisioningClient provisioning(WebPhone phone) {
        try {
            DeviceIdentity identity = DeviceIdentity.of(phone.panel.board().descriptor(), Optional.empty(), Optional.empty(), Optional.empty(), "test");
            return ProvisioningClient.builder(phone.loop, new ConfigSink(phone.config), identity)
                    .families(FileSequence.Family.parse("yealink ale"))
                    .data(phone.data.resolve("resources"), ProvisioningState.load(phone.data.resolve("provision").resolve("state.properties")))
                    .build();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() throws IOException {
        if (browser != null) {
            browser.close();
        }
        if (phone != null) {
            phone.close();
        }
    }

    @Test
    @Order(1)
    void logIn() {
        page.get(phone.base().toString());
        WebElement user = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user")));
        user.sendKeys("admin");
        page.findElement(By.id("login-password")).sendKeys("wrong");
        page.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".login .problem"), "wrong user name or password"));
        page.findElement(By.id("login-password")).clear();
        page.findElement(By.id("login-password")).sendKeys("123456");
        browser.screenshot("web-1-login");
        page.findElement(By.id("login-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("main"), "No account is set up"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), "admin"));
        assertThat(page.findElement(By.id("banner")).getText()).contains("factory password");
        assertThat(page.findElements(By.cssSelector("#nav a"))).extracting(WebElement::getText)
                .contains("Status", "Accounts", "Provisioning", "Keys", "Security", "Virtual phone");
        browser.screenshot("web-2-status");
    }

    @Test
    @Order(2)
    void changeAnAccountAndSeeItApplied() throws Exception {
        page.get(phone.base() + "#/accounts");
        WebElement label = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-name='account.1.label']")));
        label.clear();
        label.sendKeys("Front desk");
        page.findElement(By.cssSelector("input[data-name='account.1.user_name']")).sendKeys("1001");
        page.findElement(By.cssSelector("input[data-name='account.1.sip_server.1.address']")).sendKeys("192.0.2.50");
        WebElement enable = page.findElement(By.cssSelector("input[data-name='account.1.enable']"));
        enable.click();
        WebElement port = page.findElement(By.cssSelector("input[data-name='account.1.sip_server.1.port']"));
        port.clear();
        port.sendKeys("70000");
        WebElement form = page.findElement(By.cssSelector("[data-section='account'] form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        // The phone refuses the whole change and says why, at the field.
        wait.until(ExpectedConditions.textToBePresentInElement(form, "is not an integer from 0 to 65535"));
        assertThat(port.getAttribute("class")).contains("invalid");
        assertThat(phone.setting("account.1.label")).as("nothing applied").isEmpty();
        browser.screenshot("web-3-account-refused");

        port.clear();
        port.sendKeys("5062");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("toast"), "Saved"));
        assertThat(phone.setting("account.1.label")).isEqualTo("Front desk");
        assertThat(phone.setting("account.1.sip_server.1.address")).isEqualTo("192.0.2.50");
        assertThat(phone.setting("account.1.sip_server.1.port")).isEqualTo("5062");
        assertThat(phone.setting("account.1.enable")).isEqualTo("1");

        // Applied: a fresh page reads it back from the phone, marked as changed here, and the status lists the account.
        page.navigate().refresh();
        WebElement again = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-name='account.1.label']")));
        assertThat(again.getAttribute("value")).isEqualTo("Front desk");
        assertThat(again.findElement(By.xpath("ancestor::div[contains(@class,'row')]")).getText()).contains("changed here");
        browser.screenshot("web-4-account-saved");
        page.get(phone.base() + "#/status");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts-status"), "Front desk"));
        assertThat(page.findElement(By.id("accounts-status")).getText()).contains("192.0.2.50").contains("SIP is not running");
    }

    @Test
    @Order(3)
    void setTheServerThenProvisionNowFromItWithEachRequestShownAsItHappens() throws Exception {
        page.get(phone.base() + "#/provisioning");
        WebElement url = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-name='auto_provision.server.url']")));
        url.clear();
        url.sendKeys(nginx.httpUrl(""));
        page.findElement(By.cssSelector("input[data-name='auto_provision.server.username']")).sendKeys(Nginx.USER);
        WebElement password = page.findElement(By.cssSelector("input[data-name='auto_provision.server.password']"));
        assertThat(password.getAttribute("type")).isEqualTo("password");
        password.sendKeys(Nginx.PASSWORD);
        page.findElement(By.cssSelector("[data-section='provisioning'] form button[type=submit]")).click();
        wait.until(driver -> nginx.httpUrl("").equals(phone.setting("auto_provision.server.url")));
        assertThat(phone.setting("auto_provision.server.password")).isEqualTo(Nginx.PASSWORD);
        // The form comes back with the password set but not shown.
        By passwordField = By.cssSelector("input[data-name='auto_provision.server.password']");
        wait.until(ExpectedConditions.attributeToBe(passwordField, "placeholder", "set (type to replace)"));
        assertThat(page.findElement(passwordField).getAttribute("value")).isEmpty();

        WebElement button = wait.until(ExpectedConditions.elementToBeClickable(By.id("provision-now")));
        // Saving left the page scrolled to the form; the button is at its top, under the sticky header otherwise.
        page.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        button.click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("provision-verdict"), "applied"));
        // The lines came live, as the run logged them (each with its level); the report sums the run up.
        String live = page.findElement(By.id("provision-log")).getText();
        String request = "INFO GET " + nginx.httpUrl("y000000000000.cfg") + " [http] ok, ";
        assertThat(live).contains("INFO provisioning servers to try: [" + nginx.httpUrl("") + " (server URL)]").contains(request);
        assertThat(live.indexOf(request)).as("each request once").isEqualTo(live.lastIndexOf(request));
        String report = page.findElement(By.id("provision-report")).getAttribute("textContent");
        assertThat(report).contains("account.1.display_name").contains("provisioning (provision now): applied");
        assertThat(page.findElement(By.id("provision-verdict")).getText()).contains("from " + nginx.httpUrl(""));
        assertThat(nginx.accessLog()).contains("GET /y000000000000.cfg HTTP/1.1\" 200");
        // Applied to the phone's configuration, beside the account changed here before.
        assertThat(phone.setting("account.1.display_name")).isEqualTo("Reception");
        assertThat(phone.setting("account.1.label")).isEqualTo("Front desk");
        assertThat(page.getPageSource()).doesNotContain(Nginx.PASSWORD);
        browser.screenshot("web-5-provision-now");
    }

    @Test
    @Order(4)
    void theVirtualPhonesKeysReachThePhoneAndItsLcdFollowsThePhone() throws Exception {
        page.get(phone.base() + "#/phone");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lcd"), "deskphone"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("phone-link"), "Live"));
        assertThat(lcd()).isEqualTo(phone.panel.state().screen().text());

        // The LCD follows the phone: a 12-hour clock, set from elsewhere, is on the idle screen at once (before
        // the keys below start a dialling, which takes the screen).
        String shown = lcd();
        ApiClient.as(phone, "admin", "123456").set(Map.of("local_time.time_format", "0"));
        wait.until(driver -> !lcd().equals(shown));
        assertThat(lcd()).isEqualTo(phone.panel.state().screen().text()).containsPattern("[0-9]{1,2}:[0-9]{2} (AM|PM)");
        browser.screenshot("web-6-virtual-phone");

        int before = phone.keys.size();
        page.findElement(By.cssSelector(".pad [data-key='5']")).click();
        page.findElement(By.cssSelector("[data-key='line 1']")).click();
        new Actions(page).sendKeys("7").perform();
        awaitKeys(before + 6);
        assertThat(phone.keys.subList(before, before + 6)).containsExactly(KeyEvent.down(Key.digit(5)), KeyEvent.up(Key.digit(5)),
                KeyEvent.down(Key.line(1)), KeyEvent.up(Key.line(1)), KeyEvent.down(Key.digit(7)), KeyEvent.up(Key.digit(7)));
        // The keys reached the telephone: a dialling of 57 is on the LCD.
        wait.until(driver -> lcd().contains("57"));

        page.findElement(By.id("hook")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hook"), "Hang up"));
        assertThat(phone.hooks).containsExactly(HookState.OFF_HOOK);

        page.findElement(By.id("hook")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("hook"), "Lift handset"));
        assertThat(phone.hooks).containsExactly(HookState.OFF_HOOK, HookState.ON_HOOK);
        page.manage().window().setSize(new Dimension(390, 844));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("menu-toggle")));
        browser.screenshot("web-7-virtual-phone-on-a-phone");
        page.manage().window().setSize(new Dimension(1280, 1000));
    }

    private String lcd() {
        return page.findElement(By.id("lcd")).findElements(By.className("lcd-row")).stream().map(r -> r.getAttribute("textContent").stripTrailing())
                .reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private void awaitKeys(int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (phone.keys.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(phone.keys).hasSizeGreaterThanOrEqualTo(count);
    }
}
