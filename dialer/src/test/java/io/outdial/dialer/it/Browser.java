package io.outdial.dialer.it;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}) driven by Selenium. The driver and
 * the browser are named explicitly, so Selenium Manager never looks for (or downloads) either. {@link #close()}
 * saves a screenshot of the final page under {@code target/screenshots/} first, whether the test passed or not.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Duration WAIT = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final ChromeDriverService service;
    private final String screenshotName;

    private Browser(ChromeDriverService service, ChromeDriver driver, String screenshotName) {
        this.service = service;
        this.driver = driver;
        this.screenshotName = screenshotName;
    }

    /** Starts Chromium; the screenshot taken at close is {@code target/screenshots/<screenshotName>.png}. */
    static Browser start(String screenshotName) throws IOException {
        return start(screenshotName, new String[0]);
    }

    /** As {@link #start(String)} with more Chromium switches (fake media for the browser phone). */
    static Browser start(String screenshotName, String... extraArguments) throws IOException {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("chromium and chromium-driver are needed: run .ci/ensure-test-tools.sh");
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000",
                "--no-first-run", "--disable-extensions", "--disable-gpu");
        options.addArguments(extraArguments);
        ChromeDriver driver = new ChromeDriver(service, options);
        return new Browser(service, driver, screenshotName);
    }

    WebDriver driver() {
        return driver;
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Waits (at most {@link #WAIT}) until {@code condition} holds. */
    <T> T await(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).until(condition::apply);
    }

    /** Waits until the element's text contains {@code text}; returns the element. */
    WebElement awaitText(String css, String text) {
        await(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
        return find(css);
    }

    WebElement awaitVisible(String css) {
        return await(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    void click(String css) {
        await(ExpectedConditions.elementToBeClickable(By.cssSelector(css))).click();
    }

    void type(String css, String text) {
        WebElement e = awaitVisible(css);
        e.clear();
        e.sendKeys(text);
    }

    /** Sets an input's value as a date or time picker does (its text entry depends on the locale) and says so. */
    void setValue(String css, String value) {
        ((JavascriptExecutor) driver).executeScript("const e = document.querySelector(arguments[0]);"
                + " e.value = arguments[1]; e.dispatchEvent(new Event('input', {bubbles: true}));"
                + " e.dispatchEvent(new Event('change', {bubbles: true}));", css, value);
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Saves a PNG of the page now to {@code target/screenshots/<name>.png}; returns its path. */
    Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File shot = driver.getScreenshotAs(OutputType.FILE);
        Path to = dir.resolve(name + ".png");
        Files.copy(shot.toPath(), to, StandardCopyOption.REPLACE_EXISTING);
        return to;
    }

    @Override
    public void close() throws IOException {
        try {
            screenshot(screenshotName);
        } finally {
            driver.quit();
            service.stop();
        }
    }
}
