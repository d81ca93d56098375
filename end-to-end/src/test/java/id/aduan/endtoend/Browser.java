package id.aduan.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A person's browser for the web app's scenarios: Debian's headless Chromium driven by its ChromeDriver
 * (README, "Test it": {@code apt-get install chromium chromium-driver}). Each page a scenario opens is checked
 * with axe-core for WCAG 2.1 AA; a scenario ends with a screenshot in {@code target/failsafe-reports/screenshots}.
 */
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("aduan.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("aduan.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("target", "failsafe-reports", "screenshots");
    private static final Set<String> BLOCKING = Set.of("serious", "critical");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final WebDriver driver;
    private final RunningSuite suite;

    private Browser(WebDriver driver, RunningSuite suite) {
        this.driver = driver;
        this.suite = suite;
    }

    /** A new browser with nothing stored: no session, no cookies, Indonesian. */
    static Browser open(RunningSuite suite) {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("The web app's browser tests need Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver")
                .isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                // As root, without a GPU, and without Chromium's calls home, which this network refuses.
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-quic", "--no-first-run", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--window-size=1280,1000", "--lang=id-ID");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(PATIENCE);
        return new Browser(driver, suite);
    }

    WebDriver driver() {
        return driver;
    }

    /** Opens a page of the web app by its path and checks its accessibility. */
    Browser visit(String path) {
        driver.get(suite.page(path));
        return accessible();
    }

    /** Logs in at the authorization server's form as a demo person (password "demo") and returns on their start page. */
    Browser logIn(String username) {
        driver.get(suite.page("/oauth2/authorization/aduan"));
        accessible();
        waitFor(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys("demo");
        driver.findElement(By.cssSelector("button[type=submit], input[type=submit]")).click();
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.urlContains(suite.page("")));
        return accessible();
    }

    Browser logOut() {
        click(By.cssSelector("form[action='/logout'] button"));
        return this;
    }

    WebElement waitFor(By locator) {
        return new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /** Waits until the element's text contains the given text: for pages that change as events arrive. */
    Browser waitForText(By locator, String text) {
        new WebDriverWait(driver, PATIENCE).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
        return this;
    }

    /** Fills a field found by its label's text, as a person finds it (and as a screen reader announces it). */
    Browser fill(String label, String value) {
        WebElement field = byLabel(label);
        field.clear();
        field.sendKeys(value);
        return this;
    }

    Browser choose(String label, String visibleOption) {
        new Select(byLabel(label)).selectByVisibleText(visibleOption);
        return this;
    }

    WebElement byLabel(String label) {
        WebElement labelElement = waitFor(By.xpath("//label[normalize-space()=" + xpathLiteral(label) + "]"));
        String id = labelElement.getAttribute("for");
        return id == null || id.isBlank() ? labelElement.findElement(By.xpath(".//input|.//select|.//textarea"))
                : driver.findElement(By.id(id));
    }

    /** Clicks, then waits for the next page (or htmx's swap) and checks its accessibility. */
    Browser click(By locator) {
        waitFor(locator).click();
        return accessible();
    }

    /** Clicks the button or link whose text is given. */
    Browser press(String text) {
        return click(By.xpath("//button[normalize-space()=" + xpathLiteral(text) + "]|//a[normalize-space()="
                + xpathLiteral(text) + "]|//input[@type='submit' and @value=" + xpathLiteral(text) + "]"));
    }

    String text(By locator) {
        return waitFor(locator).getText();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** axe-core on the page as it is now, the authorization server's login page included: no serious or critical violation of WCAG 2.1 A and AA. */
    Browser accessible() {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<Rule> blocking = results.getViolations().stream().filter(rule -> BLOCKING.contains(rule.getImpact())).toList();
        assertThat(blocking).as("accessibility of %s: %s", driver.getCurrentUrl(), blocking.stream()
                .map(rule -> rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "))).isEmpty();
        return this;
    }

    /** The window of a phone held upright (390 × 844 CSS pixels), or back to a desktop's. */
    Browser onPhone(boolean phone) {
        driver.manage().window().setSize(phone ? new Dimension(390, 844) : new Dimension(1280, 1000));
        return this;
    }

    /** Whether the page fits the window's width: nothing to scroll sideways (wide tables scroll inside their own box). */
    boolean fitsTheWidth() {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth <= window.innerWidth;"));
    }

    /** Keeps what the person sees now, for the test report. */
    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException("could not keep the screenshot " + name, e);
        }
    }

    private static String xpathLiteral(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }

    @Override
    public void close() {
        driver.quit();
    }
}
