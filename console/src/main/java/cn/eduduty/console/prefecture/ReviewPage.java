package cn.eduduty.console.prefecture;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.ReviewCommentResponse;
import cn.eduduty.console.api.report.model.Check;
import cn.eduduty.console.web.Labels;

/**
 * The pieces of the review page, built from the services' models: the comment fields in the
 * framework's tree, earlier returns by round, the preview's checks. Pure.
 */
public final class ReviewPage {

    private ReviewPage() {
    }

    /** A first-level area of the framework with the comment fields of its third-level indicators. */
    public record Area(String code, String title, List<CommentField> fields, boolean open) {
    }

    /** The comment field of one third-level indicator, with what was typed and the service's message. */
    public record CommentField(String code, String title, String name, String id, String value, String error) {
    }

    /** One return: its summary and its comments on indicators. */
    public record Round(int round, String at, String reviewer, String summary, List<Comment> comments) {
    }

    public record Comment(String code, String title, String comment) {
    }

    /** A check of the report preview as listed. */
    public record CheckItem(String code, String severity, String badge, String message, String subject) {
    }

    /**
     * What a check concerns, for the reviewer: an indicator by its code; other subjects (an
     * evaluation's id, a metric's key) are named in the check's message already and not repeated.
     */
    static String subjectOf(String subject) {
        return subject != null && subject.matches("\\d+(\\.\\d+){2}") ? "涉及指标 " + subject : null;
    }

    /**
     * The framework's third-level indicators under their first-level areas, in reading order, each
     * with the value typed ({@code typed}, by form field name) and its message ({@code errors}).
     */
    static List<Area> areas(List<IndicatorResponse> indicators, Map<String, String> typed, Map<String, String> errors) {
        Map<String, String> areaTitles = new LinkedHashMap<>();
        Map<String, List<CommentField>> fields = new LinkedHashMap<>();
        for (IndicatorResponse i : indicators) {
            int level = i.getLevel() == null ? 0 : i.getLevel();
            String area = i.getCode().split("\\.")[0];
            if (level == 1) {
                areaTitles.put(i.getCode(), i.getTitle());
            } else if (level == 3) {
                String name = ReturnForm.COMMENT + i.getCode();
                fields.computeIfAbsent(area, a -> new ArrayList<>()).add(new CommentField(i.getCode(), i.getTitle(),
                        name, "comment-" + i.getCode().replace('.', '-'), typed.getOrDefault(name, ""), errors.get(name)));
            }
        }
        List<Area> areas = new ArrayList<>();
        fields.forEach((code, list) -> areas.add(new Area(code, areaTitles.getOrDefault(code, ""), list,
                list.stream().anyMatch(f -> !f.value().isBlank() || f.error() != null))));
        return areas;
    }

    /** The comments of every return, grouped by round (newest first); a round's summary has no indicator. */
    static List<Round> rounds(List<ReviewCommentResponse> comments, Map<String, String> titles) {
        Map<Integer, List<ReviewCommentResponse>> byRound = new LinkedHashMap<>();
        comments.forEach(c -> byRound.computeIfAbsent(c.getRound(), r -> new ArrayList<>()).add(c));
        List<Round> rounds = new ArrayList<>();
        byRound.forEach((round, list) -> {
            String summary = list.stream().filter(c -> c.getIndicatorCode() == null).map(ReviewCommentResponse::getComment)
                    .findFirst().orElse("");
            ReviewCommentResponse first = list.get(0);
            rounds.add(new Round(round, Labels.minute(first.getCreatedAt()), first.getReviewer(), summary,
                    list.stream().filter(c -> c.getIndicatorCode() != null)
                            .sorted(Comparator.comparing(ReviewCommentResponse::getIndicatorCode, ReturnForm.BY_CODE))
                            .map(c -> new Comment(c.getIndicatorCode(), titles.getOrDefault(c.getIndicatorCode(), ""),
                                    c.getComment()))
                            .toList()));
        });
        Collections.reverse(rounds);
        return rounds;
    }

    static List<CheckItem> checks(Collection<Check> checks) {
        return checks.stream().map(c -> {
            String severity = c.getSeverity() == null ? null : c.getSeverity().toString();
            return new CheckItem(c.getCode(), Labels.severity(severity),
                    "ERROR".equals(severity) ? "error" : "warning", c.getMessage(), subjectOf(c.getSubject()));
        }).toList();
    }
}
