package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.narrative.NarrativeChecks;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.ReportPeriods;
import cn.eduduty.report.render.Document;

/**
 * Everything a report snapshot holds: whose report, of which year and kind, the periods evaluated,
 * who signs it and when, the framework and
 * self-evaluation it rests on, how far the read model had read each topic, every figure of the
 * year with its provenance (and of the two years before, for the comparisons), the checks that
 * fired, every number the narratives state with its attribution and verdict, the per-county table of a roll-up (and
 * the per-prefecture one of a province's), and the document itself. Serialised once to canonical
 * JSON; the renderers work from this, so a snapshot renders to the same bytes every time.
 */
@Schema(description = "A report snapshot: every figure with its formula, inputs, sources and as-of position, the checks, "
        + "the stated figures, the roll-up tables and the document")
public record ReportContent(
        String regionCode,
        String regionName,
        String level,
        int year,
        String kind,
        Instant generatedAt,
        String generatedBy,
        ReportPeriods periods,
        Signing signing,
        FrameworkRef framework,
        EvaluationRef evaluation,
        List<Position> asOf,
        List<Figure> figures,
        List<EarlierYear> earlierYears,
        List<Check> checks,
        List<NarrativeChecks.Statement> statedFigures,
        List<CountyRow> counties,
        List<CountyRow> prefectures,
        Document document) {

    /**
     * Who signs the document and the date printed on it, and which parts of the signature are
     * defaults rather than the county's (or the request's) own choice.
     */
    public record Signing(String authority, LocalDate date, List<String> defaulted) {
    }

    /** The published framework the ratings follow. */
    public record FrameworkRef(UUID id, String code, String name, String issuer) {
    }

    /** The self-evaluation the narratives come from, at the version read. */
    public record EvaluationRef(UUID id, String status, long version) {
    }

    /** The next offset to read of a topic partition when the figures were computed. */
    public record Position(String topic, int partition, long nextOffset) {
    }

    /** An earlier year's registry and funding figures. */
    public record EarlierYear(int year, List<Figure> figures) {
    }

    /**
     * One county's line in a roll-up; in a province's, also one prefecture's, with its figures
     * computed from the counts below it and no status of its own.
     */
    public record CountyRow(String regionCode, String regionName, String evaluationStatus, List<Figure> figures,
            int checksFailed) {
    }
}
