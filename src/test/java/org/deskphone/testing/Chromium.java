package org.deskphone.testing;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, driven through Debian's chromedriver: never a browser or driver that a tool
 * downloads. One per test class that needs it (start it once, in {@code @BeforeAll}); closing it quits the
 * browser and removes its profile. Flags as ../shared/reference/environment.md §3 lists them: nothing
 * leaves the machine (no QUIC, no background networking, no component updates, no sync).
 */
public final class Chromium implements AutoCloseable {
    public static final String BROWSER = "/usr/bin/chromium";
    public static final String DRIVER = "/usr/bin/chromedriver";
    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts the browser; fails in CI and skips elsewhere when chromium or its driver is missing. */
    public static Chromium start() {
        RequiredTool.require(BROWSER, "chromium");
        RequiredTool.require(DRIVER, "chromium-driver");
        // Given its driver, Selenium never runs Selenium Manager, which would look for one on the network.
        System.setProperty("webdriver.chrome.driver", DRIVER);
        try {
            Path profile = Files.createTempDirectory("deskphone-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(BROWSER);
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--user-data-dir=" + profile, "--window-size=1280,1000", "--lang=en-GB");
            // The phone's certificate is its own, made on first start: the browser is told to take it.
            options.setAcceptInsecureCerts(true);
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER))
                    .usingAnyFreePort().withSilent(true).build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(20));
            return new Chromium(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Saves what the browser shows as {@code target/screenshots/NAME.png} and returns the file. */
    public Path screenshot(String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target", "screenshots"));
            Path file = folder.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile harms nothing.
        }
    }
}
