package cn.eduduty.launcher.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The browser harness on this machine, without the suite: Debian's headless Chromium through
 * chromedriver opens a page of a JDK HTTP server, reads Chinese text, clicks, saves numbered
 * screenshots of the office screen's size and receives a download; and a machine without the
 * packages fails with the command that installs them.
 */
class BrowserTest {

    private static final byte[] PDF = "%PDF-1.4\n% 自评报告\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
    private static final Path SCREENSHOTS = Path.of("target", "browser-test-screenshots");

    private static HttpServer server;

    @BeforeAll
    static void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> respond(exchange, "text/html; charset=utf-8", """
                <!doctype html>
                <html lang="zh-CN"><head><meta charset="utf-8"><title>自评报告</title></head>
                <body>
                  <h1 id="title">示例县 2025 年度自评报告</h1>
                  <button id="show" type="button" onclick="document.getElementById('shown').hidden = false">显示</button>
                  <p id="shown" hidden>已显示</p>
                  <a id="download" href="/report.pdf">下载 PDF</a>
                </body></html>
                """.getBytes(StandardCharsets.UTF_8)));
        server.createContext("/report.pdf", exchange -> {
            exchange.getResponseHeaders().add("Content-Disposition", "attachment; filename=\"report-990101-2025.pdf\"");
            respond(exchange, "application/pdf", PDF);
        });
        server.start();
        deleteTree(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static void respond(HttpExchange exchange, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Test
    void drivesHeadlessChromiumToClickScreenshotAndDownload() throws IOException {
        try (Browser browser = Browser.start(SCREENSHOTS)) {
            browser.open("http://localhost:" + server.getAddress().getPort() + "/");
            assertThat(browser.waitFor(By.id("title")).getText()).isEqualTo("示例县 2025 年度自评报告");
            Path first = browser.screenshot("page");

            browser.driver().findElement(By.id("show")).click();
            assertThat(browser.waitFor(By.id("shown")).getText()).isEqualTo("已显示");
            Path second = browser.screenshot("clicked");

            assertThat(first.getFileName()).hasToString("01-page.png");
            assertThat(second.getFileName()).hasToString("02-clicked.png");
            assertThat(first).isAbsolute();
            BufferedImage image = ImageIO.read(first.toFile());
            assertThat(image.getWidth()).as("the office screen's width").isEqualTo(1366);

            browser.driver().findElement(By.id("download")).click();
            Path download = browser.awaitDownload(".pdf");
            assertThat(download.getFileName()).hasToString("report-990101-2025.pdf");
            assertThat(Files.readAllBytes(download)).isEqualTo(PDF);
        }
        // a second browser numbers on in the same directory: one series per scenario
        try (Browser browser = Browser.start(SCREENSHOTS)) {
            browser.open("http://localhost:" + server.getAddress().getPort() + "/");
            assertThat(browser.screenshot("again").getFileName()).hasToString("03-again.png");
        }
    }

    @Test
    void failsWithTheInstallCommandWhenChromiumIsMissing() {
        assertThatThrownBy(() -> Browser.requireInstalled(Path.of("/nonexistent/chromium"), Browser.CHROMEDRIVER,
                Browser.CJK_FONTS)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("apt-get install chromium chromium-driver fonts-noto-cjk");
        assertThatThrownBy(() -> Browser.requireInstalled(Browser.CHROMIUM, Browser.CHROMEDRIVER,
                Path.of("/nonexistent/fonts"))).isInstanceOf(AssertionError.class)
                .hasMessageContaining("fonts-noto-cjk");
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
