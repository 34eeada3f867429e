package org.videoclub.catalog.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless chromium (Debian's chromium and chromium-driver; paths from {@code -Dvideoclub.chromium} and
 * {@code -Dvideoclub.chromedriver}) on the web UI, found the way a person finds things: by labels, headings and
 * button texts. Waits are on states (a heading, a message), never on time.
 */
final class Browser implements AutoCloseable {

    /** Where the screenshots of the main pages go; README shows them. */
    static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots").toAbsolutePath().normalize();
    private static final Duration WAIT = Duration.ofSeconds(90);

    final WebDriver driver;
    private final String base;
    private final Path profile;
    private final WebDriverWait wait;

    Browser(String base) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("videoclub-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("videoclub.chromium", "/usr/bin/chromium"));
        // As root in a container: no sandbox; no network of its own (updates, sync, QUIC) beyond the page's.
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--user-data-dir=" + profile, "--window-size=1000,760");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("videoclub.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Opens the UI at hash (such as "#/login") as a fresh page load. */
    void open(String hash) {
        driver.get(base + "/" + hash);
    }

    /** Follows hash inside the running page (the access token in memory stays). */
    void go(String hash) {
        ((JavascriptExecutor) driver).executeScript("location.hash = arguments[0]", hash);
    }

    /** Waits until the page's heading is text. */
    void heading(String text) {
        wait.until(ExpectedConditions.textToBe(By.cssSelector("main h1"), text));
        wait.until(d -> d.findElement(By.id("main")).getAttribute("aria-busy") == null);
    }

    String heading() {
        return driver.findElement(By.cssSelector("main h1")).getText();
    }

    /** The form control labelled label (inside main). */
    WebElement field(String label) {
        WebElement element = wait.until(d -> d.findElement(By.xpath("//main//label[normalize-space()=" + literal(label) + "]")));
        return driver.findElement(By.id(element.getAttribute("for")));
    }

    void fill(String label, String text) {
        WebElement control = field(label);
        control.clear();
        control.sendKeys(text);
    }

    void choose(String label, String optionText) {
        new Select(field(label)).selectByVisibleText(optionText);
    }

    void press(String buttonText) {
        wait.until(d -> {
            WebElement button = d.findElement(button(buttonText));
            if (!button.isDisplayed() || !button.isEnabled()) {
                return false;
            }
            button.click();
            return true;
        });
    }

    By button(String text) {
        return By.xpath("//main//button[normalize-space()=" + literal(text) + "]");
    }

    void follow(String linkText) {
        wait.until(ExpectedConditions.elementToBeClickable(By.linkText(linkText))).click();
    }

    /** Waits until a message region of the page contains text, and returns all its text. */
    String message(String text) {
        // Read in one script: the page may re-render its messages between a find and a read.
        String read = "return [...document.querySelectorAll('main .message:not([hidden])')].map(m => m.textContent).join('\\n')";
        wait.until(d -> ((String) script(read)).contains(text));
        return (String) script(read);
    }

    /** The error line next to the control named name. */
    String fieldError(String name) {
        By line = By.cssSelector("main [data-error-for='" + name + "']");
        wait.until(d -> !d.findElement(line).getText().isBlank());
        return driver.findElement(line).getText();
    }

    void logIn(String username, String password, String landing) {
        open("#/login");
        heading("Log in");
        fill("Username", username);
        fill("Password", password);
        press("Log in");
        heading(landing);
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** A PNG of the viewport (1000 px wide) into docs/screenshots. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page broke no rule of its Content-Security-Policy (chromium reports each violation in the console). */
    void assertNoCspViolation() {
        List<String> violations = driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage)
                .filter(message -> message.contains("Content Security Policy") || message.contains("Content-Security-Policy"))
                .toList();
        assertEquals(List.of(), violations, "CSP violations in the browser console");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory; the system cleans /tmp
        }
    }

    /** An XPath string literal for any text. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    static Map<String, String> credentials(String username, String password) {
        return Map.of("username", username, "password", password);
    }
}
