package cn.eduduty.report.snapshot;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import cn.eduduty.contracts.indicator.IndicatorSnapshot;
import cn.eduduty.contracts.indicator.Rating;
import cn.eduduty.report.checks.Check;
import cn.eduduty.report.figures.Evaluation;
import cn.eduduty.report.figures.FigureEngine;

/**
 * Who signs a report and what it ends with (../shared/domain.md §6): the county decides its signing
 * authority, the date on the document, its 经典做法 and its 改进措施, on its self-evaluation. What it has
 * not decided takes a default, and each default is a WARNING check, so nobody signs a default
 * without seeing it. A roll-up takes its authority and date from the request or the deadline.
 */
final class Signatures {

    static final String AUTHORITY = "authority";
    static final String DATE = "date";
    static final String PRACTICES = "practices";
    static final String MEASURES = "measures";

    private Signatures() {
    }

    /** A county's signature: its own choices where made, defaults elsewhere. */
    static ReportComposer.Signature county(FigureEngine.Book book, String regionName, Instant generatedAt) {
        Optional<Evaluation.Signing> chosen = book.evaluation().map(Evaluation::signing);
        List<String> defaulted = new ArrayList<>();
        String authority = chosen.map(Evaluation.Signing::authority).filter(a -> !a.isBlank()).orElseGet(() -> {
            defaulted.add(AUTHORITY);
            return regionName + "人民政府";
        });
        LocalDate date = chosen.map(Evaluation.Signing::date).orElseGet(() -> {
            defaulted.add(DATE);
            return generatedAt.atZone(Wording.CHINA).toLocalDate();
        });
        List<String> practices = chosen.map(Evaluation.Signing::practices).filter(p -> !p.isEmpty())
                .map(Signatures::practices).orElseGet(() -> {
                    defaulted.add(PRACTICES);
                    return automaticPractices(book.evaluation());
                });
        List<String> measures = chosen.map(Evaluation.Signing::measures).filter(m -> !m.isEmpty())
                .map(m -> measures(m, book.evaluation().get())).orElseGet(() -> {
                    defaulted.add(MEASURES);
                    return List.of();
                });
        return new ReportComposer.Signature(authority, date, practices, measures, List.copyOf(defaulted));
    }

    /** The county's 经典做法 in its order: （一）title。its text, or the named indicator's narrative. */
    private static List<String> practices(List<Evaluation.Practice> chosen) {
        List<String> practices = new ArrayList<>();
        for (Evaluation.Practice p : chosen) {
            String text = p.text() == null ? "" : p.text().strip();
            practices.add("（" + Wording.chineseNumber(practices.size() + 1) + "）" + p.title().strip()
                    + (p.title().strip().matches(".*[。！？]$") ? "" : "。") + text);
        }
        return practices;
    }

    /** The county's 改进措施 in its order; one answering an indicator is headed by the indicator's title. */
    private static List<String> measures(List<Evaluation.Measure> chosen, Evaluation e) {
        List<String> measures = new ArrayList<>();
        for (Evaluation.Measure m : chosen) {
            String head = m.indicatorCode() == null ? "" : e.thirdLevel().stream()
                    .filter(i -> i.code().equals(m.indicatorCode())).findFirst().map(i -> i.title() + "：").orElse("");
            measures.add(head + m.text().strip());
        }
        return measures;
    }

    /** A roll-up's signature: the request's or deadline's authority and date, else the defaults. */
    static ReportComposer.Signature rollUp(String regionName, ReportOptions options, Instant generatedAt) {
        List<String> defaulted = new ArrayList<>();
        String authority = Optional.ofNullable(options.signingAuthority()).filter(a -> !a.isBlank()).orElseGet(() -> {
            defaulted.add(AUTHORITY);
            return regionName + "人民政府教育督导室";
        });
        LocalDate date = Optional.ofNullable(options.signingDate()).orElseGet(() -> {
            defaulted.add(DATE);
            return generatedAt.atZone(Wording.CHINA).toLocalDate();
        });
        return new ReportComposer.Signature(authority, date, List.of(), List.of(), List.copyOf(defaulted));
    }

    /** One WARNING per default the document uses, saying what was printed instead. */
    static List<Check> warnings(String region, ReportComposer.Signature signature) {
        List<Check> checks = new ArrayList<>();
        for (String what : signature.defaulted()) {
            String message = switch (what) {
                case AUTHORITY -> "未设定落款单位，报告落款取默认值“" + signature.authority() + "”";
                case DATE -> "未设定成文日期，报告日期取生成日期" + Wording.date(signature.date());
                case PRACTICES -> signature.practices().isEmpty() ? "未选定经典做法，报告中该部分为空"
                        : "未选定经典做法，报告暂取叙述最详尽的" + signature.practices().size() + "项完全落实指标";
                default -> "未填写改进措施，报告按各项问题的整改要求和默认表述生成";
            };
            checks.add(new Check("signing-default", Check.Severity.WARNING, region, message));
        }
        return checks;
    }

    /** Until the county chooses: the three FULLY-rated indicators with the longest narratives. */
    static List<String> automaticPractices(Optional<Evaluation> evaluation) {
        if (evaluation.isEmpty()) {
            return List.of();
        }
        Evaluation e = evaluation.get();
        List<IndicatorSnapshot> fully = e.thirdLevel().stream()
                .filter(i -> e.ratings().containsKey(i.code())
                        && Rating.FULLY.name().equals(e.ratings().get(i.code()).rating()))
                .filter(i -> e.ratings().get(i.code()).narrative() != null)
                .sorted(Comparator.comparingInt((IndicatorSnapshot i) -> -e.ratings().get(i.code()).narrative().length())
                        .thenComparing(IndicatorSnapshot::code))
                .limit(3).toList();
        List<String> practices = new ArrayList<>();
        for (int i = 0; i < fully.size(); i++) {
            IndicatorSnapshot indicator = fully.get(i);
            practices.add("（" + Wording.chineseNumber(i + 1) + "）" + indicator.title() + "。"
                    + e.ratings().get(indicator.code()).narrative().strip());
        }
        return practices;
    }
}
