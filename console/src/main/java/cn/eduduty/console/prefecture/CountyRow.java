package cn.eduduty.console.prefecture;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.api.registry.model.RegionResponse;
import cn.eduduty.console.api.report.model.DeadlineResponse;
import cn.eduduty.console.api.report.model.ReportResponse;
import cn.eduduty.console.county.DaysLeft;
import cn.eduduty.console.web.Labels;

/**
 * One county's line in the prefecture's table, put together from four services' answers. Pure,
 * so the joining (by region code) and the deadline arithmetic are tested without a service.
 */
public record CountyRow(String code, String name, Labels.Status status, Checks checks, LastReport lastReport,
        DeadlineState deadline) {

    /** What a county's report preview flags now; {@code unavailable} says why it could not be read. */
    public record Checks(int errors, int warnings, String unavailable) {
        static Checks failed(String why) {
            return new Checks(0, 0, why);
        }
    }

    /** The county's newest stored snapshot. */
    public record LastReport(UUID id, String kind, String generatedAt) {
    }

    /**
     * The deadline that binds the county (its own, else its prefecture's): the due time, the days
     * left (negative once overdue) in the county pages' words ({@link DaysLeft}) and whether the
     * county has submitted.
     */
    public record DeadlineState(String due, long daysLeft, String remaining, boolean submitted) {
        /** The badge: done, late, close (a week or less) or calm. */
        public String badge() {
            if (submitted) {
                return "ok";
            }
            return daysLeft < 0 ? "error" : daysLeft <= 7 ? "warning" : "muted";
        }
    }

    /**
     * The rows of {@code counties} in code order. {@code reports} are newest first (as listReports
     * answers), so the first of a county is its last; {@code checks} is keyed by county code.
     */
    static List<CountyRow> of(String prefecture, List<RegionResponse> counties, List<SelfEvaluationResponse> evaluations,
            List<ReportResponse> reports, List<DeadlineResponse> deadlines, Map<String, Checks> checks, LocalDate today) {
        Map<String, SelfEvaluationResponse> evaluation = evaluations.stream()
                .collect(Collectors.toMap(SelfEvaluationResponse::getRegionCode, Function.identity(), (a, b) -> a));
        Map<String, ReportResponse> last = reports.stream()
                .collect(Collectors.toMap(ReportResponse::getRegion, Function.identity(), (newer, older) -> newer));
        Map<String, DeadlineResponse> deadline = deadlines.stream()
                .collect(Collectors.toMap(DeadlineResponse::getRegionCode, Function.identity(), (a, b) -> a));
        return counties.stream().sorted(Comparator.comparing(RegionResponse::getCode)).map(county -> {
            SelfEvaluationResponse e = evaluation.get(county.getCode());
            String status = e == null || e.getStatus() == null ? null : e.getStatus().toString();
            ReportResponse r = last.get(county.getCode());
            LastReport lastReport = r == null ? null
                    : new LastReport(r.getId(), Labels.kind(r.getKind() == null ? null : r.getKind().toString()),
                            Labels.minute(r.getGeneratedAt()));
            // the soonest of those that apply, as the county's own page counts it
            DeadlineState state = Stream.of(deadline.get(county.getCode()), deadline.get(prefecture))
                    .filter(d -> d != null && d.getDueAt() != null).min(Comparator.comparing(DeadlineResponse::getDueAt))
                    .map(d -> deadlineState(d, status, today)).orElse(null);
            return new CountyRow(county.getCode(), county.getName(), Labels.status(status),
                    checks.getOrDefault(county.getCode(), Checks.failed("未读取")), lastReport, state);
        }).toList();
    }

    static DeadlineState deadlineState(DeadlineResponse d, String status, LocalDate today) {
        LocalDate due = DaysLeft.dueDate(d.getDueAt());
        boolean submitted = "SUBMITTED".equals(status) || "APPROVED".equals(status);
        return new DeadlineState(Labels.minute(d.getDueAt()), ChronoUnit.DAYS.between(today, due),
                DaysLeft.wording(due, today), submitted);
    }
}
