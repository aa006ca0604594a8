package cn.eduduty.report.checks.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.contracts.metric.MetricDefinition;
import cn.eduduty.report.figures.Figure;

/**
 * The checker on a corpus of sentences written the way county self-evaluation reports are
 * ({@code narrative/corpus.tsv}), against one county's figures ({@code narrative/figures.tsv}):
 * every stated number with its expected attribution and verdict.
 */
class NarrativeCorpusTest {

    static final int YEAR = 2019;

    static List<Figure> figures() {
        List<Figure> figures = new ArrayList<>();
        for (String[] row : rows("narrative/figures.tsv")) {
            MetricDefinition d = MetricCatalogue.find(row[0]).orElseThrow(() -> new IllegalStateException(row[0]));
            figures.add("absent".equals(row[1])
                    ? Figure.absent(d.key(), d.label(), d.unit().name(), d.definition(), "无数据")
                    : Figure.present(d.key(), d.label(), new BigDecimal(row[1]), d.unit().name(), d.definition(),
                            List.of(), List.of()));
        }
        return figures;
    }

    static Stream<Arguments> corpus() {
        return rows("narrative/corpus.tsv").stream().map(r -> Arguments.of(r[0], r[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsTheSentenceAsAReviewerWould(String sentence, String expected) {
        List<StatedFigure> found = NarrativeChecker.of(figures(), key -> Set.of(YEAR)).check(sentence);
        List<String> actual = found.stream().map(f -> f.stated() + "→" + (f.metricKey() == null ? "-" : f.metricKey())
                + ":" + f.verdict()).toList();
        List<String> wanted = "-".equals(expected) ? List.of() : List.of(expected.split(" \\| "));
        assertThat(actual).as(found.toString()).containsExactlyElementsOf(wanted);
    }

    @Test
    void aCraftedTextOfTheLongestAllowedSizeIsReadInBoundedTime() {
        // without full stops, and with a 由 that no 到 closes: once minutes of work for one request or report
        String runOn = "大班额5个，".repeat(4_000).substring(0, 20_000);
        String opened = "由".repeat(2_000) + "到" + "大班额5个".repeat(3_600);
        Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
            NarrativeChecker checker = NarrativeChecker.of(figures(), key -> Set.of(YEAR));
            assertThat(checker.check(runOn)).isNotEmpty().allSatisfy(f -> assertThat(f.stated()).isEqualTo("5个"));
            assertThat(checker.check(opened.substring(0, 20_000))).isNotEmpty();
        });
    }

    @Test
    void theCorpusIsLargeEnoughAndCoversEveryVerdict() {
        List<String[]> rows = rows("narrative/corpus.tsv");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
        String all = String.join("\n", rows.stream().map(r -> r[1]).toList());
        for (StatedFigure.Verdict verdict : StatedFigure.Verdict.values()) {
            assertThat(all).contains(":" + verdict);
        }
    }

    private static List<String[]> rows(String resource) {
        try (InputStream in = NarrativeCorpusTest.class.getClassLoader().getResourceAsStream(resource)) {
            List<String[]> rows = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 2) {
                    throw new IllegalStateException("two tab-separated cells expected: " + line);
                }
                rows.add(cells);
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
