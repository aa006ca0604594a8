package cn.eduduty.launcher.e2e;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, for the console's browser tests:
 * a fresh profile and a download directory of its own per browser, numbered screenshots whose paths
 * are printed, waits for an element and for a download.
 *
 * <p>Nothing is ever downloaded: both binaries are named explicitly, so Selenium Manager (which
 * would fetch a browser or a driver) is never asked; the build also points {@code SE_MANAGER_PATH}
 * at /usr/bin/false and sets {@code SE_OFFLINE}, so a call would fail instead of downloading. A
 * machine without the packages fails the test with the command that installs them; it never skips.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Where Debian's fonts-noto-cjk puts its fonts: without them the screenshots show boxes for Chinese. */
    static final Path CJK_FONTS = Path.of("/usr/share/fonts/opentype/noto");
    static final String INSTALL = "apt-get install chromium chromium-driver fonts-noto-cjk (.ci/run does)";
    /** How long {@link #waitFor} and {@link #awaitDownload} wait. */
    static final Duration WAIT = Duration.ofSeconds(30);
    private static final Pattern NUMBERED = Pattern.compile("(\\d+)-.*\\.png");
    /**
     * Quiet about having no DevTools (CDP) classes for this Chromium's version: the tests use only
     * WebDriver, and Debian's Chromium is newer than the CDP versions a Selenium release ships. Held
     * here because java.util.logging keeps its loggers weakly.
     */
    private static final Logger CDP_VERSIONS = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSIONS.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;
    private final Path downloads;
    private final Path screenshots;
    private final WebDriverWait wait;
    /** The downloads {@link #awaitDownload} has already returned. */
    private final Set<Path> downloaded = new HashSet<>();

    private Browser(ChromeDriver driver, Path profile, Path downloads, Path screenshots) {
        this.driver = driver;
        this.profile = profile;
        this.downloads = downloads;
        this.screenshots = screenshots;
        this.wait = new WebDriverWait(driver, WAIT);
    }

    /**
     * Starts a browser whose screenshots go to {@code screenshots} (numbered on from the ones already
     * there, so that several browsers of one scenario, an editor's and a reviewer's, make one series).
     */
    public static Browser start(Path screenshots) {
        requireInstalled();
        try {
            Path profile = Files.createTempDirectory("eduduty-chromium-profile");
            Path downloads = Files.createTempDirectory("eduduty-chromium-downloads");
            Files.createDirectories(screenshots);
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--window-size=1366,768", "--lang=zh-CN", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of(
                    "download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false,
                    "intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
            return new Browser(new ChromeDriver(service, options), profile, downloads, screenshots);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails (never skips) on a machine without Debian's chromium, chromium-driver or fonts-noto-cjk. */
    static void requireInstalled() {
        if (!installed(CHROMIUM, CHROMEDRIVER, CJK_FONTS)) {
            installFromDebian();
        }
        requireInstalled(CHROMIUM, CHROMEDRIVER, CJK_FONTS);
    }

    private static boolean installed(Path chromium, Path chromedriver, Path cjkFonts) {
        try {
            requireInstalled(chromium, chromedriver, cjkFonts);
            return true;
        } catch (AssertionError e) {
            return false;
        }
    }

    /**
     * On a fresh Debian machine the README's test command obtains the browser itself, as it obtains
     * PostgreSQL and Kafka: {@code apt-get install chromium chromium-driver fonts-noto-cjk}, when
     * apt-get is there and the tests run as root (CI); otherwise the check below names the command.
     * The output goes to target/apt-chromium.log.
     */
    private static void installFromDebian() {
        if (!Files.isExecutable(Path.of("/usr/bin/apt-get")) || !"root".equals(System.getProperty("user.name"))) {
            return;
        }
        Path log = Path.of("target", "apt-chromium.log").toAbsolutePath();
        System.out.println("[browser] installing Debian's chromium, chromium-driver and fonts-noto-cjk (log: " + log + ")");
        try {
            Files.createDirectories(log.getParent());
            for (List<String> command : List.of(List.of("apt-get", "update", "-qq"),
                    List.of("apt-get", "install", "-y", "-qq", "chromium", "chromium-driver", "fonts-noto-cjk"))) {
                ProcessBuilder apt = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
                apt.environment().put("DEBIAN_FRONTEND", "noninteractive");
                Process p = apt.start();
                if (!p.waitFor(15, TimeUnit.MINUTES)) {
                    p.destroyForcibly();
                    return;
                }
            }
        } catch (IOException e) {
            System.out.println("[browser] apt-get failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void requireInstalled(Path chromium, Path chromedriver, Path cjkFonts) {
        if (!Files.isExecutable(chromium)) {
            throw new AssertionError("The browser tests need Debian's chromium at " + chromium + ": " + INSTALL);
        }
        if (!Files.isExecutable(chromedriver)) {
            throw new AssertionError("The browser tests need Debian's chromedriver at " + chromedriver + ": " + INSTALL);
        }
        boolean cjk;
        try (Stream<Path> fonts = Files.isDirectory(cjkFonts) ? Files.list(cjkFonts) : Stream.empty()) {
            cjk = fonts.anyMatch(f -> f.getFileName().toString().contains("CJK"));
        } catch (IOException e) {
            cjk = false;
        }
        if (!cjk) {
            throw new AssertionError("The browser tests need Chinese fonts (no Noto CJK font in " + cjkFonts
                    + "; the screenshots would show boxes): " + INSTALL);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The element once it is visible, or a failure after {@link #WAIT}. */
    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /** Scrolls the element {@code by} names to the middle of the window, then saves the page as {@link #screenshot}. */
    public Path screenshotAt(String step, By by) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", waitFor(by));
        return screenshot(step);
    }

    /** The visible text of the element {@code by} names, once it is there. */
    public String text(By by) {
        return waitFor(by).getText();
    }

    /**
     * Saves the page as {@code NN-step.png} in the screenshot directory, NN the next number there,
     * and prints its absolute path.
     */
    public Path screenshot(String step) {
        try {
            Path file = screenshots.resolve(String.format("%02d-%s.png", nextNumber(), step)).toAbsolutePath();
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            System.out.println("[browser] screenshot " + step + ": " + file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int nextNumber() throws IOException {
        try (Stream<Path> files = Files.list(screenshots)) {
            return files.map(f -> NUMBERED.matcher(f.getFileName().toString())).filter(Matcher::matches)
                    .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElse(0) + 1;
        }
    }

    /**
     * The next downloaded file whose name ends with {@code suffix} (".pdf"), once Chromium has
     * finished writing it (no .crdownload left, size steady); a failure after {@link #WAIT}.
     */
    public Path awaitDownload(String suffix) {
        Instant deadline = Instant.now().plus(WAIT);
        long lastSize = -1;
        while (Instant.now().isBefore(deadline)) {
            List<Path> files = list(downloads);
            boolean writing = files.stream().anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
            Optional<Path> found = files.stream().filter(f -> !downloaded.contains(f))
                    .filter(f -> f.getFileName().toString().endsWith(suffix)).findFirst();
            if (found.isPresent() && !writing) {
                long size = size(found.get());
                if (size > 0 && size == lastSize) {
                    downloaded.add(found.get());
                    return found.get();
                }
                lastSize = size;
            }
            sleep();
        }
        throw new AssertionError("no download ending with " + suffix + " within " + WAIT.toSeconds() + " s; in "
                + downloads + ": " + list(downloads));
    }

    private static List<Path> list(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1; // renamed from .crdownload under us: try again
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for a download", e);
        }
    }

    /** Quits the browser and deletes its profile and downloads. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
            delete(downloads);
        }
    }

    private static void delete(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            // a temporary directory left behind
        }
    }
}
