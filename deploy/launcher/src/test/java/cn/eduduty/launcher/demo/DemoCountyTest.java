package cn.eduduty.launcher.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.metric.MetricCatalogue;
import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.Line;
import cn.eduduty.launcher.demo.CountyData.Posting;
import cn.eduduty.launcher.demo.CountyData.Rating;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;

class DemoCountyTest {

    /** The national template the prefecture's framework is instantiated from. */
    static final Path TEMPLATE = Path.of("../../indicator-service/src/main/resources/templates/national.json");

    static DemoCounty county;
    static DemoFigures figures;

    @BeforeAll
    static void generate() {
        county = DemoCounty.generate();
        figures = county.figures();
    }

    @Test
    void generatesTheSameCountyFromTheSameSeed() {
        assertThat(DemoCounty.generate(DemoCounty.SEED)).isEqualTo(county);
        assertThat(DemoCounty.generate(DemoCounty.SEED + 1)).isNotEqualTo(county);
    }

    /** bench/scale makes many counties of the demo's shape: each moved to its own codes, its numbers kept. */
    @Test
    void aCountyMovedToAnotherPlaceKeepsItsNumbersUnderItsOwnCodesAndNames() {
        DemoCounty.Place place = new DemoCounty.Place("920000", "规模省", "920300", "规模三市", "920307", "规模307县");
        DemoCounty moved = county.at(place);
        assertThat(moved.regions()).extracting(CountyData.Region::code).startsWith("920000", "920300", "920307");
        assertThat(moved.regions()).extracting(CountyData.Region::name).startsWith("规模省", "规模三市", "规模307县");
        assertThat(moved.schools()).hasSameSizeAs(county.schools())
                .allMatch(s -> s.code().contains("920307") && s.townshipCode().startsWith("920307"));
        assertThat(moved.schools()).extracting(School::code).doesNotHaveDuplicates();
        assertThat(moved.postings()).extracting(Posting::key).allMatch(k -> k.contains("920307"));
        // the money and the classes are the demo's, to the cent and the pupil
        assertThat(moved.postings()).extracting(Posting::lines).isEqualTo(county.postings().stream()
                .map(Posting::lines).toList());
        assertThat(moved.classes(DemoCounty.REPORT_YEAR)).isEqualTo(county.classes(DemoCounty.REPORT_YEAR));
        assertThat(moved.framework().regionCode()).isEqualTo("920300");
        assertThat(moved.signing().authority()).isEqualTo("规模307县人民政府");
        assertThat(moved.ratings()).extracting(Rating::narrative).noneMatch(n -> n.contains("示例"));
        assertThat(county.at(DemoCounty.Place.DEMO)).isEqualTo(county);
    }

    @Test
    void namesItsRegionsPlainlyAsADemo() {
        assertThat(county.regions()).extracting(CountyData.Region::code).startsWith("990000", "990100", "990101");
        assertThat(county.regions()).extracting(CountyData.Region::name).startsWith("示例省", "示例市", "示例县");
        List<String> townships = county.regions().stream().map(CountyData.Region::code).filter(c -> c.length() == 9).toList();
        assertThat(townships).hasSize(10).allMatch(c -> c.matches("990101\\d{3}")).doesNotHaveDuplicates();
    }

    @Test
    void hasAboutSixtySchoolsOfEveryTypeTheRegistryKnows() {
        List<School> schools = county.schools();
        assertThat(schools).hasSizeBetween(55, 65);
        assertThat(schools).extracting(School::code).allMatch(c -> c.matches("\\d{10}")).doesNotHaveDuplicates();
        assertThat(schools).extracting(School::type).containsAll(List.of("KINDERGARTEN", "PRIMARY", "TEACHING_POINT",
                "NINE_YEAR", "JUNIOR_MIDDLE", "COMPLETE_MIDDLE", "SENIOR_HIGH", "TWELVE_YEAR", "VOCATIONAL",
                "SPECIAL_EDUCATION"));
        Predicate<School> kindergarten = s -> s.type().equals("KINDERGARTEN");
        assertThat(schools).filteredOn(kindergarten).anyMatch(s -> s.ownership().equals("PUBLIC") && !s.townshipCentral())
                .anyMatch(s -> s.ownership().equals("PRIVATE") && s.inclusive())
                .anyMatch(s -> s.ownership().equals("PRIVATE") && !s.inclusive());
        assertThat(schools).filteredOn(s -> s.townshipCentral()).extracting(School::townshipCode)
                .containsExactlyInAnyOrderElementsOf(county.regions().stream().map(CountyData.Region::code)
                        .filter(c -> c.length() == 9).toList());
        // the registry's rules: only kindergartens are inclusive or central, and inclusive marks private ones
        assertThat(schools).filteredOn(kindergarten.negate()).noneMatch(s -> s.inclusive() || s.townshipCentral());
        assertThat(schools).filteredOn(s -> s.ownership().equals("PUBLIC")).noneMatch(School::inclusive);
    }

    @Test
    void hasAbout1300ClassesASchoolYearOfRealisticSizes() {
        for (int year : DemoCounty.SCHOOL_YEARS) {
            assertThat(county.classes(year)).as("classes in %d", year).isBetween(1200, 1400);
        }
        int year = DemoCounty.REPORT_YEAR;
        List<ClassRoom> classes = county.schoolYears().stream().filter(y -> y.year() == year)
                .flatMap(y -> y.classes().stream()).toList();
        long ordinary = classes.stream().filter(c -> c.students() >= 30 && c.students() <= 50).count();
        assertThat(ordinary).as("classes of 30–50").isGreaterThan(classes.size() / 2);
        assertThat(classes.stream().filter(c -> c.students() < 20).count()).as("small rural classes").isGreaterThanOrEqualTo(10);
        assertThat(figures.largeCompulsoryClasses(year)).as("大班额").isBetween(1, 40);
        assertThat(classes.stream().filter(c -> c.students() >= 56 && c.students() <= 65).count()).isBetween(1L, 40L);
        assertThat(classes.stream().filter(c -> c.students() >= 66).count()).as("超大班额").isBetween(1L, 2L);
        assertThat(classes).allMatch(c -> c.students() >= 1 && c.students() <= 120);
    }

    @Test
    void schoolCodesHaveTheNationalStructureOfTheirTypeAndProvince() {
        // 学校标识码 AABBCCCCCC: the category of the type, province 99 of GB/T 2260, a six-digit sequence
        assertThat(county.schools()).isNotEmpty().allSatisfy(s -> assertThat(s.code()).as(s.name())
                .matches("\\d{10}")
                .startsWith(SchoolType.valueOf(s.type()).category() + "99"));
        assertThat(county.schools().stream().map(School::code).distinct().count()).isEqualTo(county.schools().size());
        assertThat(county.schoolYears()).allSatisfy(y -> assertThat(county.schools().stream().map(School::code))
                .contains(y.schoolCode()));
        assertThat(county.postings()).allSatisfy(p -> {
            if (p.schoolCode() != null) {
                assertThat(county.schools().stream().map(School::code)).contains(p.schoolCode());
            }
        });
    }

    @Test
    void classesFitTheirSchoolTypeAndGrade() {
        Map<String, String> types = new HashMap<>();
        county.schools().forEach(s -> types.put(s.code(), s.type()));
        Map<String, Set<String>> stages = Map.of(
                "KINDERGARTEN", Set.of("PRESCHOOL"), "PRIMARY", Set.of("PRESCHOOL", "PRIMARY", "SPECIAL"),
                "TEACHING_POINT", Set.of("PRESCHOOL", "PRIMARY"), "NINE_YEAR", Set.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SPECIAL"),
                "JUNIOR_MIDDLE", Set.of("JUNIOR", "SPECIAL"), "COMPLETE_MIDDLE", Set.of("JUNIOR", "SENIOR"),
                "SENIOR_HIGH", Set.of("SENIOR"), "TWELVE_YEAR", Set.of("PRIMARY", "JUNIOR", "SENIOR"),
                "VOCATIONAL", Set.of("VOCATIONAL"), "SPECIAL_EDUCATION", Set.of("PRESCHOOL", "PRIMARY", "JUNIOR", "SPECIAL"));
        for (SchoolYear y : county.schoolYears()) {
            Set<String> allowed = stages.get(types.get(y.schoolCode()));
            for (ClassRoom c : y.classes()) {
                int[] grades = RegistryGenerator.grades(c.stage());
                assertThat(allowed).contains(c.stage());
                assertThat(c.grade()).isBetween(grades[0], grades[1]);
            }
            for (CountyData.Flow f : y.flows()) {
                int[] grades = RegistryGenerator.grades(f.stage());
                assertThat(allowed).contains(f.stage());
                if (f.entrants() > 0) {
                    assertThat(f.grade()).isEqualTo(grades[0]);
                }
                if (f.graduates() > 0) {
                    assertThat(f.grade()).isEqualTo(grades[1]);
                }
            }
            if (y.staff() != null) {
                var s = y.staff();
                assertThat(s.newHires()).isLessThanOrEqualTo(s.teachers());
                assertThat(s.ruralNewHires()).isLessThanOrEqualTo(s.newHires());
                assertThat(s.rotated()).isLessThanOrEqualTo(s.eligibleForRotation());
                assertThat(s.rotatedBackbone()).isLessThanOrEqualTo(s.rotated());
            }
        }
    }

    @Test
    void hasFlowsBackToTheCohortsTheConsolidationRatesNeed() {
        Set<Integer> flowYears = county.schoolYears().stream().filter(y -> !y.flows().isEmpty()).map(SchoolYear::year)
                .collect(Collectors.toCollection(TreeSet::new));
        // primary: the graduates of 2022—2023学年 entered grade 1 in 2017
        assertThat(flowYears).containsExactly(2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025);
        // the report's completed school years: 2024—2025学年 and the two before it
        for (int year = DemoCounty.COMPLETED_SCHOOL_YEAR - 2; year <= DemoCounty.COMPLETED_SCHOOL_YEAR; year++) {
            assertThat(figures.graduates(year, "PRIMARY")).as("grade-6 graduates %d", year).isPositive();
            assertThat(figures.graduates(year, "JUNIOR")).as("grade-9 graduates %d", year).isPositive();
            assertThat(figures.consolidation(year, "PRIMARY")).isBetween(new BigDecimal("98"), new BigDecimal("100"));
            assertThat(figures.consolidation(year, "JUNIOR")).isBetween(new BigDecimal("95"), new BigDecimal("99"));
        }
        // the report's intake: grade-10 entrants of autumn 2025, general and vocational
        assertThat(figures.entrants(DemoCounty.ENTRANCE_YEAR, "SENIOR")).isPositive();
        assertThat(figures.entrants(DemoCounty.ENTRANCE_YEAR, "VOCATIONAL")).isPositive();
        // October 2025: the school year just begun has its intake and nothing else yet
        assertThat(county.schoolYears()).filteredOn(y -> y.year() == DemoCounty.REPORT_YEAR)
                .flatMap(SchoolYear::flows).isNotEmpty().allSatisfy(f -> {
                    assertThat(f.grade()).isEqualTo(RegistryGenerator.grades(f.stage())[0]);
                    assertThat(f.graduates() + f.transfersIn() + f.transfersOut() + f.dropouts()).isZero();
                });
    }

    @Test
    void hasStaffDisabilityAndPopulationForEveryReportedYear() {
        for (int year : DemoCounty.SCHOOL_YEARS) {
            assertThat(county.schoolYears()).filteredOn(y -> y.year() == year).allMatch(y -> y.staff() != null);
            assertThat(figures.enrolledDisabled(year)).isPositive();
            assertThat(figures.preschoolGrossEnrolment(year)).isBetween(new BigDecimal("85"), new BigDecimal("100"));
            assertThat(figures.seniorGrossEnrolment(year)).isBetween(new BigDecimal("90"), new BigDecimal("100"));
        }
        assertThat(county.populations()).extracting(CountyData.Population::year).containsExactly(2022, 2023, 2024, 2025);
        assertThat(county.populations()).allSatisfy(p -> assertThat(p.residentsByAge().keySet())
                .containsExactlyElementsOf(new TreeSet<>(IntStream.rangeClosed(0, 25).boxed().toList())));
    }

    @Test
    void ledgerPostingsBalance() {
        Set<String> chart = Set.of("1001", "1002", "1003", "3001", "4001", "4002", "5001", "5002", "5003", "5004", "5005", "5009");
        Set<String> keys = new HashSet<>();
        Set<String> vouchers = new HashSet<>();
        Map<Integer, BigDecimal[]> trial = new TreeMap<>();
        for (Posting p : county.postings()) {
            assertThat(keys.add(p.key())).as("unique key %s", p.key()).isTrue();
            assertThat(p.key()).matches("[ -~]+"); // an ASCII header value
            assertThat(vouchers.add(p.voucherNumber())).as("unique voucher %s", p.voucherNumber()).isTrue();
            assertThat(p.bookingDate().getYear()).isEqualTo(p.fiscalYear());
            assertThat(p.lines()).hasSizeGreaterThanOrEqualTo(2);
            BigDecimal debits = BigDecimal.ZERO;
            BigDecimal credits = BigDecimal.ZERO;
            for (Line l : p.lines()) {
                assertThat(chart).contains(l.account());
                assertThat(l.debit() == null).isNotEqualTo(l.credit() == null);
                BigDecimal amount = l.debit() != null ? l.debit() : l.credit();
                assertThat(amount.signum()).isPositive();
                assertThat(amount.scale()).isEqualTo(2);
                debits = debits.add(l.debit() == null ? BigDecimal.ZERO : l.debit());
                credits = credits.add(l.credit() == null ? BigDecimal.ZERO : l.credit());
            }
            assertThat(debits).as("posting %s", p.voucherNumber()).isEqualByComparingTo(credits);
            BigDecimal[] year = trial.computeIfAbsent(p.fiscalYear(), y -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
            year[0] = year[0].add(debits);
            year[1] = year[1].add(credits);
        }
        assertThat(trial.keySet()).containsExactly(2022, 2023, 2024, 2025);
        trial.values().forEach(t -> assertThat(t[0]).isEqualByComparingTo(t[1]));
        assertThat(county.postings()).hasSizeBetween(550, 950);
    }

    @Test
    void ledgerHasThreeFullYearsAndThePartYearThroughSeptember2025() {
        assertThat(DemoCounty.CLOSED_FISCAL_YEARS).containsExactly(2022, 2023, 2024);
        // the closed years have their fiscal context; 2025's outturns are not known yet
        assertThat(county.fiscalContexts()).extracting(CountyData.FiscalContext::year).containsExactly(2022, 2023, 2024);
        for (int year : DemoCounty.CLOSED_FISCAL_YEARS) {
            assertThat(figures.lastBooking(year)).as("last booking of %d", year).hasValueSatisfying(d ->
                    assertThat(d.getMonthValue()).isEqualTo(12));
        }
        assertThat(county.postings()).filteredOn(p -> p.fiscalYear() == 2025)
                .allMatch(p -> !p.bookingDate().isAfter(DemoCounty.BOOKED_THROUGH));
        assertThat(figures.lastBooking(2025)).hasValueSatisfying(d -> assertThat(d.getMonthValue()).isEqualTo(9));
        assertThat(county.reversal().bookingDate().getYear()).isEqualTo(2025);
        // the part year has money of every stage to quote
        for (String stage : DemoFigures.STAGES) {
            assertThat(figures.expenditure(2025, stage)).as(stage).isPositive();
        }
    }

    @Test
    void reversesExactlyOnePostingOfItsOwnYear() {
        CountyData.Reversal reversal = county.reversal();
        Posting original = county.postings().stream().filter(p -> p.key().equals(reversal.postingKey())).findFirst().orElseThrow();
        assertThat(reversal.bookingDate().getYear()).isEqualTo(original.fiscalYear());
        assertThat(reversal.bookingDate()).isAfterOrEqualTo(original.bookingDate());
        assertThat(county.postings()).extracting(Posting::voucherNumber).doesNotContain(reversal.voucherNumber());
        assertThat(county.postings()).extracting(Posting::key).doesNotContain(reversal.key());
        // the wrong posting and its reversal cancel out
        Posting mirror = DemoFigures.mirror(original, reversal);
        for (int i = 0; i < original.lines().size(); i++) {
            assertThat(mirror.lines().get(i).debit()).isEqualTo(original.lines().get(i).credit());
        }
    }

    @Test
    void exactlyOneStageOfOneFundingRuleFailsInFiscal2024AsDocumented() {
        int evaluated = DemoCounty.FISCAL_YEAR;
        assertThat(evaluated).isEqualTo(2024);
        Map<String, Boolean> rules = figures.fundingRules(evaluated);
        // every stage is compared: students in school years 2024 and 2023, money in fiscal 2024 and 2023
        assertThat(figures.comparedStages(evaluated)).containsExactlyElementsOf(DemoFigures.STAGES);
        assertThat(rules).containsKeys("funding.three_growths.per_student_public_funds.junior",
                "funding.three_growths.per_student_public_funds.primary",
                "funding.never_decrease.per_student_general_budget_expenditure.junior");
        assertThat(rules.entrySet().stream().filter(e -> !e.getValue()).map(Map.Entry::getKey)).containsExactly(
                "funding.three_growths.per_student_public_funds", "funding.three_growths.per_student_public_funds.junior");
        // the other stages rise, so the report shows the rule's outcome per stage
        assertThat(rules).containsEntry("funding.three_growths.per_student_public_funds.primary", true)
                .containsEntry("funding.three_growths.per_student_public_funds.senior", true);
        assertThat(figures.stagesNotGrowing(evaluated, figures::publicFundsPerStudent)).containsExactly("JUNIOR");
        assertThat(figures.stagesNotGrowing(evaluated, figures::expenditurePerStudent)).isEmpty();
        // the report's comparison, fiscal 2023 against 2022, holds throughout
        assertThat(figures.fundingRules(evaluated - 1)).as("2023 against 2022").containsOnlyKeys(rules.keySet())
                .allSatisfy((rule, holds) -> assertThat(holds).as(rule).isTrue());
        assertThat(figures.overallFundingRules(evaluated)).hasSize(7).containsEntry(
                "funding.three_growths.per_student_public_funds", false);
    }

    @Test
    void ratesEveryThirdLevelIndicatorOfTheNationalTemplate() throws Exception {
        Map<String, JsonNode> template = thirdLevel();
        assertThat(county.ratings()).extracting(Rating::code).containsExactlyElementsOf(template.keySet());
        Map<String, Long> counts = county.ratings().stream().collect(Collectors.groupingBy(Rating::rating, Collectors.counting()));
        assertThat(counts).containsEntry("NOT", 1L).containsEntry("NOT_APPLICABLE", 1L);
        assertThat(counts.get("BASICALLY")).isBetween(2L, 6L);
        assertThat(counts.get("FULLY")).isEqualTo(template.size() - 1 - 1 - counts.get("BASICALLY"));
        assertThat(county.ratings()).filteredOn(r -> r.rating().equals("NOT")).extracting(Rating::code).containsExactly("6.1.3");
        assertThat(county.ratings()).filteredOn(r -> r.rating().equals("NOT_APPLICABLE")).extracting(Rating::code)
                .containsExactly("4.3.4");
        for (Rating r : county.ratings()) {
            assertThat(r.narrative()).as(r.code()).isNotBlank().hasSizeLessThan(20_000).containsPattern("\\p{IsHan}");
            boolean weak = r.rating().equals("BASICALLY") || r.rating().equals("NOT");
            assertThat(r.problem() != null && !r.problem().isBlank()).as("problem of %s", r.code()).isEqualTo(weak);
            assertThat(r.improvement() != null && !r.improvement().isBlank()).as("improvement of %s", r.code()).isEqualTo(weak);
            for (CountyData.Evidence e : r.evidence()) {
                assertThat(e.uri() == null).as("evidence of %s has one of uri and figure", r.code()).isNotEqualTo(e.figureKey() == null);
                if (e.figureKey() != null) {
                    assertThat(MetricCatalogue.contains(e.figureKey())).as(e.figureKey()).isTrue();
                } else {
                    assertThat(e.uri()).matches("^(https?|urn):.+");
                }
            }
        }
    }

    /** A FULLY rating whose metric misses its threshold is what the report's consistency checks flag: none by design. */
    @Test
    void ratesFullyOnlyWhereTheDataMeetsTheThreshold() throws Exception {
        // each figure on the period the report evaluates it on
        int y = DemoCounty.STOCK_SCHOOL_YEAR;
        Map<String, Boolean> rules = figures.fundingRules(DemoCounty.FISCAL_YEAR);
        Map<String, BigDecimal> values = new HashMap<>();
        rules.forEach((key, holds) -> values.put(key, holds ? BigDecimal.ONE : BigDecimal.ZERO));
        values.put("registry.language.common_language_class_coverage", figures.commonLanguageCoverage(y));
        values.put("registry.teachers.new_hire_putonghua_share", figures.putonghuaShare(y));
        values.put("registry.preschool.gross_enrolment_rate", figures.preschoolGrossEnrolment(y));
        values.put("registry.preschool.inclusive_coverage", figures.inclusiveCoverage(y));
        values.put("registry.preschool.township_central_kindergarten_coverage", figures.townshipCentralCoverage(y));
        values.put("registry.junior.consolidation_rate", figures.consolidation(DemoCounty.COMPLETED_SCHOOL_YEAR, "JUNIOR"));
        values.put("registry.primary.consolidation_rate", figures.consolidation(DemoCounty.COMPLETED_SCHOOL_YEAR, "PRIMARY"));
        values.put("registry.compulsory.large_class_share", figures.largeCompulsoryShare(y));
        values.put("registry.senior.gross_enrolment_rate", figures.seniorGrossEnrolment(y));
        values.put("registry.senior.super_large_class_share", figures.superLargeSeniorShare(y));
        values.put("registry.special.disabled_children_enrolment_rate", figures.disabledEnrolment(y));
        values.put("registry.teachers.rotation_share", figures.rotationShare(y));
        values.put("registry.teachers.backbone_rotation_share", figures.backboneRotationShare(y));
        Map<String, JsonNode> template = thirdLevel();
        for (Rating r : county.ratings()) {
            JsonNode metric = template.get(r.code()).get("metric");
            if (metric == null || r.rating().equals("NOT_APPLICABLE")) {
                continue;
            }
            BigDecimal value = values.get(metric.get("key").asText());
            assertThat(value).as("the demo computes %s", metric.get("key").asText()).isNotNull();
            BigDecimal threshold = new BigDecimal(metric.get("threshold").asText());
            boolean met = switch (metric.get("comparator").asText()) {
                case "GE" -> value.compareTo(threshold) >= 0;
                case "LE" -> value.compareTo(threshold) <= 0;
                case "EQ" -> value.compareTo(threshold) == 0;
                case "GT" -> value.compareTo(threshold) > 0;
                case "LT" -> value.compareTo(threshold) < 0;
                default -> throw new IllegalStateException(metric.toString());
            };
            assertThat(met).as("%s rated %s, %s = %s against %s %s", r.code(), r.rating(), metric.get("key").asText(), value,
                    metric.get("comparator").asText(), threshold).isEqualTo(r.rating().equals("FULLY"));
        }
    }

    /** Narratives quote each figure on the period the report evaluates it on, and say which. */
    @Test
    void narrativesNameThePeriodsTheReportEvaluates() {
        Map<String, String> narratives = county.ratings().stream()
                .collect(Collectors.toMap(Rating::code, Rating::narrative));
        int fiscal = DemoCounty.FISCAL_YEAR;
        assertThat(narratives.get("4.2.1")).startsWith("健全控辍保学").contains("2024—2025学年小学巩固率"
                + figures.consolidation(DemoCounty.COMPLETED_SCHOOL_YEAR, "PRIMARY") + "%");
        assertThat(narratives.get("4.2.2")).contains("2025—2026学年全县义务教育阶段",
                figures.largeCompulsoryShare(DemoCounty.STOCK_SCHOOL_YEAR) + "%");
        assertThat(narratives.get("4.3.1")).contains("2025年全县参加中考", "秋季普通高中招生"
                + figures.entrants(DemoCounty.ENTRANCE_YEAR, "SENIOR") + "人");
        assertThat(narratives.get("6.1.3")).startsWith("2024年").contains("初中生均公用经费"
                + figures.publicFundsPerStudent(fiscal, "JUNIOR") + "元，比上年的" + figures.publicFundsPerStudent(fiscal - 1, "JUNIOR"));
        Rating failing = county.ratings().stream().filter(r -> r.code().equals("6.1.3")).findFirst().orElseThrow();
        assertThat(failing.problem()).contains("2024年初中生均公用经费拨付标准由每生每年980元下调至955元");
        assertThat(failing.improvement()).contains("2025年1—9月");
        assertThat(narratives.get("6.2.1")).startsWith("2024年一般公共预算教育支出");
    }

    /**
     * The recorded entrance of each autumn agrees with the schools' grade-10 entrants and adds the
     * entrants to vocational schools outside the county, so 普职比 and the vocational share differ from
     * the schools-only values; no more entrants than junior graduates, exam takers a few fewer.
     */
    @Test
    void recordsTheSeniorEntranceWithEntrantsToVocationalSchoolsOutsideTheCounty() {
        assertThat(county.facts().seniorEntrance()).extracting(CountyData.SeniorEntrance::year).containsExactly(2023, 2024, 2025);
        for (CountyData.SeniorEntrance e : county.facts().seniorEntrance()) {
            int year = e.year();
            assertThat(e.generalEntrants()).isEqualTo(figures.entrants(year, "SENIOR"));
            assertThat(e.vocationalEntrantsInCounty()).isEqualTo(figures.entrants(year, "VOCATIONAL"));
            assertThat(e.vocationalEntrantsOutOfCounty()).isBetween(200, 500);
            assertThat(e.juniorGraduates()).isEqualTo(figures.graduates(year - 1, "JUNIOR"));
            assertThat(e.generalEntrants() + e.vocationalEntrants()).as("entrants of %d", year)
                    .isLessThanOrEqualTo(e.juniorGraduates());
            assertThat(e.examTakers()).isBetween(e.juniorGraduates() - 100, e.juniorGraduates());
            assertThat(e.generalEnrolmentPlan()).isBetween(e.generalEntrants(), e.generalEntrants() + 49);
        }
        int e = DemoCounty.ENTRANCE_YEAR;
        int general = figures.entrants(e, "SENIOR");
        int vocational = figures.entrants(e, "VOCATIONAL") + figures.seniorEntrance(e).orElseThrow().vocationalEntrantsOutOfCounty();
        BigDecimal schoolsOnly = BigDecimal.valueOf(general).divide(BigDecimal.valueOf(figures.entrants(e, "VOCATIONAL")), 2,
                RoundingMode.HALF_UP);
        assertThat(figures.generalVocationalRatio(e)).isEqualByComparingTo(BigDecimal.valueOf(general)
                .divide(BigDecimal.valueOf(vocational), 2, RoundingMode.HALF_UP)).isNotEqualByComparingTo(schoolsOnly);
        assertThat(figures.vocationalEntrantShare(e)).isEqualByComparingTo(DemoFigures.percent(vocational, general + vocational));
        // and the narrative quotes the county's figures, not the schools-only ones
        String narrative = narrative("4.3.1");
        assertThat(narrative).contains("普职比" + figures.generalVocationalRatio(e) + ":1",
                "中职招生占高中阶段招生的" + figures.vocationalEntrantShare(e) + "%", "中等职业学校招生" + vocational + "人",
                "县外中职学校就读" + figures.seniorEntrance(e).orElseThrow().vocationalEntrantsOutOfCounty() + "人")
                .doesNotContain(schoolsOnly + ":1");
    }

    /** Recruitment is the schools' new hires of the school year begun that autumn; a narrative quotes the total since 2023. */
    @Test
    void recordsTeacherRecruitmentAsTheSchoolsNewHires() {
        assertThat(county.facts().teacherRecruitment()).extracting(CountyData.TeacherRecruitment::year)
                .containsExactly(2023, 2024, 2025);
        county.facts().teacherRecruitment().forEach(r -> {
            assertThat(r.recruited()).isEqualTo(figures.newHires(r.year()));
            assertThat(r.ruralRecruited()).isEqualTo(figures.ruralNewHires(r.year())).isLessThanOrEqualTo(r.recruited());
        });
        int total = figures.recruitedSince(2023, 2025);
        assertThat(total).isEqualTo(figures.newHires(2023) + figures.newHires(2024) + figures.newHires(2025));
        assertThat(narrative("6.3.4")).contains("2023年以来累计补充教师" + total + "名", "2025年补充教师" + figures.recruited(2025) + "名");
    }

    /** Training institutions of four kinds; each kind's year-end count follows from its start, approvals and closures. */
    @Test
    void recordsTrainingInstitutionsOfAFewKinds() {
        CountyData.TrainingInstitutions t = figures.training(DemoCounty.REPORT_YEAR).orElseThrow();
        assertThat(t.kinds()).extracting(CountyData.InstitutionKind::kind).containsExactly("SUBJECT", "ARTS", "SPORTS", "SCIENCE");
        for (CountyData.TrainingInstitutions year : county.facts().trainingInstitutions()) {
            year.kinds().forEach(k -> assertThat(k.atStart() + k.approved() - k.closed()).as("%d %s", year.year(), k.kind())
                    .isEqualTo(k.atEnd()));
        }
        assertThat(figures.subjectReductionRate(DemoCounty.REPORT_YEAR)).isEqualByComparingTo("66.67");
        assertThat(narrative("5.1.3")).contains("2025年学科类校外培训机构压减率66.67%",
                "全县现有校外培训机构" + figures.trainingInstitutions(DemoCounty.REPORT_YEAR) + "个",
                "依法关停违规机构" + figures.trainingClosed(DemoCounty.REPORT_YEAR) + "个");
    }

    /**
     * What the county signs, as indicator-service accepts it: a date in the evaluation year, practices
     * naming narrated indicators not rated NOT_APPLICABLE (each once) or in the county's own words,
     * and one measure per problem: every weak rating and the designed funding failure.
     */
    @Test
    void signsWithItsOwnDatePracticesAndAMeasurePerProblem() {
        CountyData.Signing signing = county.signing();
        assertThat(signing.authority()).isEqualTo("示例县人民政府");
        assertThat(signing.date()).isEqualTo(LocalDate.of(2025, 10, 20));
        Map<String, Rating> ratings = county.ratings().stream().collect(Collectors.toMap(Rating::code, r -> r));
        assertThat(signing.practices()).hasSizeBetween(2, 3);
        assertThat(signing.practices()).anyMatch(p -> p.indicatorCode() != null).anyMatch(p -> p.text() != null);
        Set<String> used = new HashSet<>();
        for (CountyData.Practice p : signing.practices()) {
            assertThat(p.title()).isNotBlank().hasSizeLessThanOrEqualTo(100).containsPattern("\\p{IsHan}");
            assertThat(p.indicatorCode() == null).as(p.title()).isNotEqualTo(p.text() == null);
            if (p.indicatorCode() != null) {
                assertThat(used.add(p.indicatorCode())).isTrue();
                assertThat(ratings.get(p.indicatorCode()).rating()).isNotEqualTo("NOT_APPLICABLE");
                assertThat(ratings.get(p.indicatorCode()).narrative()).isNotBlank();
            } else {
                assertThat(p.text()).hasSizeLessThanOrEqualTo(5000)
                        .contains("累计补充教师" + figures.recruitedSince(2023, 2025) + "名");
            }
        }
        List<String> weak = county.ratings().stream().filter(r -> r.rating().equals("BASICALLY") || r.rating().equals("NOT"))
                .map(Rating::code).toList();
        assertThat(signing.measures()).filteredOn(m -> m.indicatorCode() != null).extracting(CountyData.Measure::indicatorCode)
                .containsExactlyElementsOf(weak);
        assertThat(signing.measures()).filteredOn(m -> m.checkCode() != null).singleElement().satisfies(m -> {
            assertThat(m.checkCode()).isEqualTo("funding-rule-failed");
            assertThat(m.checkSubject()).isEqualTo("funding.three_growths.per_student_public_funds.junior");
            assertThat(figures.fundingRules(DemoCounty.FISCAL_YEAR)).containsEntry(m.checkSubject(), false);
        });
        assertThat(signing.measures()).hasSizeLessThanOrEqualTo(20).allSatisfy(m -> {
            assertThat(m.text()).isNotBlank().hasSizeLessThanOrEqualTo(2000);
            assertThat(m.indicatorCode() != null && m.checkCode() != null).isFalse();
        });
    }

    /** The loader records the signing once: what indicator-service answers (nulls, who and when) counts as the same. */
    @Test
    void loaderRecognisesTheSigningItRecordedBefore() throws Exception {
        var body = EvaluationLoader.signingBody(county.signing());
        ObjectMapper json = new ObjectMapper();
        var stored = (ObjectNode) json.readTree(json.writeValueAsString(body));
        stored.put("recordedBy", "demo-loader@990101").put("recordedAt", "2025-10-20T02:00:00Z");
        ((ObjectNode) stored.path("notablePractices").get(0)).putNull("text");
        ((ObjectNode) stored.path("improvementMeasures").get(0)).putNull("checkCode")
                .putNull("checkSubject");
        assertThat(EvaluationLoader.sameSigning(stored, body)).isTrue();
        assertThat(body.path("notablePractices").get(0).has("text")).isFalse();
        assertThat(body.path("signingDate").asText()).isEqualTo("2025-10-20");
        // nothing recorded yet, or another date, or a measure less: recorded again
        assertThat(EvaluationLoader.sameSigning(json.readTree("{\"notablePractices\":[],\"improvementMeasures\":[]}"), body)).isFalse();
        assertThat(EvaluationLoader.sameSigning(stored.deepCopy().put("signingDate", "2025-10-21"), body)).isFalse();
        var fewer = stored.deepCopy();
        ((ArrayNode) fewer.path("improvementMeasures")).remove(0);
        assertThat(EvaluationLoader.sameSigning(fewer, body)).isFalse();
    }

    private static String narrative(String code) {
        return county.ratings().stream().filter(r -> r.code().equals(code)).findFirst().orElseThrow().narrative();
    }

    @Test
    void writesImportSheetsWithARowPerClassFlowAndStaffFigure() {
        long flows = county.schoolYears().stream().mapToLong(y -> y.flows().size()).sum();
        long staff = county.schoolYears().stream().filter(y -> y.staff() != null).count();
        int classes = DemoCounty.SCHOOL_YEARS.stream().mapToInt(county::classes).sum();
        assertThat(DemoCsv.rows(DemoCsv.schools(county.schools()))).isEqualTo(county.schools().size());
        assertThat(DemoCsv.rows(DemoCsv.classes(county.schoolYears()))).isEqualTo(classes);
        assertThat(DemoCsv.rows(DemoCsv.enrolment(county.schoolYears()))).isEqualTo(flows);
        assertThat(DemoCsv.rows(DemoCsv.staff(county.schoolYears()))).isEqualTo(staff);
        assertThat(DemoCsv.fingerprint(DemoCsv.classes(county.schoolYears())))
                .isEqualTo(DemoCsv.fingerprint(DemoCsv.classes(DemoCounty.generate().schoolYears())));
    }

    private static Map<String, JsonNode> thirdLevel() throws Exception {
        JsonNode root = new ObjectMapper().readTree(Files.readString(TEMPLATE));
        Map<String, JsonNode> codes = new LinkedHashMap<>();
        for (JsonNode indicator : root.get("indicators")) {
            String code = indicator.get("code").asText();
            if (code.chars().filter(c -> c == '.').count() == 2) {
                codes.put(code, indicator);
            }
        }
        return codes;
    }
}
