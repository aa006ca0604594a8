package cn.eduduty.report.snapshot;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import cn.eduduty.report.Golden;
import cn.eduduty.report.render.MarkdownRenderer;

/**
 * What the composer writes for a small fixed book ({@link GoldenReports}): the whole snapshot
 * content as its canonical JSON (figures, checks, stated numbers, the document blocks), and the
 * document as Markdown, which a reviewer reads more easily in a diff. A county's report, its
 * draft, a prefecture's and a province's roll-up. Rewrite with {@code -Dgolden.update=true}.
 */
class ReportComposerGoldenTest {

    @Test
    void countyReportIsTheGoldenOne() {
        assertGolden("composer/county", GoldenReports.county());
    }

    @Test
    void countyDraftIsTheGoldenOne() {
        assertGolden("composer/county-draft", GoldenReports.countyDraft());
    }

    @Test
    void prefectureRollUpIsTheGoldenOne() {
        assertGolden("composer/prefecture", GoldenReports.prefecture());
    }

    @Test
    void provinceRollUpIsTheGoldenOne() {
        assertGolden("composer/province", GoldenReports.province());
    }

    private static void assertGolden(String name, ReportContent content) {
        Golden.assertMatches(name + ".json", ReportJson.write(content));
        Golden.assertMatches(name + ".md",
                new String(MarkdownRenderer.render(content.document()), StandardCharsets.UTF_8));
    }
}
