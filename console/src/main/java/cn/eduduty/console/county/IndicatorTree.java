package cn.eduduty.console.county;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.RatingResponse;
import cn.eduduty.console.web.Labels;

/**
 * A framework's indicators (a flat list in reading order, each with its level) as the nested tree
 * the pages show, each third-level indicator with its rating and the number of reviewers' comments
 * on it.
 */
public final class IndicatorTree {

    /** One indicator of the tree; {@code rating} and {@code comments} only on the third level. */
    public record Node(String code, String title, int level, String rating, String ratingLabel, long comments,
            List<Node> children) {

        public boolean rated() {
            return rating != null;
        }

        /** The badge's colour: met, partly met, not met or unrated, not applicable. */
        public String badge() {
            if (rating == null) {
                return "error";
            }
            return switch (rating) {
                case "FULLY" -> "ok";
                case "BASICALLY" -> "warning";
                case "NOT" -> "error";
                default -> "muted";
            };
        }

        public boolean leaf() {
            return level == 3;
        }
    }

    private IndicatorTree() {
    }

    static List<Node> of(List<IndicatorResponse> indicators, Map<String, RatingResponse> ratings,
            Map<String, Long> commentsByCode) {
        List<Node> roots = new ArrayList<>();
        Node[] open = new Node[4];
        for (IndicatorResponse i : indicators) {
            int level = i.getLevel() == null ? 3 : Math.max(1, Math.min(3, i.getLevel()));
            RatingResponse r = ratings.get(i.getCode());
            String rating = r == null || r.getRating() == null ? null : r.getRating().value();
            Node node = new Node(i.getCode(), i.getTitle(), level, level == 3 ? rating : null,
                    level == 3 ? Labels.rating(rating) : null, commentsByCode.getOrDefault(i.getCode(), 0L),
                    new ArrayList<>());
            Node parent = null;
            for (int l = level - 1; l >= 1 && parent == null; l--) {
                parent = open[l];
            }
            (parent == null ? roots : parent.children()).add(node);
            open[level] = node;
            for (int l = level + 1; l <= 3; l++) {
                open[l] = null;
            }
        }
        return roots;
    }
}
