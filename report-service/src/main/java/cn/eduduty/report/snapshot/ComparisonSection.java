package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.figures.FigureEngine;
import cn.eduduty.report.figures.Period;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * The three-period comparisons of every report: one table per kind of period (学年, 已结束学年,
 * 秋季招生, 年度, 财政年度), each headed by its three periods, oldest first; rows whose values are
 * all absent or all zero are left out, and absent values are "—" with their reasons in a note
 * under the table.
 */
final class ComparisonSection {

    /** Figures the comparison tables show, in order, when they exist; each lands in its period's table. */
    static final List<String> COMPARISON = List.of(
            "registry.schools.total", "registry.students.preschool", "registry.students.primary",
            "registry.students.junior", "registry.students.senior", "registry.students.vocational",
            "registry.preschool.gross_enrolment_rate", "registry.preschool.inclusive_coverage",
            "registry.preschool.township_central_kindergarten_coverage", "registry.compulsory.large_class_share",
            "registry.compulsory.super_large_class_share", "registry.senior.gross_enrolment_rate",
            "registry.special.disabled_children_enrolment_rate",
            "registry.language.common_language_class_coverage", "registry.teachers.headcount",
            "registry.teachers.rotation_share", "registry.teachers.new_hire_putonghua_share",
            "registry.primary.consolidation_rate", "registry.junior.consolidation_rate",
            "registry.entrance.exam_takers", "registry.entrance.general_entrants", "registry.entrance.vocational_entrants",
            "registry.senior.vocational_entrant_share", "registry.senior.general_vocational_ratio",
            "registry.recruitment.teachers", "registry.recruitment.rural_teachers", "registry.training.institutions",
            "funding.amount.appropriation", "funding.amount.education_expenditure",
            "funding.amount.regular_fiscal_revenue", "funding.amount.general_public_budget_expenditure",
            "funding.education_share");

    /** The comparison tables: one per kind of period, with the words of its caption. */
    private static final Map<Period.Kind, String> TABLES = new LinkedHashMap<>();

    static {
        TABLES.put(Period.Kind.SCHOOL_YEAR, "学校、学生、班额和教师（学年）");
        TABLES.put(Period.Kind.COMPLETED_SCHOOL_YEAR, "义务教育巩固率（已结束学年）");
        TABLES.put(Period.Kind.ENTRANCE, "高中阶段招生（秋季学期）");
        TABLES.put(Period.Kind.CALENDAR_YEAR, "教师补充和校外培训机构（年度）");
        TABLES.put(Period.Kind.FISCAL_YEAR, "教育经费（财政年度）");
    }

    private ComparisonSection() {
    }

    /** The tables, numbered {@code number}-1, -2, …, or a sentence that there is nothing to compare. */
    static void write(FigureEngine.Book book, String number, List<Document.Block> blocks) {
        int n = 0;
        for (Map.Entry<Period.Kind, String> kind : TABLES.entrySet()) {
            List<String> header = new ArrayList<>(List.of("指标"));
            List<List<String>> rows = new ArrayList<>();
            TableNotes notes = new TableNotes();
            List<Figure> columns = new ArrayList<>();
            for (String key : COMPARISON) {
                List<Optional<Figure>> cells = new ArrayList<>();
                for (int i = book.years().size() - 1; i >= 0; i--) {
                    cells.add(book.years().get(i).find(key).filter(f -> f.period() != null
                            && f.period().kind() == kind.getKey()));
                }
                if (cells.stream().noneMatch(c -> c.isPresent() && c.get().isPresent()
                        && c.get().value().signum() != 0)) {
                    continue;
                }
                if (columns.isEmpty()) {
                    cells.forEach(c -> columns.add(c.orElse(null)));
                }
                String label = cells.stream().flatMap(Optional::stream).findFirst().map(Figure::label).orElse(key);
                List<String> row = new ArrayList<>(List.of(label));
                cells.forEach(c -> row.add(c.map(f -> notes.cell(label + "（" + f.period().label() + "）", f)).orElse("—")));
                rows.add(row);
            }
            if (rows.isEmpty()) {
                continue;
            }
            columns.forEach(f -> header.add(f == null ? "—" : f.period().label()));
            blocks.add(new Table(number + "-" + (++n) + " " + kind.getValue(), header, rows));
            notes.addTo(blocks);
        }
        if (n == 0) {
            blocks.add(Paragraph.of("暂无可对比的指标数据。"));
        }
    }
}
