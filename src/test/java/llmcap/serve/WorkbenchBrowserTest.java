package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import llmcap.live.Watcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The workbench in a real browser: Debian's headless Chromium driven by its ChromeDriver, against a
 * server over a copy of the rules and catalog that the test edits on disk as a user would. Needs
 * {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}, so it runs only with
 * {@code -Dllmcap.browser=true} ({@code .ci/run} installs both and runs it); screenshots go to
 * {@code target/browser/}.
 */
@EnabledIfSystemProperty(named = "llmcap.browser", matches = "true")
class WorkbenchBrowserTest {

    private static final Path SHOTS = Path.of("target/browser");

    @TempDir
    static Path dir;
    static ServerFixture s;
    static WebDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        s = new ServerFixture(dir, Limits.DEFAULT, true);
        s.live.watch(new Watcher.Timing(Duration.ofMillis(100), Duration.ofMillis(100)));
        Files.createDirectories(SHOTS);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("llmcap.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1400,1800",
                "--user-data-dir=" + Files.createTempDirectory(dir, "profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("llmcap.chromedriver", "/usr/bin/chromedriver")))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class); // the page redraws its numbers when an answer comes
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (s != null) {
            s.close();
        }
    }

    /** The headline figure's text, read again if the page redraws it meanwhile. */
    private static String headline(String q) {
        return wait.until(d -> d.findElement(By.cssSelector(".card[data-q='" + q + "'] .value")).getText());
    }

    private static void shot(String name) throws Exception {
        Files.write(SHOTS.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    }

    private static boolean shown(String id) {
        return driver.findElement(By.id(id)).isDisplayed();
    }

    @Test
    void theWorkbenchFollowsChoicesClicksAndEditsOnDisk() throws Exception {
        driver.get(s.base().toString());
        wait.until(d -> !d.findElements(By.cssSelector(".card[data-q='serving.gpus'] .value")).isEmpty());
        String a100 = headline("serving.gpus");
        shot("01-loaded");
        // With no choice in the address, the page opens on the article's scenario (on an A100), as the command line does.
        assertEquals(llmcap.app.Selection.DEFAULT_SCENARIO,
                new Select(driver.findElement(By.id("scenario"))).getFirstSelectedOption().getAttribute("value"));

        // Change the GPU: serving.gpus changes, and the address bar carries the choice.
        new Select(driver.findElement(By.id("gpu"))).selectByValue("h100-sxm");
        wait.until(d -> !headline("serving.gpus").equals(a100));
        assertTrue(driver.getCurrentUrl().contains("gpu=h100-sxm"), driver.getCurrentUrl());
        String h100 = headline("serving.gpus");
        shot("02-gpu-changed");

        // Click the number: its derivation, with the rule's file:line; from there, the rule's text.
        driver.findElement(By.cssSelector(".card[data-q='serving.gpus'] button.num")).click();
        wait.until(d -> shown("explain"));
        WebElement where = driver.findElement(By.cssSelector("#explain-tree .tree > details > .node-origin .where"));
        assertTrue(where.getText().matches("rules/\\w+\\.drl:\\d+"), where.getText());
        String ruleFile = where.getText().substring("rules/".length(), where.getText().indexOf(':'));
        where.click();
        wait.until(d -> shown("rule"));
        String hit = driver.findElement(By.cssSelector("#rule-text .ln.hit")).getText();
        assertTrue(hit.contains("rule \""), hit);
        shot("03-derivation-and-rule");

        // Change an assumption: the number follows, the override is listed and in the address.
        WebElement peak = driver.findElement(By.cssSelector("input[data-set='serving.peak_factor']"));
        peak.sendKeys(Keys.chord(Keys.CONTROL, "a"), "3", Keys.ENTER);
        wait.until(d -> !headline("serving.gpus").equals(h100));
        assertTrue(driver.getCurrentUrl().contains("set=serving.peak_factor%3D3"), driver.getCurrentUrl());
        String edited = headline("serving.gpus");
        shot("04-assumption-changed");

        // A good rule edit on disk: the page shows the new rule's figure without a reload.
        Files.writeString(s.rules.resolve("zz_browser.drl"), "package llmcap.rules;\nimport llmcap.domain.Quantity;\n\n"
                + "rule \"browser.double_serving_gpus = serving.gpus x 2\"\nwhen\n"
                + "    Quantity(name == \"serving.gpus\", $g : value)\nthen\n"
                + "    insert(new Quantity(\"browser.double_serving_gpus\", $g * 2, \"GPU\"));\nend\n");
        wait.until(d -> !d.findElements(By.cssSelector("tr[data-q='browser.double_serving_gpus']")).isEmpty());

        // Break a rule file: the banner names file:line and the numbers stay; fix it: the banner goes.
        Path serving = s.rules.resolve(ruleFile); // the file of serving.gpus's rule
        String good = Files.readString(serving);
        Files.writeString(serving, good + "\nrule \"half written\"\nwhen\n    Quantity(name == \n");
        wait.until(d -> shown("banner"));
        assertTrue(driver.findElement(By.id("banner-where")).getText().matches("rules/" + ruleFile.replace(".", "\\.")
                + ":\\d+"), driver.findElement(By.id("banner-where")).getText());
        assertEquals(edited, headline("serving.gpus"), "the last good numbers stay");
        shot("05-broken-rule-banner");
        Files.writeString(serving, good);
        wait.until(d -> !shown("banner"));
        assertEquals(edited, headline("serving.gpus"));
        shot("06-fixed");

        // Compare and validation views.
        driver.findElement(By.cssSelector(".tab[data-view='compare']")).click();
        new Select(driver.findElement(By.id("cmp-gpus"))).selectByValue("a100-80gb-sxm");
        new Select(driver.findElement(By.id("cmp-gpus"))).selectByValue("h100-sxm");
        driver.findElement(By.id("cmp-run")).click();
        wait.until(d -> d.findElements(By.cssSelector("#compare tbody tr")).size() == 2);
        assertNotEquals(0, driver.findElements(By.cssSelector("#compare-charts svg.chart")).size());
        shot("07-compare");
        driver.findElement(By.cssSelector(".tab[data-view='validate']")).click();
        wait.until(d -> !d.findElements(By.cssSelector("#validate tbody tr")).isEmpty());
        shot("08-validation");

        List<LogEntry> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).toList();
        assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "no console errors or warnings");
    }

    @Test
    void aLinkReproducesTheEstimate() {
        driver.get(s.base().resolve("/?gpu=h100-sxm&set=serving.peak_factor%3D3&q=serving.gpus").toString());
        wait.until(d -> !d.findElements(By.cssSelector(".card[data-q='serving.gpus'] .value")).isEmpty());
        wait.until(d -> shown("explain"));
        assertEquals("h100-sxm", new Select(driver.findElement(By.id("gpu"))).getFirstSelectedOption().getAttribute("value"));
        assertEquals(1, driver.findElements(By.cssSelector("#overrides .chip")).size());
    }
}
