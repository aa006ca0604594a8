package cn.eduduty.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
    private static ScenarioApi api;
    /** The figure the county's clerk typed wrong (set up through the API before the browser starts). */
    private static ScenarioApi.Misstatement misstated;
    private static final List<Browser> browsers = new ArrayList<>();
    /** The county editor's browser, signed in by step 1. */
    private static Browser editor;
    /** The prefecture reviewer's browser, signed in by step 7. */
    private static Browser reviewer;
    private static final String RETURN_SUMMARY = "请核实学前教育相关数据的统计口径后再提交。";
    private static final String COMMENT = "请补充该指标的佐证材料。";

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
        // the county's self-evaluation rated and signed but not submitted: where the editor's work starts
        DemoLoader.Config config = new DemoLoader.Config(url("indicator-service"), url("school-registry-service"),
                url("funding-service"), url("report-service"), work.resolve("keys"), Duration.ofSeconds(180), false)
                .withStage(DemoLoader.Stage.DRAFT);
        assertThat(new DemoLoader(config, System.out).run().report()).as("the demo county's first report").isPresent();
        api = new ScenarioApi(suite, DemoCounty.COUNTY, DemoCounty.REPORT_YEAR);
        api.registerDeadline(30);
        misstated = api.misstateOneFigure();
        System.out.printf("[console-e2e] %s's narrative now states %s where the data give %s%n", misstated.code(),
                misstated.wrong(), misstated.right());
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

    @Test
    @Order(2)
    void theDashboardFlagsTheMisstatedFigureWithALinkToFixIt() {
        editor.open(console + "/counties/" + DemoCounty.COUNTY + "/" + DemoCounty.REPORT_YEAR);
        editor.waitFor(By.id("evaluation-status"));
        assertThat(editor.text(By.id("evaluation-status"))).contains("草稿");
        assertThat(editor.text(By.id("deadline"))).isNotBlank();
        assertThat(editor.text(By.id("days-left"))).contains("30");
        WebElement check = editor.waitFor(By.xpath("//li[@data-test='check'][.//a[@data-test='fix-link'][contains(@href, '/indicators/"
                + misstated.code() + "')]]"));
        assertThat(check.getText()).contains(misstated.wrong());
        editor.screenshot("editor-dashboard-check");
        check.findElement(By.cssSelector("a[data-test='fix-link']")).click();
        editor.waitFor(By.id("narrative"));
    }

    @Test
    @Order(3)
    void theEditorSeesTheComputedValueWhileTypingAndFixesTheFigure() {
        WebElement mismatch = editor.waitFor(By.cssSelector("#narrative-check mark.mismatch"));
        assertThat(mismatch.getText()).contains(misstated.wrong());
        String shown = editor.text(By.id("narrative-check"));
        assertThat(shown).as("the computed value is shown with the mismatch").contains(misstated.right());
        editor.screenshotAt("editor-narrative-mismatch", By.id("narrative-check"));

        // a refusal shows next to its fields: 基本落实 needs the problem and the improvement
        editor.driver().findElement(By.cssSelector("input[name='rating'][value='BASICALLY']")).click();
        editor.driver().findElement(By.id("save-rating")).click();
        WebElement improvementError = editor.waitFor(By.cssSelector(".field-error[data-field='improvement']"));
        assertThat(improvementError.getText()).isNotBlank();
        assertThat(editor.driver().findElement(By.id("improvement")).getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(editor.text(By.cssSelector(".problem"))).isNotBlank();
        editor.screenshotAt("editor-field-errors", By.cssSelector(".field-error[data-field='improvement']"));
        editor.driver().findElement(By.cssSelector("input[name='rating'][value='FULLY']")).click();

        WebElement narrative = editor.driver().findElement(By.id("narrative"));
        String fixed = narrative.getDomProperty("value").replace(misstated.wrong(), misstated.right());
        narrative.clear();
        narrative.sendKeys(fixed);
        new WebDriverWait(editor.driver(), Browser.WAIT).until(d -> d.findElements(By.cssSelector("#narrative-check mark.mismatch")).isEmpty()
                && !d.findElements(By.cssSelector("#narrative-check mark.match")).isEmpty());
        editor.screenshotAt("editor-narrative-fixed", By.id("narrative-check"));

        editor.driver().findElement(By.id("save-rating")).click();
        editor.waitFor(By.cssSelector(".done"));
        assertThat(api.narrativeOf(misstated.code())).contains(misstated.right()).doesNotContain(misstated.wrong());
    }

    @Test
    @Order(4)
    void theEditorImportsATemplateOpensAFigureAndReadsWhatTheCountySigns() {
        editor.open(console + "/counties/" + DemoCounty.COUNTY + "/" + DemoCounty.REPORT_YEAR + "/imports");
        editor.waitFor(By.cssSelector("a[data-test='template-classes']")).click();
        Path template = editor.awaitDownload(".xlsx");
        assertThat(template.getFileName().toString()).endsWith(".xlsx");
        editor.screenshot("editor-imports");

        String key = api.someFigureKey();
        editor.open(console + "/counties/" + DemoCounty.COUNTY + "/" + DemoCounty.REPORT_YEAR + "/figures/" + key);
        assertThat(editor.text(By.id("figure-value"))).isNotBlank();
        assertThat(editor.text(By.id("figure-period"))).isNotBlank();
        assertThat(editor.text(By.id("figure-formula"))).isNotBlank();
        assertThat(editor.driver().findElements(By.cssSelector("#figure-sources li"))).isNotEmpty();
        editor.screenshot("editor-figure");

        editor.open(console + "/evaluations/" + api.evaluationId() + "/signing");
        assertThat(editor.waitFor(By.id("signing-date")).getDomProperty("value")).isNotBlank();
        editor.screenshot("editor-signing");
    }

    @Test
    @Order(5)
    void aViewerReadsButCannotChangeOrSubmit() {
        // with the keyboard alone: Tab to the viewer's account on the sign-in page, Enter
        Browser viewer = Browser.start(SCREENSHOTS);
        browsers.add(viewer);
        viewer.open(console + "/sign-in");
        viewer.waitFor(By.cssSelector("button[name='account']"));
        for (int i = 0; i < 20 && !VIEWER.equals(viewer.driver().switchTo().activeElement().getDomAttribute("value")); i++) {
            new Actions(viewer.driver()).sendKeys(Keys.TAB).perform();
        }
        assertThat(viewer.driver().switchTo().activeElement().getDomAttribute("value")).as("Tab reaches the account").isEqualTo(VIEWER);
        new Actions(viewer.driver()).sendKeys(Keys.ENTER).perform();
        new WebDriverWait(viewer.driver(), Browser.WAIT).until(ExpectedConditions.not(ExpectedConditions.urlContains("/sign-in")));
        viewer.open(console + "/evaluations/" + api.evaluationId());
        viewer.waitFor(By.tagName("h1"));
        assertThat(viewer.driver().findElements(By.id("submit-evaluation"))).isEmpty();
        viewer.open(console + "/evaluations/" + api.evaluationId() + "/indicators/" + misstated.code());
        viewer.waitFor(By.tagName("h1"));
        assertThat(viewer.driver().findElements(By.id("save-rating"))).isEmpty();
        viewer.screenshot("viewer-read-only");
        viewer.close();
        browsers.remove(viewer);
    }

    @Test
    @Order(6)
    void theEditorSubmits() {
        editor.open(console + "/counties/" + DemoCounty.COUNTY + "/" + DemoCounty.REPORT_YEAR);
        editor.waitFor(By.id("checks"));
        assertThat(editor.driver().findElements(By.xpath("//li[@data-test='check'][.//a[contains(@href, '/indicators/"
                + misstated.code() + "')]]"))).as("the fixed figure no longer flagged").isEmpty();
        editor.driver().findElement(By.id("open-evaluation")).click();
        editor.waitFor(By.id("submit-evaluation")).click();
        new WebDriverWait(editor.driver(), Browser.WAIT).until(d -> api.status().equals("SUBMITTED"));
        editor.screenshot("editor-submitted");
    }

    @Test
    @Order(7)
    void theReviewerReturnsItWithAComment() {
        reviewer = signIn(PREFECTURE_REVIEWER, "reviewer");
        reviewer.open(console + "/");
        reviewer.waitFor(By.id("counties"));
        WebElement row = reviewer.waitFor(By.cssSelector("tr[data-county='" + DemoCounty.COUNTY + "']"));
        assertThat(row.getText()).contains("已提交");
        reviewer.screenshot("reviewer-counties");
        row.findElement(By.cssSelector("a[data-test='open-county']")).click();
        reviewer.waitFor(By.cssSelector("iframe.report"));
        reviewer.waitFor(By.id("return-summary")).sendKeys(RETURN_SUMMARY);
        // the comment fields are grouped by first-level area, folded: the reviewer opens the indicator's area
        reviewer.driver().findElement(By.xpath("//textarea[@name='comment." + misstated.code() + "']/ancestor::details/summary"))
                .click();
        reviewer.waitFor(By.name("comment." + misstated.code())).sendKeys(COMMENT);
        reviewer.screenshotAt("reviewer-return-form", By.id("return-summary"));
        reviewer.driver().findElement(By.id("return-evaluation")).click();
        reviewer.waitFor(By.cssSelector(".done"));
        assertThat(api.status()).isEqualTo("RETURNED");
        reviewer.screenshot("reviewer-returned");
    }

    @Test
    @Order(8)
    void theEditorSeesTheCommentAndResubmits() {
        editor.open(console + "/evaluations/" + api.evaluationId());
        assertThat(editor.waitFor(By.id("return-summary-text")).getText()).contains(RETURN_SUMMARY);
        assertThat(editor.driver().findElements(By.cssSelector(".comment[data-test='review-comment']")))
                .anySatisfy(c -> assertThat(c.getText()).contains(COMMENT));
        editor.screenshot("editor-sees-comment");
        editor.waitFor(By.id("submit-evaluation")).click();
        new WebDriverWait(editor.driver(), Browser.WAIT).until(d -> api.status().equals("SUBMITTED"));
        editor.screenshot("editor-resubmitted");
    }

    @Test
    @Order(9)
    void theReviewerApprovesAndDownloadsThePdf() throws IOException {
        reviewer.open(console + "/prefectures/" + DemoCounty.PREFECTURE + "/" + DemoCounty.REPORT_YEAR + "/counties/"
                + DemoCounty.COUNTY);
        reviewer.waitFor(By.id("approve-evaluation")).click();
        reviewer.waitFor(By.cssSelector(".done"));
        assertThat(api.status()).isEqualTo("APPROVED");
        reviewer.screenshot("reviewer-approved");
        reviewer.waitFor(By.cssSelector("a[data-test='download-pdf']")).click();
        Path pdf = reviewer.awaitDownload(".pdf");
        byte[] head = Arrays.copyOf(Files.readAllBytes(pdf), 5);
        assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        System.out.println("[console-e2e] the reviewer's PDF: " + pdf.toAbsolutePath());
    }

    @Test
    @Order(10)
    void theReviewerGeneratesTheRollUp() {
        reviewer.open(console + "/prefectures/" + DemoCounty.PREFECTURE + "/" + DemoCounty.REPORT_YEAR);
        reviewer.waitFor(By.id("generate-rollup")).click();
        reviewer.waitFor(By.cssSelector("a[data-test='rollup-pdf']"));
        reviewer.screenshot("reviewer-rollup");
    }

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
