package cn.eduduty.report.figures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.eduduty.contracts.registry.SeniorEntranceRecorded;
import cn.eduduty.contracts.registry.TeacherRecruitmentRecorded;
import cn.eduduty.contracts.registry.TrainingInstitutionsRecorded;

/**
 * A region's own facts of every recorded year, the county's or the sum of the counties below a
 * prefecture or province: senior-secondary entrance (the autumn of the year), teacher recruitment
 * and off-campus training institutions (calendar years). A year of a kind is kept when at least one
 * county recorded it; {@link #complete} says whether every county of the region did, and only then
 * do figures use it (a sum over some counties is not the region's).
 *
 * @param counties the counties the region consists of (the region itself for a county)
 */
public record CountyFacts(String region, List<String> counties, Map<Integer, Entrance> entrance,
        Map<Integer, Recruitment> recruitment, Map<Integer, Training> training) {

    /** The kinds of training institution in the order reports list them, with their Chinese names. */
    public static final Map<String, String> KINDS = kinds();

    public CountyFacts {
        Objects.requireNonNull(region, "region");
        counties = List.copyOf(counties);
        entrance = Map.copyOf(entrance);
        recruitment = Map.copyOf(recruitment);
        training = Map.copyOf(training);
    }

    /**
     * The entrance of the autumn of a year.
     *
     * @param counties the counties whose records were summed
     * @param juniorGraduates null unless every summed county recorded it; likewise exam takers and plan
     */
    public record Entrance(List<String> counties, Integer juniorGraduates, Integer examTakers, long generalEntrants,
            long vocationalEntrantsInCounty, long vocationalEntrantsOutOfCounty, Integer generalEnrolmentPlan) {

        public Entrance {
            counties = List.copyOf(counties);
        }

        /** Vocational entrants in and outside the county. */
        public long vocationalEntrants() {
            return vocationalEntrantsInCounty + vocationalEntrantsOutOfCounty;
        }
    }

    /** The teachers recruited in a calendar year, and of them to rural schools. */
    public record Recruitment(List<String> counties, long recruited, long ruralRecruited) {

        public Recruitment {
            counties = List.copyOf(counties);
        }
    }

    /**
     * The training institutions of a calendar year by kind (only the kinds every summed county
     * recorded), and the governance counts (null unless every summed county recorded them).
     */
    public record Training(List<String> counties, Map<String, Kind> kinds, Integer inspections, Integer complaintsHandled) {

        public Training {
            counties = List.copyOf(counties);
            kinds = Map.copyOf(kinds);
        }

        /** The institutions of one kind. */
        public record Kind(long atStart, long atEnd, long approved, long rectified, long closed) {

            Kind plus(Kind o) {
                return new Kind(atStart + o.atStart, atEnd + o.atEnd, approved + o.approved, rectified + o.rectified,
                        closed + o.closed);
            }
        }
    }

    /** Whether every county of the region recorded this year's fact. */
    public boolean complete(Entrance e) {
        return e != null && e.counties().containsAll(counties);
    }

    public boolean complete(Recruitment r) {
        return r != null && r.counties().containsAll(counties);
    }

    public boolean complete(Training t) {
        return t != null && t.counties().containsAll(counties);
    }

    /** No county recorded anything: what a region without these facts reads as. */
    public static CountyFacts none(String region, List<String> counties) {
        return new CountyFacts(region, counties, Map.of(), Map.of(), Map.of());
    }

    /**
     * Sums the counties' records per year. Optional counts are summed only when every county of the
     * year recorded them; kinds of institution only when every county of the year listed them.
     */
    public static CountyFacts of(String region, List<String> counties, List<SeniorEntranceRecorded> entrances,
            List<TeacherRecruitmentRecorded> recruitments, List<TrainingInstitutionsRecorded> trainings) {
        Map<Integer, Entrance> entrance = byYear(entrances, SeniorEntranceRecorded::year, list -> new Entrance(
                list.stream().map(SeniorEntranceRecorded::regionCode).toList(),
                sumAll(list, SeniorEntranceRecorded::juniorGraduates), sumAll(list, SeniorEntranceRecorded::examTakers),
                list.stream().mapToLong(SeniorEntranceRecorded::generalEntrants).sum(),
                list.stream().mapToLong(SeniorEntranceRecorded::vocationalEntrantsInCounty).sum(),
                list.stream().mapToLong(SeniorEntranceRecorded::vocationalEntrantsOutOfCounty).sum(),
                sumAll(list, SeniorEntranceRecorded::generalEnrolmentPlan)));
        Map<Integer, Recruitment> recruitment = byYear(recruitments, TeacherRecruitmentRecorded::year,
                list -> new Recruitment(list.stream().map(TeacherRecruitmentRecorded::regionCode).toList(),
                        list.stream().mapToLong(TeacherRecruitmentRecorded::recruited).sum(),
                        list.stream().mapToLong(TeacherRecruitmentRecorded::ruralRecruited).sum()));
        Map<Integer, Training> training = byYear(trainings, TrainingInstitutionsRecorded::year, list -> {
            Map<String, Training.Kind> kinds = new HashMap<>();
            for (String kind : KINDS.keySet()) {
                List<Training.Kind> each = list.stream().map(t -> t.kinds().stream().filter(k -> kind.equals(k.kind()))
                        .findFirst().map(k -> new Training.Kind(k.atStart(), k.atEnd(), k.approved(), k.rectified(),
                                k.closed())).orElse(null)).toList();
                if (each.stream().allMatch(Objects::nonNull)) {
                    kinds.put(kind, each.stream().reduce(new Training.Kind(0, 0, 0, 0, 0), Training.Kind::plus));
                }
            }
            return new Training(list.stream().map(TrainingInstitutionsRecorded::regionCode).toList(), kinds,
                    sumAll(list, TrainingInstitutionsRecorded::inspections),
                    sumAll(list, TrainingInstitutionsRecorded::complaintsHandled));
        });
        return new CountyFacts(region, counties, entrance, recruitment, training);
    }

    private static <E, T> Map<Integer, T> byYear(List<E> records, Function<E, Integer> year, Function<List<E>, T> sum) {
        Map<Integer, List<E>> grouped = records.stream().collect(Collectors.groupingBy(year, TreeMap::new,
                Collectors.toCollection(ArrayList::new)));
        Map<Integer, T> summed = new TreeMap<>();
        grouped.forEach((y, list) -> summed.put(y, sum.apply(list)));
        return summed;
    }

    /** The sum, or null when any record lacks the count (a sum over some counties would undercount). */
    private static <E> Integer sumAll(List<E> records, Function<E, Integer> count) {
        long sum = 0;
        for (E r : records) {
            Integer c = count.apply(r);
            if (c == null) {
                return null;
            }
            sum += c;
        }
        return Math.toIntExact(sum);
    }

    private static Map<String, String> kinds() {
        Map<String, String> kinds = new LinkedHashMap<>();
        kinds.put("SUBJECT", "学科类");
        kinds.put("ARTS", "艺术类");
        kinds.put("SPORTS", "体育类");
        kinds.put("SCIENCE", "科技类");
        kinds.put("OTHER", "其他类");
        return Collections.unmodifiableMap(kinds);
    }
}
