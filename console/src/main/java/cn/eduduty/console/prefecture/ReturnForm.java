package cn.eduduty.console.prefecture;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.eduduty.console.api.indicator.model.ReturnRequest;
import cn.eduduty.console.api.indicator.model.ReviewCommentRequest;

/**
 * The return form and the request it makes. The form has the summary ({@code summary}) and one
 * comment field per third-level indicator ({@code comment.<code>}); only the comments typed are
 * sent, so the request's {@code comments[i]} is the i-th filled field in the framework's order, and a refusal's violation
 * on {@code comments[3].comment} belongs next to the field of the fourth comment sent. Pure: the
 * console adds no rule, the service judges the request.
 */
final class ReturnForm {

    /** The prefix of a comment field's name; the rest is the indicator's code. */
    static final String COMMENT = "comment.";

    static final String SUMMARY = "summary";

    private static final Pattern COMMENT_VIOLATION = Pattern.compile("comments\\[(\\d+)](\\..*)?");

    private ReturnForm() {
    }

    /**
     * Indicator codes in the framework's reading order: by their numbers, segment by segment
     * ({@code 2.2.1} before {@code 10.1.1}); a segment that is not a number compares as text.
     */
    static final Comparator<String> BY_CODE = (a, b) -> {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = x[i].matches("\\d{1,9}") && y[i].matches("\\d{1,9}")
                    ? Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i])) : x[i].compareTo(y[i]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    };

    /**
     * The request of a posted form: the summary as typed, and the non-blank comments in the
     * framework's order (a posted form's fields come in no reliable order).
     */
    static ReturnRequest request(String summary, Map<String, String> fields) {
        List<ReviewCommentRequest> comments = new ArrayList<>();
        fields.forEach((name, value) -> {
            if (name.startsWith(COMMENT) && value != null && !value.isBlank()) {
                comments.add(new ReviewCommentRequest().indicatorCode(name.substring(COMMENT.length()))
                        .comment(value.strip()));
            }
        });
        comments.sort(Comparator.comparing(ReviewCommentRequest::getIndicatorCode, BY_CODE));
        return new ReturnRequest().summary(summary == null ? "" : summary.strip()).comments(comments);
    }

    /**
     * The form field a violation of {@code sent} belongs next to: {@code summary} stays,
     * {@code comments[i].…} goes to the field of the i-th comment sent; anything else keeps its name
     * (the page lists it above the form).
     */
    static String fieldOf(String violation, ReturnRequest sent) {
        Matcher m = COMMENT_VIOLATION.matcher(violation);
        if (m.matches()) {
            int i = Integer.parseInt(m.group(1));
            if (i < sent.getComments().size()) {
                return COMMENT + sent.getComments().get(i).getIndicatorCode();
            }
        }
        return violation;
    }

    /** A refusal's field messages keyed by the form field they belong next to. */
    static Map<String, String> byFormField(Map<String, String> violations, ReturnRequest sent) {
        Map<String, String> out = new LinkedHashMap<>();
        violations.forEach((field, message) -> out.merge(fieldOf(field, sent), message, (a, b) -> a + "；" + b));
        return out;
    }
}
