package cn.eduduty.formulas.registry;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Everything {@link RegistryStatistics} needs about one region for one year.
 *
 * @param year          the school year computed (its starting calendar year)
 * @param schools       the schools open in {@code year}
 * @param schoolYears   per-school data keyed by school year: {@code year} and earlier years (cohorts
 *                      need up to five earlier years); a year that is not a key, or whose list is
 *                      empty, is a year without data
 * @param townshipCodes the townships of the region, for township coverage
 * @param population    the resident population, null when not known
 */
public record RegionData(String regionCode, int year, List<SchoolFacts> schools, Map<Integer, List<SchoolYear>> schoolYears,
        List<String> townshipCodes, Population population) {

    public RegionData {
        Objects.requireNonNull(regionCode, "regionCode");
        schools = List.copyOf(schools);
        requireUniqueCodes(schools);
        schoolYears = copyChecked(schoolYears);
        townshipCodes = List.copyOf(townshipCodes);
    }

    /** The school years reported for {@code schoolYear}; empty when there is no data for it. */
    public List<SchoolYear> schoolYearsOf(int schoolYear) {
        return schoolYears.getOrDefault(schoolYear, List.of());
    }

    /** Whether at least one school reported for {@code schoolYear}. */
    public boolean hasDataFor(int schoolYear) {
        return !schoolYearsOf(schoolYear).isEmpty();
    }

    private static void requireUniqueCodes(List<SchoolFacts> schools) {
        Set<String> seen = new HashSet<>();
        for (SchoolFacts school : schools) {
            if (!seen.add(school.code())) {
                throw new IllegalArgumentException("school " + school.code() + " is listed twice");
            }
        }
    }

    private static Map<Integer, List<SchoolYear>> copyChecked(Map<Integer, List<SchoolYear>> byYear) {
        Map<Integer, List<SchoolYear>> copy = new TreeMap<>();
        byYear.forEach((year, list) -> {
            Set<String> seen = new HashSet<>();
            for (SchoolYear schoolYear : list) {
                if (schoolYear.year() != year) {
                    throw new IllegalArgumentException("school year " + schoolYear.year() + " of "
                            + schoolYear.schoolCode() + " is filed under " + year);
                }
                if (!seen.add(schoolYear.schoolCode())) {
                    throw new IllegalArgumentException("school " + schoolYear.schoolCode()
                            + " reported twice for " + year);
                }
            }
            copy.put(year, List.copyOf(list));
        });
        return Map.copyOf(copy);
    }
}
