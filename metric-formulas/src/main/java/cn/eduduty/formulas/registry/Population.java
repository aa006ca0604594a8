package cn.eduduty.formulas.registry;

import java.util.Map;

/**
 * The resident population of a region in one year.
 *
 * @param residentsByAge             residents (常住人口) by single year of age; an age not in the map is unknown
 * @param identifiedDisabledChildren identified school-age (6–15) children with disabilities (已认定的适龄残疾儿童少年);
 *                                   null when not known
 */
public record Population(int year, Map<Integer, Integer> residentsByAge, Integer identifiedDisabledChildren) {

    public Population {
        residentsByAge = Map.copyOf(residentsByAge);
        residentsByAge.forEach((age, count) -> Counts.nonNegative(count, "residents aged " + age));
        if (identifiedDisabledChildren != null) {
            Counts.nonNegative(identifiedDisabledChildren, "identifiedDisabledChildren");
        }
    }
}
