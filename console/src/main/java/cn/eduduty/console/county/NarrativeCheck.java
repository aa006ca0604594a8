package cn.eduduty.console.county;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.api.Problem;
import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.api.report.NarrativeChecksApi;
import cn.eduduty.console.api.report.ReportsApi;
import cn.eduduty.console.api.report.model.Figure;
import cn.eduduty.console.api.report.model.NarrativeCheckRequest;
import cn.eduduty.console.api.report.model.NarrativeCheckResponse;
import cn.eduduty.console.api.report.model.StatedFigure;
import io.quarkus.qute.RawString;

/**
 * The live check of a narrative: report-service's narrative checker (the one the report's checks
 * use) on the text as typed, turned into the marked text and the list of mismatches the page shows.
 * The period of each mismatched figure comes from the report preview, asked only when there is a
 * mismatch to explain.
 */
@ApplicationScoped
public class NarrativeCheck {

    /** A mismatch as the list under the text shows it. */
    public record Mismatch(String sentence, String stated, String computedText, String metricLabel, String metricKey,
            String period) {
    }

    /** The checked text (escaped, marked HTML), the checker's one-line summary and the mismatches. */
    public record Result(RawString html, String summary, List<Mismatch> mismatches, boolean empty, String unavailable) {
    }

    @RestClient
    NarrativeChecksApi checker;

    @RestClient
    ReportsApi reports;

    /**
     * The narrative checked; with {@code periods}, each mismatch also names its figure's 统计期,
     * read from a report preview: asked when a page is drawn, not on each pause in typing (the
     * preview is costly and counted against the region's rate).
     */
    public Result check(String region, int year, String text, boolean periods) {
        if (text == null || text.isBlank()) {
            return new Result(new RawString(""), null, List.of(), true, null);
        }
        NarrativeCheckResponse answer;
        try {
            answer = checker.checkNarrative(new NarrativeCheckRequest().region(region).year(year).text(text));
        } catch (ApiException | ProcessingException e) {
            // the text is still shown; the page says why its numbers are not marked
            return new Result(new RawString(NarrativeMarkup.html(text, List.of())), null, List.of(), false,
                    Problem.of(e).title());
        }
        List<StatedFigure> figures = answer.getFigures() == null ? List.of() : answer.getFigures();
        List<NarrativeMarkup.Mark> marks = new ArrayList<>();
        List<StatedFigure> mismatched = new ArrayList<>();
        for (StatedFigure f : figures) {
            if (f.getStart() == null || f.getEnd() == null || f.getVerdict() == null) {
                continue;
            }
            boolean mismatch = f.getVerdict() == StatedFigure.VerdictEnum.MISMATCH;
            if (mismatch) {
                mismatched.add(f);
            }
            if (mismatch || f.getVerdict() == StatedFigure.VerdictEnum.MATCH) {
                marks.add(new NarrativeMarkup.Mark(f.getStart(), f.getEnd(), mismatch, f.getComputedText()));
            }
        }
        Map<String, String> labels = mismatched.isEmpty() || !periods ? Map.of() : periods(region, year);

        List<Mismatch> rows = mismatched.stream()
                .map(f -> new Mismatch(f.getSentence(), f.getStated(), f.getComputedText(), f.getMetricLabel(),
                        f.getMetricKey(), f.getMetricKey() == null ? null : labels.get(f.getMetricKey())))
                .toList();
        String summary = answer.getSummary() == null ? null : answer.getSummary().getSentence();
        return new Result(new RawString(NarrativeMarkup.html(text, marks)), summary, rows, false, null);
    }

    /** Each figure's period label, by key, from the region's report preview. */
    private Map<String, String> periods(String region, int year) {
        List<Figure> figures;
        try {
            figures = reports.previewReport(region, year, "json").getFigures();
        } catch (ApiException | ProcessingException e) {
            return Map.of(); // the list shows the mismatches without their period
        }
        return figures == null ? Map.of()
                : figures.stream().filter(f -> f.getKey() != null && f.getPeriod() != null && f.getPeriod().getLabel() != null)
                        .collect(Collectors.toMap(Figure::getKey, f -> f.getPeriod().getLabel(), (a, b) -> a));
    }
}
