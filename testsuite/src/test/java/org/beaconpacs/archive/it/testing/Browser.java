package org.beaconpacs.archive.it.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver (never a downloaded driver), on the
 * console of the test server. Under CI a missing browser is a failure; elsewhere the test is skipped.
 * A closed browser is emptied (cookies, storage, windows) and kept for the next test that asks for its
 * language: starting Chromium and its driver costs ~2.5 s, and a test class opens one per test.
 */
public final class Browser implements AutoCloseable {

    public static final String CONSOLE = "http://127.0.0.1:8080/console/";
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Where screenshots go; the README's (docs/console) are copied from here. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Emptied browsers by language, for the next {@link #open}; quit when the test JVM ends. */
    private static final Map<String, Deque<Browser>> IDLE = new ConcurrentHashMap<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> IDLE.values().forEach(idle -> idle.forEach(b -> {
            try {
                b.quit();
            } catch (IOException | RuntimeException e) {
                // the JVM ends anyway
            }
        }))));
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final String console;
    private final String language;

    private Browser(ChromeDriver driver, Path profile, String console, String language) {
        this.driver = driver;
        this.profile = profile;
        this.console = console;
        this.language = language;
    }

    /** A fresh browser (no cookies) whose preferred language is {@code acceptLanguage}, e.g. "en-US" or "zh-CN". */
    public static Browser open(String acceptLanguage) throws IOException {
        return open(acceptLanguage, CONSOLE);
    }

    /** The same, for the console at {@code console} ("http://host:port/console/"). */
    public static Browser open(String acceptLanguage, String console) throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("chromium or chromium-driver is missing under CI: .ci/run must install them");
        }
        assumeTrue(present, "chromium and chromium-driver not installed; skipping the browser tests");
        Browser idle = idle(acceptLanguage).poll();
        if (idle != null) {
            return new Browser(idle.driver, idle.profile, console, acceptLanguage);
        }
        Path profile = Files.createTempDirectory("beacon-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1440,900", "--lang=" + acceptLanguage,
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguage));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, console, acceptLanguage);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Opens a console page ("aes.xhtml"...). */
    public Browser go(String page) {
        driver.get(console + page);
        return idle();
    }

    public Browser login(String user, String password) {
        go("login.xhtml");
        type(By.id("login:username"), user);
        type(By.id("login:password"), password);
        click(By.id("login:submit"));
        return idle();
    }

    public Browser type(By field, String text) {
        WebElement e = visible(field);
        e.clear();
        e.sendKeys(text);
        return this;
    }

    public Browser click(By by) {
        WebElement e = new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.elementToBeClickable(by));
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", e);
        e.click();
        return idle();
    }

    public WebElement visible(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Waits until {@code by} is hidden or gone. */
    public Browser invisible(By by) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.invisibilityOfElementLocated(by));
        return idle();
    }

    public boolean present(By by) {
        return !driver.findElements(by).isEmpty();
    }

    public List<WebElement> all(By by) {
        return driver.findElements(by);
    }

    /** Waits until {@code by} shows text containing {@code text}. */
    public Browser await(By by, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(by, text));
        return this;
    }

    /** Waits until the browser is at a page whose URL ends with {@code suffix} (a redirect has arrived). */
    public Browser awaitUrlEnding(String suffix) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> d.getCurrentUrl().endsWith(suffix));
        return idle();
    }

    /** Waits until the page's title is {@code title} (a navigation the last click started has arrived). */
    public Browser awaitTitle(String title) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.titleIs(title));
        return idle();
    }

    /**
     * Waits for the page to be loaded, PrimeFaces' ajax queue to be empty and no overlay to be in the middle
     * of its show or hide animation (a click then lands on the panel instead of what lies under it): jQuery's
     * effects and the CSS transitions PrimeFaces' overlay panels use (endless ones, such as a spinner, aside).
     */
    public Browser idle() {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("return document.readyState === 'complete' && (!window.PrimeFaces"
                        + " || PrimeFaces.ajax.Queue.isEmpty()) && (!window.jQuery || (jQuery.active === 0"
                        + " && jQuery(':animated').length === 0)) && document.getAnimations().every(a =>"
                        + " a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity);")));
        return this;
    }

    /** The texts of the growl messages shown now. */
    public String growl() {
        return String.join("\n", driver.findElements(By.cssSelector(".ui-growl-message")).stream()
                .map(WebElement::getText).toList());
    }

    /** Confirms PrimeFaces' global confirmation dialog. */
    public Browser confirm() {
        return click(By.cssSelector(".ui-confirm-dialog .ui-confirmdialog-yes"));
    }

    public String title() {
        return driver.getTitle();
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Saves a screenshot of the page as target/screenshots/{@code name}.png. */
    public void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Empties the browser for the next test (one window on a blank page, no cookies of any origin, no storage
     * of the console's) and keeps it; one that cannot be emptied (an alert open, a crashed tab) is quit.
     */
    @Override
    public void close() throws IOException {
        try {
            List<String> windows = List.copyOf(driver.getWindowHandles());
            for (String w : windows.subList(1, windows.size())) {
                driver.switchTo().window(w).close();
            }
            driver.switchTo().window(windows.get(0));
            if (driver.getCurrentUrl().startsWith(console)) {
                driver.executeScript("localStorage.clear(); sessionStorage.clear();");
            }
            driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
            driver.get("about:blank");
        } catch (RuntimeException e) {
            quit();
            return;
        }
        idle(language).push(this);
    }

    private static Deque<Browser> idle(String language) {
        return IDLE.computeIfAbsent(language, l -> new ConcurrentLinkedDeque<>());
    }

    private void quit() throws IOException {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
