package cn.eduduty.report.figures;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

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
        @SuppressWarnings("unchecked")
        List<Object[]> studentRows = em.createNativeQuery("""
                SELECT c->>'stage', sum((c->>'students')::bigint)
                FROM rm_school_year y CROSS JOIN LATERAL jsonb_array_elements(y.data->'classes') c
                WHERE y.township_code LIKE :prefix AND y.school_year = :year
                GROUP BY 1""").setParameter("prefix", RegionCode.prefix(region) + "%").setParameter("year", year)
                .getResultList();
        Map<String, Long> students = new HashMap<>();
        studentRows.forEach(r -> students.put((String) r[0], ((Number) r[1]).longValue()));
        return read(region, List.of(year), y -> students).get(year);
    }

    /**
     * The fiscal years {@code years} of a region with one query per table; {@code students} gives
     * each year's students by stage (a report has them from its registry read already).
     */
    @Transactional
    public Map<Integer, FundingYear> read(String region, java.util.Collection<Integer> years,
            java.util.function.Function<Integer, Map<String, Long>> students) {
        String prefix = RegionCode.prefix(region) + "%";
        Map<Integer, BigDecimal> appropriation = new HashMap<>();
        Map<Integer, BigDecimal> expenditure = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> expenditureByStage = new HashMap<>();
        Map<Integer, Map<String, BigDecimal>> publicFundsByStage = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> totals = em.createNativeQuery("""
                SELECT p.fiscal_year, l.category, p.stage, sum(l.debit - l.credit)
                FROM rm_posting p JOIN rm_posting_line l ON l.posting_id = p.id
                WHERE p.region_code LIKE :prefix AND p.fiscal_year IN (:years) AND l.category IS NOT NULL
                GROUP BY p.fiscal_year, l.category, p.stage""").setParameter("prefix", prefix).setParameter("years", years)
                .getResultList();
        for (Object[] row : totals) {
            int year = ((Number) row[0]).intValue();
            String category = (String) row[1];
            String stage = (String) row[2];
            BigDecimal net = (BigDecimal) row[3];
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
        @SuppressWarnings("unchecked")
        List<Object[]> contexts = em.createNativeQuery("""
                SELECT fiscal_year, sum(regular_fiscal_revenue), sum(general_public_budget_expenditure),
                       CASE WHEN count(*) = 1 THEN max(average_teacher_pay) END,
                       CASE WHEN count(*) = 1 THEN max(average_civil_servant_pay) END
                FROM rm_fiscal_context WHERE region_code LIKE :prefix AND fiscal_year IN (:years)
                GROUP BY fiscal_year""").setParameter("prefix", prefix).setParameter("years", years).getResultList();
        Map<Integer, Object[]> context = new HashMap<>();
        contexts.forEach(r -> context.put(((Number) r[0]).intValue(), r));
        Map<Integer, FundingYear> read = new java.util.TreeMap<>();
        for (int year : years) {
            Object[] fiscal = context.get(year);
            List<Figure.Source> sources = List.of(
                    new Figure.Source("funding-service", "postings", region + "/" + year),
                    new Figure.Source("funding-service", "fiscal-context", region + "/" + year),
                    new Figure.Source("school-registry-service", "school-years", region + "/" + year));
            read.put(year, new FundingYear(year, appropriation.get(year), expenditure.get(year),
                    expenditureByStage.getOrDefault(year, Map.of()), publicFundsByStage.getOrDefault(year, Map.of()),
                    students.apply(year), fiscal == null ? null : (BigDecimal) fiscal[1],
                    fiscal == null ? null : (BigDecimal) fiscal[2], fiscal == null ? null : (BigDecimal) fiscal[3],
                    fiscal == null ? null : (BigDecimal) fiscal[4], sources));
        }
        return read;
    }

    /**
     * Money of a fiscal year booked so far: postings of {@code year} booked on or before
     * {@code through}, education expenditure in total and by stage, and the last booking date
     * read (the part year runs to it). Empty when nothing is booked yet.
     */
    @Transactional
    public java.util.Optional<YearToDate> readToDate(String region, int year, java.time.LocalDate through) {
        String prefix = RegionCode.prefix(region) + "%";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT p.stage, GROUPING(p.stage), sum(l.debit - l.credit), max(p.booking_date), count(DISTINCT p.id)
                FROM rm_posting p JOIN rm_posting_line l ON l.posting_id = p.id
                WHERE p.region_code LIKE :prefix AND p.fiscal_year = :year AND p.booking_date <= :through
                  AND l.category IN (:categories)
                GROUP BY ROLLUP (p.stage)""").setParameter("prefix", prefix).setParameter("year", year)
                .setParameter("through", through).setParameter("categories", EDUCATION_EXPENDITURE).getResultList();
        BigDecimal total = null;
        java.time.LocalDate last = null;
        long postings = 0;
        Map<String, BigDecimal> byStage = new java.util.TreeMap<>();
        for (Object[] row : rows) {
            boolean grandTotal = ((Number) row[1]).intValue() == 1;
            if (grandTotal) {
                total = (BigDecimal) row[2];
                last = row[3] instanceof java.sql.Date d ? d.toLocalDate() : (java.time.LocalDate) row[3];
                postings = ((Number) row[4]).longValue();
            } else if (row[0] != null) {
                byStage.put((String) row[0], (BigDecimal) row[2]);
            }
        }
        return total == null ? java.util.Optional.empty()
                : java.util.Optional.of(new YearToDate(year, last, total, byStage, postings));
    }

    /** Education expenditure of a fiscal year booked through {@code through}, in yuan. */
    public record YearToDate(int year, java.time.LocalDate through, BigDecimal expenditure,
            Map<String, BigDecimal> expenditureByStage, long postings) {
    }

    /** How many postings each fiscal year of {@code years} has (for the report's sources in words). */
    @Transactional
    public Map<Integer, Long> postingCounts(String region, java.util.Collection<Integer> years) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT fiscal_year, count(*) FROM rm_posting
                WHERE region_code LIKE :prefix AND fiscal_year IN (:years) GROUP BY fiscal_year""")
                .setParameter("prefix", RegionCode.prefix(region) + "%").setParameter("years", years).getResultList();
        Map<Integer, Long> counts = new HashMap<>();
        rows.forEach(r -> counts.put(((Number) r[0]).intValue(), ((Number) r[1]).longValue()));
        return counts;
    }

}
