package org.deskphone.web;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.deskphone.testing.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

class LookIT {
    @TempDir
    Path root;

    @Test
    void look() throws Exception {
        try (WebPhone phone = WebPhone.start(root, Map.of("account.1.enable", "1", "account.1.label", "Front desk", "account.1.user_name", "1001",
                "account.1.sip_server.1.address", "pbx.example.net")); Chromium browser = Chromium.start()) {
            var d = browser.driver();
            WebDriverWait wait = new WebDriverWait(d, Duration.ofSeconds(10));
            d.get(phone.base().toString());
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-user"))).sendKeys("admin");
            d.findElement(By.id("login-password")).sendKeys("123456");
            browser.screenshot("look-login");
            d.findElement(By.id("login-submit")).click();
            wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#accounts-status")));
            Thread.sleep(500);
            browser.screenshot("look-status");
            for (String p : new String[] {"accounts", "phone", "keys", "dialplan", "security", "config", "logs", "provisioning", "features", "directory", "history"}) {
                d.get(phone.base() + "#/" + p);
                Thread.sleep(1500);
                browser.screenshot("look-" + p);
            }
            d.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
            d.get(phone.base() + "#/phone");
            Thread.sleep(1500);
            browser.screenshot("look-phone-mobile");
            d.get(phone.base() + "#/accounts");
            Thread.sleep(1500);
            browser.screenshot("look-accounts-mobile");
            System.out.println(d.manage().logs().get("browser").getAll());
        }
    }
}
