package cn.eduduty.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import cn.eduduty.embedded.FreePort;
import cn.eduduty.launcher.Launcher;
import cn.eduduty.launcher.demo.DemoCounty;
import cn.eduduty.launcher.demo.DemoLoader;

/**
 * The console in a browser, end to end: the packaged suite (the four services and the console, as
 * deploy/run starts them, on free ports) with the demo county loaded through the APIs, and Debian's
 * headless Chromium ({@link Browser}) signing in on the console's local sign-in page as the demo
 * accounts. Each step is one method, run in order on the same suite and browsers, and saves a
 * numbered screenshot under target/console-screenshots (its path printed); once a step fails the
 * later ones do not run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    /** The demo accounts of the console's local sign-in page, as its buttons' values name them. */
    static final String COUNTY_EDITOR = "county-editor|" + DemoCounty.COUNTY;
    static final String VIEWER = "viewer|" + DemoCounty.COUNTY;
    static final String PREFECTURE_REVIEWER = "prefecture-reviewer|" + DemoCounty.PREFECTURE;
    /** The console's session cookie (HttpOnly, SameSite=Strict). */
    static final String SESSION_COOKIE = "eduduty_console";

    private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

    @RegisterExtension
    static final Steps STEPS = new Steps();

    private static Path work;
    private static Launcher suite;
    private static String console;
    private static final List<Browser> browsers = new ArrayList<>();
    /** The county editor's browser, signed in by step 1. */
    private static Browser editor;

    @BeforeAll
    static void start() throws Exception {
        Browser.requireInstalled(); // before minutes of starting the suite
        Path root = Path.of("").toAbsolutePath().resolve("../..").normalize();
        work = Files.createTempDirectory("eduduty-console-e2e");
        deleteTree(SCREENSHOTS);
        Instant started = Instant.now();
        suite = new Launcher(root, work, List.of(
                new Launcher.Service("indicator-service", FreePort.find(), FreePort.find(), "indicator"),
                new Launcher.Service("school-registry-service", FreePort.find(), FreePort.find(), "registry"),
                new Launcher.Service("funding-service", FreePort.find(), FreePort.find(), "funding"),
                new Launcher.Service("report-service", FreePort.find(), FreePort.find(), "report")))
                .console(new Launcher.Console(FreePort.find(), FreePort.find()));
        assertThat(suite.consoleJar()).as("the packaged console (./mvnw package builds it; ./mvnw verify packages "
                + "it before this test runs)").exists();
        suite.start();
        console = suite.console().orElseThrow().url();
        DemoLoader.Config config = new DemoLoader.Config(url("indicator-service"), url("school-registry-service"),
                url("funding-service"), url("report-service"), work.resolve("keys"), Duration.ofSeconds(180), false);
        assertThat(new DemoLoader(config, System.out).run().report()).as("the demo county's first report").isPresent();
        System.out.printf("[console-e2e] suite, console and demo county ready in %.1f s; console on %s%n",
                Duration.between(started, Instant.now()).toMillis() / 1000.0, console);
    }

    @AfterAll
    static void stop() throws IOException {
        browsers.forEach(Browser::close);
        if (suite != null) {
            suite.stop();
        }
        if (work != null) {
            // the logs (the console's too) are kept for a failed run to be read
            Path kept = Files.createDirectories(Path.of("target", "e2e-logs", "console-browser"));
            try (Stream<Path> logs = Files.list(work.resolve("logs"))) {
                for (Path log : logs.toList()) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (NoSuchFileException e) {
                // the suite did not get as far as starting a process
            }
            deleteTree(work);
        }
    }

    private static String url(String service) {
        return suite.service(service).url();
    }

    /**
     * A new browser signed in on the console's local sign-in page as {@code account} (the value of
     * its button, e.g. {@link #COUNTY_EDITOR}), on the page the console sends that user home to.
     */
    static Browser signIn(String account, String step) {
        Browser browser = Browser.start(SCREENSHOTS);
        browsers.add(browser);
        browser.open(console + "/sign-in");
        browser.waitFor(By.cssSelector("button[name='account'][value='" + account + "']"));
        browser.screenshot(step + "-sign-in");
        browser.driver().findElement(By.cssSelector("button[name='account'][value='" + account + "']")).click();
        new WebDriverWait(browser.driver(), Browser.WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
        return browser;
    }

    @Test
    @Order(1)
    void countyEditorSignsInAndLandsOnTheCountysHome() {
        editor = signIn(COUNTY_EDITOR, "county-editor");
        editor.open(console + "/");
        editor.waitFor(By.tagName("h1"));
        editor.screenshot("county-editor-home");

        assertThat(editor.driver().getCurrentUrl()).doesNotContain("/sign-in");
        assertThat(editor.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("zh-CN");
        Cookie session = editor.driver().manage().getCookieNamed(SESSION_COOKIE);
        assertThat(session).as("the console's session cookie").isNotNull();
        assertThat(session.isHttpOnly()).as("HttpOnly").isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
    }

    // the scenario goes on here (issue 17's acceptance): the editor fixes a misstated figure flagged in
    // a narrative and submits; the reviewer (signIn(PREFECTURE_REVIEWER, "reviewer")) returns it with a
    // comment; the editor sees the comment and resubmits; the reviewer approves and downloads the PDF
    // (Browser.awaitDownload(".pdf")). One @Order'd method per step, a screenshot in each.

    /** Skips every step after a failed one: they would fail for the same reason, less legibly. */
    static final class Steps implements ExecutionCondition, TestWatcher {
        private Optional<String> failed = Optional.empty();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return failed.map(step -> ConditionEvaluationResult.disabled("an earlier step failed: " + step))
                    .orElse(ConditionEvaluationResult.enabled("no step failed"));
        }

        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            failed = Optional.of(context.getDisplayName());
        }
    }

    private static void deleteTree(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
