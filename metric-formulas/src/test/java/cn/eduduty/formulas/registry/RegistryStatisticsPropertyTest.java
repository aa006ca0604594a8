package cn.eduduty.formulas.registry;

import static cn.eduduty.formulas.registry.Fixtures.YEAR;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Invariants over many random counties from a fixed seed. */
class RegistryStatisticsPropertyTest {

    private static final int COUNTIES = 3000;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    /** Labels, definitions and absent reasons reach the document, which is Chinese: digits and codes only. */
    private static final Pattern LATIN = Pattern.compile("[A-Za-z]");

    /** Shares whose numerator is by construction a subset of their denominator. */
    private static final List<String> BOUNDED_SHARES = List.of(
            "registry.compulsory.large_class_share", "registry.compulsory.super_large_class_share",
            "registry.senior.large_class_share", "registry.senior.super_large_class_share",
            "registry.preschool.inclusive_coverage", "registry.preschool.inclusive_kindergarten_share",
            "registry.preschool.township_central_kindergarten_coverage", "registry.senior.vocational_entrant_share",
            "registry.language.common_language_class_coverage");

    /** Pairs of shares over the same denominator whose numerators are disjoint. */
    private static final List<List<String>> DISJOINT_PAIRS = List.of(
            List.of("registry.compulsory.large_class_share", "registry.compulsory.super_large_class_share"),
            List.of("registry.senior.large_class_share", "registry.senior.super_large_class_share"));

    @Test
    void invariantsHoldForRandomCounties() {
        Random random = new Random(20240901L);
        List<String> firstKeys = null;
        Map<String, Integer> presentByKey = new HashMap<>();
        Map<String, Integer> absentByKey = new HashMap<>();
        for (int i = 0; i < COUNTIES; i++) {
            RegionData data = randomCounty(random);
            List<RegistryFigure> figures = RegistryStatistics.compute(data);
            Map<String, RegistryFigure> byKey = RegistryStatistics.byKey(figures);

            List<String> keys = figures.stream().map(RegistryFigure::key).toList();
            if (firstKeys == null) {
                firstKeys = keys;
            }
            assertThat(keys).as("the same keys in the same order for every county").isEqualTo(firstKeys);
            assertThat(RegistryStatistics.compute(data)).as("deterministic").isEqualTo(figures);

            for (RegistryFigure figure : figures) {
                checkFigure(figure);
                (figure.isPresent() ? presentByKey : absentByKey).merge(figure.key(), 1, Integer::sum);
            }
            checkBoundedShares(byKey);
            checkCountsAgree(byKey, data);
        }
        assertThat(firstKeys).hasSize(57);
        // the generator reaches every figure, and every figure computed from school-year data is
        // also absent sometimes
        for (String key : firstKeys) {
            assertThat(presentByKey.getOrDefault(key, 0)).as(key + " present").isGreaterThan(COUNTIES / 100);
            if (!key.startsWith("registry.schools.")) {
                assertThat(absentByKey.getOrDefault(key, 0)).as(key + " absent").isGreaterThan(COUNTIES / 100);
            }
        }
    }

    private static void checkFigure(RegistryFigure figure) {
        assertThat(figure.label()).as(figure.key()).isNotBlank().doesNotContainPattern(LATIN);
        assertThat(figure.definition()).as(figure.key()).isNotBlank().doesNotContainPattern(LATIN);
        if (!figure.isPresent()) {
            assertThat(figure.absentReason()).as(figure.key()).isNotBlank().doesNotContainPattern(LATIN);
            assertThat(figure.numerator()).isNull();
            assertThat(figure.denominator()).isNull();
            return;
        }
        assertThat(figure.absentReason()).isNull();
        switch (figure.unit()) {
            case RegistryFigure.COUNT -> {
                assertThat(figure.value().signum()).as(figure.key()).isGreaterThanOrEqualTo(0);
                assertThat(figure.value().scale()).as(figure.key()).isZero();
            }
            case RegistryFigure.PERCENT -> {
                assertThat(figure.denominator().signum()).as(figure.key()).isPositive();
                BigDecimal expected = figure.numerator().multiply(HUNDRED)
                        .divide(figure.denominator(), 2, RoundingMode.HALF_UP);
                assertThat(figure.value()).as(figure.key()).isEqualTo(expected);
            }
            case RegistryFigure.RATIO -> {
                assertThat(figure.denominator().signum()).as(figure.key()).isPositive();
                assertThat(figure.value()).as(figure.key())
                        .isEqualTo(figure.numerator().divide(figure.denominator(), 2, RoundingMode.HALF_UP));
            }
            default -> throw new AssertionError("unit " + figure.unit());
        }
        if (figure.numerator() != null) {
            assertThat(figure.numerator().signum()).as(figure.key()).isGreaterThanOrEqualTo(0);
        }
    }

    private static void checkBoundedShares(Map<String, RegistryFigure> byKey) {
        for (String key : BOUNDED_SHARES) {
            RegistryFigure share = byKey.get(key);
            if (share.isPresent()) {
                assertThat(share.numerator()).as(key).isLessThanOrEqualTo(share.denominator());
                assertThat(share.value()).as(key).isLessThanOrEqualTo(HUNDRED);
            }
        }
        for (List<String> pair : DISJOINT_PAIRS) {
            RegistryFigure first = byKey.get(pair.get(0));
            RegistryFigure second = byKey.get(pair.get(1));
            assertThat(first.isPresent()).isEqualTo(second.isPresent());
            if (first.isPresent()) {
                assertThat(first.denominator()).isEqualTo(second.denominator());
                assertThat(first.numerator().add(second.numerator())).isLessThanOrEqualTo(first.denominator());
            }
        }
    }

    private static void checkCountsAgree(Map<String, RegistryFigure> byKey, RegionData data) {
        long byType = 0;
        for (SchoolType type : SchoolType.values()) {
            for (Ownership ownership : Ownership.values()) {
                byType += byKey.get(SchoolCounts.key(type, ownership)).value().longValueExact();
            }
        }
        assertThat(byKey.get("registry.schools.total").value().longValueExact())
                .isEqualTo(byType).isEqualTo(data.schools().size());

        RegistryFigure language = byKey.get("registry.language.common_language_class_coverage");
        RegistryFigure largeShare = byKey.get("registry.compulsory.large_class_share");
        RegistryFigure seniorShare = byKey.get("registry.senior.large_class_share");
        RegistryFigure primaryClasses = byKey.get("registry.classes.primary");
        if (!primaryClasses.isPresent()) {
            assertThat(language.isPresent()).isFalse();
            return;
        }
        long allClasses = 0;
        for (Stage stage : Stage.values()) {
            allClasses += byKey.get(ClassFigures.classesKey(stage)).value().longValueExact();
        }
        assertThat(language.isPresent()).isEqualTo(allClasses > 0);
        if (language.isPresent()) {
            assertThat(language.denominator()).isEqualTo(BigDecimal.valueOf(allClasses));
        }
        BigDecimal compulsory = primaryClasses.value().add(byKey.get("registry.classes.junior").value());
        assertThat(largeShare.isPresent()).isEqualTo(compulsory.signum() > 0);
        if (largeShare.isPresent()) {
            assertThat(largeShare.denominator()).isEqualTo(compulsory);
            assertThat(largeShare.numerator()).isEqualTo(byKey.get("registry.compulsory.large_classes").value());
        }
        if (seniorShare.isPresent()) {
            assertThat(seniorShare.denominator()).isEqualTo(byKey.get("registry.classes.senior").value());
        }
        RegistryFigure ratio = byKey.get("registry.senior.general_vocational_ratio");
        RegistryFigure vocationalShare = byKey.get("registry.senior.vocational_entrant_share");
        if (ratio.isPresent()) {
            assertThat(vocationalShare.numerator()).isEqualTo(ratio.denominator());
            assertThat(vocationalShare.denominator()).isEqualTo(ratio.numerator().add(ratio.denominator()));
        }
    }

    // ---- the generator ------------------------------------------------------------------------

    private static RegionData randomCounty(Random random) {
        List<String> townships = new ArrayList<>();
        int townshipCount = random.nextInt(5);
        for (int t = 0; t < townshipCount; t++) {
            townships.add("52270110" + t);
        }
        List<SchoolFacts> schools = new ArrayList<>();
        int schoolCount = random.nextInt(13);
        for (int s = 0; s < schoolCount; s++) {
            schools.add(randomSchool(random, "S" + s));
        }
        List<SchoolYear> reports = new ArrayList<>();
        for (int year = YEAR - 6; year <= YEAR; year++) {
            if (random.nextInt(10) == 0) {
                continue; // a year without data
            }
            int reporting = schoolCount + random.nextInt(2); // sometimes a school no longer open
            for (int s = 0; s < reporting; s++) {
                if (random.nextInt(8) > 0) {
                    reports.add(randomReport(random, "S" + s, year));
                }
            }
        }
        return new RegionData(Fixtures.REGION, YEAR, schools, Fixtures.byYear(reports), townships,
                randomPopulation(random));
    }

    private static SchoolFacts randomSchool(Random random, String code) {
        SchoolType type = random.nextInt(3) == 0 ? SchoolType.KINDERGARTEN : pick(random, SchoolType.values());
        String township = random.nextInt(6) == 0 ? null : "52270110" + random.nextInt(6);
        return new SchoolFacts(code, code, type, pick(random, Ownership.values()), random.nextBoolean(),
                random.nextBoolean(), pick(random, Area.values()), township);
    }

    private static SchoolYear randomReport(Random random, String code, int year) {
        List<ClassRoom> classes = new ArrayList<>();
        for (int c = random.nextInt(10); c > 0; c--) {
            Stage stage = pick(random, Stage.values());
            classes.add(new ClassRoom(stage, grade(random, stage), random.nextInt(90), random.nextInt(5) > 0));
        }
        List<Flow> flows = new ArrayList<>();
        for (int f = random.nextInt(8); f > 0; f--) {
            Stage stage = pick(random, Stage.values());
            flows.add(new Flow(stage, grade(random, stage), random.nextInt(60), random.nextInt(60),
                    random.nextInt(6), random.nextInt(6), random.nextInt(3)));
        }
        Disability disability = random.nextInt(3) == 0 ? null
                : new Disability(random.nextInt(5), random.nextInt(3), random.nextInt(3), random.nextInt(3));
        Staff staff = random.nextInt(3) == 0 ? null
                : new Staff(random.nextInt(80), random.nextInt(6), random.nextInt(4), random.nextInt(60),
                        random.nextInt(8), random.nextInt(3), random.nextInt(6));
        return new SchoolYear(code, year, classes, flows, disability, staff);
    }

    private static Population randomPopulation(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        Map<Integer, Integer> residents = new HashMap<>();
        for (int age = 0; age <= 18; age++) {
            if (random.nextInt(12) > 0) {
                residents.put(age, random.nextInt(12) == 0 ? 0 : random.nextInt(400));
            }
        }
        Integer identified = random.nextInt(4) == 0 ? null : random.nextInt(20);
        int year = random.nextInt(10) == 0 ? YEAR - 1 : YEAR;
        return new Population(year, residents, identified);
    }

    private static int grade(Random random, Stage stage) {
        return stage.firstGrade() + random.nextInt(stage.lastGrade() - stage.firstGrade() + 1);
    }

    private static <T> T pick(Random random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
