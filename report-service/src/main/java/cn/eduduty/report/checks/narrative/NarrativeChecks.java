package cn.eduduty.report.checks.narrative;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.checks.narrative.StatedFigure.Verdict;
import cn.eduduty.report.checks.narrative.api.NarrativeCheckResponse;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;

/**
 * The stated-figure check over a report's words: every number stated in the narratives (主要做法及成效)
 * and problems (存在的问题) of the county's ratings, checked against the report's figures; the
 * mismatches as ERROR checks; and the summary the appendix prints. Pure.
 */
public final class NarrativeChecks {

    /** The code of the check a mismatch raises. */
    public static final String MISMATCH = "narrative-figure-mismatch";

    /** How long a sentence may be before the message quotes only the part around the number. */
    static final int QUOTE = 60;

    private NarrativeChecks() {
    }

    /**
     * A stated number and the indicator whose words state it. In a snapshot's JSON the figure has
     * the shape the narrative-check answer documents.
     */
    public record Statement(String indicatorCode,
            @Schema(implementation = NarrativeCheckResponse.Stated.class) StatedFigure figure) {
    }

    /**
     * What the appendix says: {@code checked} numbers compared automatically, {@code mismatched}
     * of them not agreeing, {@code unchecked} that could not be compared (unattributed or no data).
     */
    public record Summary(int checked, int mismatched, int unchecked) {

        public static Summary of(List<StatedFigure> figures) {
            int checked = (int) figures.stream().filter(StatedFigure::checked).count();
            int mismatched = (int) figures.stream().filter(f -> f.verdict() == Verdict.MISMATCH).count();
            return new Summary(checked, mismatched, figures.size() - checked);
        }

        /** "N处数据已自动核对，其中M处与系统数据不一致，K处未能自动核对". */
        public String sentence() {
            return checked + "处数据已自动核对，其中" + mismatched + "处与系统数据不一致，" + unchecked + "处未能自动核对";
        }

        /** Whether the words can be certified consistent: nothing mismatched and nothing left unchecked. */
        public boolean consistent() {
            return mismatched == 0 && unchecked == 0;
        }
    }

    /**
     * The years a figure of the book is of, from its evaluated period (the report year for a figure
     * without one): a statement that names another year is not compared with it.
     */
    public static Function<String, Set<Integer>> yearsOf(FigureEngine.Book book) {
        // a figure is of the calendar years its period spans: school year 2018—2019 (a completed
        // one too) is of 2018 and 2019, fiscal 2018 of 2018, the autumn intake of 2019 of 2019
        Map<String, Set<Integer>> years = new HashMap<>();
        for (Figure f : book.all()) {
            if (f.period() != null) {
                Set<Integer> spanned = new TreeSet<>();
                for (int y = f.period().from().getYear(); y <= f.period().to().getYear(); y++) {
                    spanned.add(y);
                }
                years.put(f.key(), Set.copyOf(spanned));
            }
        }
        Set<Integer> year = Set.of(book.year());
        return key -> years.getOrDefault(key, year);
    }

    /** A checker against every figure of the book. */
    public static NarrativeChecker checker(FigureEngine.Book book) {
        return NarrativeChecker.of(book.all(), yearsOf(book));
    }

    /** Every stated number in the words of every rated third-level indicator, in framework order. */
    public static List<Statement> statements(FigureEngine.Book book) {
        List<Statement> all = new ArrayList<>();
        book.evaluation().ifPresent(e -> {
            NarrativeChecker checker = checker(book);
            for (IndicatorSnapshot indicator : e.thirdLevel()) {
                Evaluation.Rated rated = e.ratings().get(indicator.code());
                if (rated != null) {
                    all.addAll(statements(indicator.code(), rated, checker));
                }
            }
        });
        return all;
    }

    /** The stated numbers of one indicator's narrative, then of its problem text. */
    public static List<Statement> statements(String indicatorCode, Evaluation.Rated rated, NarrativeChecker checker) {
        List<Statement> all = new ArrayList<>();
        for (String text : new String[] { rated.narrative(), rated.problem() }) {
            checker.check(text).forEach(f -> all.add(new Statement(indicatorCode, f)));
        }
        return all;
    }

    /** The summary of a list of statements. */
    public static Summary summary(List<Statement> statements) {
        return Summary.of(statements.stream().map(Statement::figure).toList());
    }

    /** One ERROR check per mismatch, quoting the sentence and both values. */
    public static List<Check> checks(List<Statement> statements) {
        return statements.stream().filter(s -> s.figure().verdict() == Verdict.MISMATCH)
                .map(s -> new Check(MISMATCH, Check.Severity.ERROR, s.indicatorCode(), message(s)))
                .toList();
    }

    /**
     * 指标4.2.3的叙述“全县义务教育学校现有56人以上班额5个，占比0.52%”与系统数据不一致：文中为0.52%，义务教育大班额比例计算值为0.41%.
     */
    static String message(Statement s) {
        StatedFigure f = s.figure();
        return "指标" + s.indicatorCode() + "的叙述“" + quote(f) + "”与系统数据不一致：文中为" + f.stated() + "，"
                + f.metricLabel() + "计算值为" + f.computedText();
    }

    /** The sentence without its closing mark; a long one cut around the statement with ……. */
    static String quote(StatedFigure f) {
        String sentence = f.sentence();
        if (sentence.length() <= QUOTE) {
            return sentence;
        }
        int at = sentence.indexOf(f.stated());
        if (at < 0) {
            return sentence.substring(0, QUOTE) + "……";
        }
        int s = Math.max(0, at + f.stated().length() - QUOTE + 10);
        int e = Math.min(sentence.length(), at + f.stated().length() + 10);
        return (s > 0 ? "……" : "") + sentence.substring(s, e) + (e < sentence.length() ? "……" : "");
    }
}
