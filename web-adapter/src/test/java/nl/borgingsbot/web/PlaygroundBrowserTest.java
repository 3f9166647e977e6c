package nl.borgingsbot.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A whole round played in the page, in headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}; Selenium is told where they are, so it looks nothing up online): the
 * manager starts the round in the channel, Anna answers by clicking, Bram by typing, the others by
 * "laat de andere partners antwoorden"; the manager closes it, and the channel shows the radar
 * (loaded), the lowest elements and, in the thread, the reflections — a hostile one as text.
 */
class PlaygroundBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOTS = Path.of("target");

    @TempDir
    Path dir;

    private PlaygroundFixture web;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as("the browser test needs Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver"
                        + " (.ci/run installs them when missing)")
                .isTrue();
        System.setProperty("SE_AVOID_STATS", "true");
        web = new PlaygroundFixture(dir.resolve("playground.db"), Optional.empty());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless", "--no-sandbox",
                "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium")));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(90));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (web != null) {
            web.close();
        }
    }

    private void type(String field, String text) {
        WebElement input = browser.findElement(By.id(field));
        input.sendKeys(text, Keys.ENTER); // the keyboard sends, like a person would
    }

    private void person(String id) {
        browser.findElement(By.cssSelector("#people [data-person='" + id + "']")).click();
    }

    /** The button with this label in the last message of the DM that still has buttons. */
    private WebElement dmButton(String label) {
        return wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "(//ol[@id='dm-messages']/li[not(p[@class='answered'])][.//button])[last()]//button[normalize-space()='" + label + "']")));
    }

    private void awaitDm(String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("dm-messages"), text));
    }

    private void screenshot(String name) throws Exception {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void aWholeRoundInThePageFromRondeStartToTheRadarAndTheReflectionsInItsThread() throws Exception {
        browser.get(web.url());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-title"), "Speelregio"));
        assertThat(browser.findElement(By.id("others")).getText()).isEqualTo("laat de andere partners antwoorden");
        assertThat(browser.findElement(By.id("reset")).getText()).isEqualTo("Opnieuw beginnen");

        type("channel-text", "ronde start");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("channel-messages"), "ronde start"));

        // Anna clicks: Start, her three reflections typed, seven scores clicked, Versturen
        person("anna");
        dmButton("Start").click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#dm-messages p.answered"), "Start"));
        for (String reflection : List.of(PlaygroundFixture.XSS, "Docenten ontwikkelen samen lessen.", "Wie neemt het over?")) {
            type("dm-text", reflection);
        }
        awaitDm("Stelling 1 van 7");
        assertThat(browser.findElements(By.xpath("//ol[@id='dm-messages']/li[last()]//button")).stream().map(WebElement::getText))
                .containsExactly("1 · helemaal niet", "2", "3", "4", "5 · helemaal wel");
        screenshot("playground-checkin.png");
        for (int i = 1; i <= 7; i++) {
            WebElement four = dmButton("4");
            WebElement message = four.findElement(By.xpath("ancestor::li[1]"));
            String id = message.getAttribute("data-id");
            four.click();
            // the question is made read-only in place once the core stored the answer
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#m" + id + " p.answered")));
            assertThat(browser.findElements(By.cssSelector("#m" + id + " button"))).isEmpty();
        }
        dmButton("Versturen").click();
        awaitDm("verstuurd");

        // Bram types everything
        person("bram");
        for (String line : List.of("start", "Doorlopende leerlijnen.", "Veel overleg.", "Hoe na 2027?",
                "3", "3", "2", "3", "3", "2", "3")) {
            type("dm-text", line);
        }
        awaitDm("Klopt alles?");
        type("dm-text", "versturen");
        awaitDm("verstuurd");

        // the others answer from their scripts
        browser.findElement(By.id("others")).click();
        for (String partner : List.of("carla", "daan")) {
            person(partner);
            awaitDm("verstuurd");
        }

        type("channel-text", "ronde sluit");
        WebElement radar = wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#channel-messages img.radar")));
        wait.until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", radar));
        assertThat(radar.getAttribute("alt")).isNotBlank();
        assertThat(browser.findElement(By.id("channel-messages")).getText()).contains("Laagst scorende elementen");
        WebElement thread = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#channel-messages ol.thread:not([hidden])")));
        wait.until(ExpectedConditions.textToBePresentInElement(thread, "Docenten ontwikkelen samen lessen."));
        assertThat(thread.getText()).contains(PlaygroundFixture.XSS).contains("Doorlopende leerlijnen.");
        assertThat(browser.findElements(By.cssSelector("img[src='x']"))).as("the reflection took effect as markup").isEmpty();
        try {
            browser.switchTo().alert();
            throw new AssertionError("the reflection ran a script");
        } catch (NoAlertPresentException expected) {
            // shown as text
        }
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView()", radar);
        screenshot("playground.png");
    }
}
