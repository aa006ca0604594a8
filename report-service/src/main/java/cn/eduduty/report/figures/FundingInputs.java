package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.runtime.security.RegionCode;

/**
 * Reads a {@link FundingYear} of a region (a county, or everything below a prefecture or
 * province) from the read model: ledger totals by category and stage from the postings' lines,
 * the fiscal context, and students per stage from the registry's school years.
 */
@ApplicationScoped
public class FundingInputs {

    /** Expense categories that make up general public budget education expenditure. */
    static final List<String> EDUCATION_EXPENDITURE = List.of("GENERAL_BUDGET_EDUCATION", "PER_STUDENT_PUBLIC_FUNDS",
            "SPECIAL_EDUCATION_SUBSIDY", "CAPITAL_PROJECTS", "TEACHER_PAY", "OTHER_EDUCATION");

    private final EntityManager em;

    FundingInputs(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public FundingYear read(String region, int year) {
        Map<String, Long> students = new HashMap<>();
        Rows.list(em, """
                SELECT c->>'stage' AS stage, sum((c->>'students')::bigint) AS students
                FROM rm_school_year y CROSS JOIN LATERAL jsonb_array_elements(y.data->'classes') c
                WHERE y.township_code LIKE :prefix AND y.school_year = :year
                GROUP BY 1""", q -> q.setParameter("prefix", RegionCode.prefix(region) + "%").setParameter("year", year))
                .forEach(t -> students.put(Rows.text(t, "stage"), Rows.whole(t, "students")));
        return read(region, List.of(year), y -> students).get(year);
    }

    /**
     * The fiscal years {@code years} of a region with one query per table; {@code students} gives
     * each year's students by stage (a report has them from its registry read already).
     */
    @Transactional
    public Map<Integer, FundingYear> read(String region, Collection<Integer> years,
            Function<Integer, Map<String, Long>> students) {
        String prefix = RegionCode.prefix(region) + "%";
        Map<Integer, BigDecimal> appropriation = new HashMap<>();
        Map<Integer, BigDecimal> expenditure = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> expenditureByStage = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> publicFundsByStage = new HashMap<>();
        List<Tuple> totals = Rows.list(em, """
                SELECT p.fiscal_year, l.category, p.stage, sum(l.debit - l.credit) AS net
                FROM rm_posting p JOIN rm_posting_line l ON l.posting_id = p.id
                WHERE p.region_code LIKE :prefix AND p.fiscal_year IN (:years) AND l.category IS NOT NULL
                GROUP BY p.fiscal_year, l.category, p.stage""", q -> q.setParameter("prefix", prefix)
                .setParameter("years", years));
        for (Tuple row : totals) {
            int year = Rows.integer(row, "fiscal_year");
            String category = Rows.text(row, "category");
            String stage = Rows.text(row, "stage");
            BigDecimal net = Rows.decimal(row, "net");
            if (category.equals("APPROPRIATION")) {
                appropriation.merge(year, net.negate(), BigDecimal::add); // revenue: credits increase it
            } else if (EDUCATION_EXPENDITURE.contains(category)) {
                expenditure.merge(year, net, BigDecimal::add);
                if (stage != null) {
                    expenditureByStage.computeIfAbsent(year, y -> new HashMap<>()).merge(stage, net, BigDecimal::add);
                }
                if (stage != null && category.equals("PER_STUDENT_PUBLIC_FUNDS")) {
                    publicFundsByStage.computeIfAbsent(year, y -> new HashMap<>()).merge(stage, net, BigDecimal::add);
                }
            }
        }
        Map<Integer, FiscalContext> context = new HashMap<>();
        Rows.list(em, """
                SELECT fiscal_year, sum(regular_fiscal_revenue) AS revenue,
                       sum(general_public_budget_expenditure) AS expenditure,
                       CASE WHEN count(*) = 1 THEN max(average_teacher_pay) END AS teacher_pay,
                       CASE WHEN count(*) = 1 THEN max(average_civil_servant_pay) END AS civil_servant_pay
                FROM rm_fiscal_context WHERE region_code LIKE :prefix AND fiscal_year IN (:years)
                GROUP BY fiscal_year""", q -> q.setParameter("prefix", prefix).setParameter("years", years))
                .forEach(t -> context.put(Rows.integer(t, "fiscal_year"), new FiscalContext(Rows.decimal(t, "revenue"),
                        Rows.decimal(t, "expenditure"), Rows.decimal(t, "teacher_pay"),
                        Rows.decimal(t, "civil_servant_pay"))));
        Map<Integer, FundingYear> read = new TreeMap<>();
        for (int year : years) {
            FiscalContext fiscal = context.getOrDefault(year, FiscalContext.NONE);
            List<Figure.Source> sources = List.of(
                    new Figure.Source("funding-service", "postings", region + "/" + year),
                    new Figure.Source("funding-service", "fiscal-context", region + "/" + year),
                    new Figure.Source("school-registry-service", "school-years", region + "/" + year));
            read.put(year, new FundingYear(year, appropriation.get(year), expenditure.get(year),
                    expenditureByStage.getOrDefault(year, Map.of()), publicFundsByStage.getOrDefault(year, Map.of()),
                    students.apply(year), fiscal.revenue(), fiscal.expenditure(), fiscal.teacherPay(),
                    fiscal.civilServantPay(), sources));
        }
        return read;
    }

    /** A fiscal year's context summed over the region (the pay averages only of a single county); all null if none. */
    private record FiscalContext(BigDecimal revenue, BigDecimal expenditure, BigDecimal teacherPay,
            BigDecimal civilServantPay) {

        static final FiscalContext NONE = new FiscalContext(null, null, null, null);
    }

    /**
     * Money of a fiscal year booked so far: postings of {@code year} booked on or before
     * {@code through}, education expenditure in total and by stage, and the last booking date
     * read (the part year runs to it). Empty when nothing is booked yet.
     */
    @Transactional
    public Optional<YearToDate> readToDate(String region, int year, LocalDate through) {
        String prefix = RegionCode.prefix(region) + "%";
        List<Tuple> rows = Rows.list(em, """
                SELECT p.stage, GROUPING(p.stage) AS all_stages, sum(l.debit - l.credit) AS expenditure,
                       max(p.booking_date) AS last_booked, count(DISTINCT p.id) AS postings
                FROM rm_posting p JOIN rm_posting_line l ON l.posting_id = p.id
                WHERE p.region_code LIKE :prefix AND p.fiscal_year = :year AND p.booking_date <= :through
                  AND l.category IN (:categories)
                GROUP BY ROLLUP (p.stage)""", q -> q.setParameter("prefix", prefix).setParameter("year", year)
                .setParameter("through", through).setParameter("categories", EDUCATION_EXPENDITURE));
        BigDecimal total = null;
        LocalDate last = null;
        long postings = 0;
        Map<String, BigDecimal> byStage = new TreeMap<>();
        for (Tuple row : rows) {
            boolean grandTotal = Rows.integer(row, "all_stages") == 1;
            if (grandTotal) {
                total = Rows.decimal(row, "expenditure");
                last = Rows.date(row, "last_booked");
                postings = Rows.whole(row, "postings");
            } else if (Rows.text(row, "stage") != null) {
                byStage.put(Rows.text(row, "stage"), Rows.decimal(row, "expenditure"));
            }
        }
        return total == null ? Optional.empty() : Optional.of(new YearToDate(year, last, total, byStage, postings));
    }

    /** Education expenditure of a fiscal year booked through {@code through}, in yuan. */
    public record YearToDate(int year, LocalDate through, BigDecimal expenditure,
            Map<String, BigDecimal> expenditureByStage, long postings) {
    }

    /** How many postings each fiscal year of {@code years} has (for the report's sources in words). */
    @Transactional
    public Map<Integer, Long> postingCounts(String region, Collection<Integer> years) {
        Map<Integer, Long> counts = new HashMap<>();
        Rows.list(em, """
                SELECT fiscal_year, count(*) AS postings FROM rm_posting
                WHERE region_code LIKE :prefix AND fiscal_year IN (:years) GROUP BY fiscal_year""",
                q -> q.setParameter("prefix", RegionCode.prefix(region) + "%").setParameter("years", years))
                .forEach(t -> counts.put(Rows.integer(t, "fiscal_year"), Rows.whole(t, "postings")));
        return counts;
    }

}
