package cn.eduduty.console.county;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.indicator.ApiException;
import cn.eduduty.console.api.indicator.FrameworksApi;
import cn.eduduty.console.api.indicator.SelfEvaluationsApi;
import cn.eduduty.console.api.indicator.model.FrameworkResponse;
import cn.eduduty.console.api.indicator.model.IndicatorResponse;
import cn.eduduty.console.api.indicator.model.RatingResponse;
import cn.eduduty.console.api.indicator.model.ReviewCommentResponse;
import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.web.Labels;

/**
 * A self-evaluation with what its pages show beside it: its framework's tree, its ratings and the
 * reviewers' comments, read from indicator-service with the user's token.
 */
public record Evaluation(SelfEvaluationResponse evaluation, FrameworkResponse framework,
        Map<String, RatingResponse> ratings, List<ReviewCommentResponse> comments) {

    public String status() {
        return evaluation.getStatus() == null ? null : evaluation.getStatus().value();
    }

    public String statusLabel() {
        return Labels.status(status()).name();
    }

    /** Ratings and signing can be changed (by a county editor) in these states only. */
    public boolean editableStatus() {
        return "DRAFT".equals(status()) || "RETURNED".equals(status());
    }

    /** Whether {@code user} gets forms rather than read-only pages. */
    public boolean editableBy(ConsoleUser.Claims user) {
        return user.editor() && user.region().equals(evaluation.getRegionCode()) && editableStatus();
    }

    public boolean allows(String action) {
        return evaluation.getAllowedActions() != null && evaluation.getAllowedActions().contains(action);
    }

    public Optional<IndicatorResponse> indicator(String code) {
        return framework.getIndicators() == null ? Optional.empty()
                : framework.getIndicators().stream().filter(i -> code.equals(i.getCode())).findFirst();
    }

    /** The summary of the latest return (the comment without an indicator), or null. */
    public ReviewCommentResponse returnSummary() {
        return comments.stream().filter(c -> c.getIndicatorCode() == null || c.getIndicatorCode().isBlank())
                .reduce((a, b) -> round(b) >= round(a) ? b : a).orElse(null);
    }

    /** The workflow actions allowed now, as the page names them. */
    public List<String> actionLabels() {
        return evaluation.getAllowedActions() == null ? List.of()
                : evaluation.getAllowedActions().stream().map(Labels::action).toList();
    }

    /** How many third-level indicators the framework has. */
    public long leafCount() {
        return framework.getIndicators() == null ? 0
                : framework.getIndicators().stream().filter(i -> i.getLevel() != null && i.getLevel() == 3).count();
    }

    /** The comments on indicators, latest round first. */
    public List<ReviewCommentResponse> indicatorComments() {
        return comments.stream().filter(c -> c.getIndicatorCode() != null && !c.getIndicatorCode().isBlank())
                .sorted((a, b) -> Integer.compare(round(b), round(a))).toList();
    }

    public List<ReviewCommentResponse> commentsOn(String code) {
        return indicatorComments().stream().filter(c -> code.equals(c.getIndicatorCode())).toList();
    }

    public List<IndicatorTree.Node> tree() {
        Map<String, Long> counts = indicatorComments().stream()
                .collect(Collectors.groupingBy(ReviewCommentResponse::getIndicatorCode, Collectors.counting()));
        return IndicatorTree.of(framework.getIndicators() == null ? List.of() : framework.getIndicators(), ratings,
                counts);
    }

    private static int round(ReviewCommentResponse c) {
        return c.getRound() == null ? 0 : c.getRound();
    }

    /** Reads a self-evaluation and its surroundings through the generated clients. */
    @ApplicationScoped
    public static class Reader {

        @RestClient
        SelfEvaluationsApi evaluations;

        @RestClient
        FrameworksApi frameworks;

        public Evaluation read(UUID id) throws ApiException {
            SelfEvaluationResponse evaluation = evaluations.getSelfEvaluation(id);
            FrameworkResponse framework = frameworks.getFramework(evaluation.getFrameworkId());
            Map<String, RatingResponse> ratings = evaluations.listRatings(id).stream()
                    .collect(Collectors.toMap(RatingResponse::getIndicatorCode, Function.identity(), (a, b) -> b,
                            LinkedHashMap::new));
            List<ReviewCommentResponse> comments = evaluations.listReviewComments(id);
            return new Evaluation(evaluation, framework, ratings, comments);
        }
    }
}
