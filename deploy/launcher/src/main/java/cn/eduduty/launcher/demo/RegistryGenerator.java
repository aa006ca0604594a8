package cn.eduduty.launcher.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.launcher.demo.CountyData.ClassRoom;
import cn.eduduty.launcher.demo.CountyData.Disability;
import cn.eduduty.launcher.demo.CountyData.Flow;
import cn.eduduty.launcher.demo.CountyData.Population;
import cn.eduduty.launcher.demo.CountyData.Region;
import cn.eduduty.launcher.demo.CountyData.School;
import cn.eduduty.launcher.demo.CountyData.SchoolYear;
import cn.eduduty.launcher.demo.CountyData.Staff;

/**
 * The registry side of the demo county: regions, schools, and per school and year the classes,
 * enrolment flows, staff and disability placements, plus the population by age.
 *
 * <p>It is the registry of October 2025: school year 2025—2026 has its classes, staff and autumn
 * intake (entrants of each stage's first grade) but no transfers, dropouts or graduates yet; school
 * years 2022—2023 to 2024—2025 are complete, and earlier ones back to 2017 carry only the flows the
 * consolidation rates need.
 *
 * <p>Students follow cohorts: each school's grade-1 (or grade-7, grade-10, 小班) entrants depend on
 * the births of their year (falling since 2017, as in most Chinese counties), and each grade moves
 * up a year with a few transfers in and out and rare dropouts, so consolidation rates come out as
 * a real county's do (primary about 99%, junior about 97%). Classes are the grade's students split
 * into classes of the school's usual size; two crowded urban primary schools have large classes
 * (56–65), fewer each year, and the first senior high school a few super-large ones (66+). The
 * population is set so the gross enrolment rates are about 90% and rise a little each year.
 */
final class RegistryGenerator {

    record Registry(List<Region> regions, List<String> townships, List<School> schools, List<SchoolYear> schoolYears,
            List<Population> populations) {
    }

    static final String[] TOWNSHIPS = { "城关镇", "东关镇", "西河镇", "南山镇", "北坪镇", "青石乡", "白水乡", "红岩乡", "柳林乡",
            "龙泉乡" };

    /** A stage a school teaches: its grades there, classes per grade and usual class size. */
    record StagePlan(String stage, int firstGrade, int lastGrade, double streams, int classSize, boolean flows) {
    }

    /** A school to generate; {@code township} counts from 1 (城关镇). */
    record Plan(String name, String type, String ownership, boolean inclusive, boolean central, String area,
            int township, LocalDate openedOn, Crowding crowding, List<StagePlan> stages) {
    }

    /** Schools with large or super-large classes, by design. */
    enum Crowding {
        NONE, LARGE_CLASSES, SUPER_LARGE_CLASSES
    }

    private static final int LAST_YEAR = DemoCounty.REPORT_YEAR;

    private RegistryGenerator() {
    }

    static Registry generate(SplittableRandom random) {
        List<Region> regions = new ArrayList<>();
        regions.add(new Region(DemoCounty.PROVINCE, "示例省", null));
        regions.add(new Region(DemoCounty.PREFECTURE, "示例市", DemoCounty.PROVINCE));
        regions.add(new Region(DemoCounty.COUNTY, "示例县", DemoCounty.PREFECTURE));
        List<String> townships = new ArrayList<>();
        for (int i = 0; i < TOWNSHIPS.length; i++) {
            String code = township(i + 1);
            townships.add(code);
            regions.add(new Region(code, TOWNSHIPS[i], DemoCounty.COUNTY));
        }
        List<School> schools = new ArrayList<>();
        List<SchoolYear> years = new ArrayList<>();
        List<Plan> plans = plans();
        for (int i = 0; i < plans.size(); i++) {
            Plan plan = plans.get(i);
            String code = schoolCode(plan.type(), i + 1);
            schools.add(new School(code, plan.name(), plan.type(), plan.ownership(), plan.inclusive(), plan.central(),
                    plan.area(), township(plan.township()), plan.openedOn()));
            years.addAll(new SchoolSimulation(plan, code, random.split()).run());
        }
        years.sort((a, b) -> a.year() != b.year() ? Integer.compare(a.year(), b.year())
                : a.schoolCode().compareTo(b.schoolCode()));
        return new Registry(regions, townships, schools, years, populations(years, random.split()));
    }

    /**
     * The school's identification code 学校标识码: the category of its type, the province (99),
     * and a six-digit sequence, here the county's last four digits and the school's number.
     */
    static String schoolCode(String type, int number) {
        return SchoolType.valueOf(type).category() + DemoCounty.PROVINCE.substring(0, 2)
                + DemoCounty.COUNTY.substring(2) + String.format("%02d", number);
    }

    /** The code the demo county gives the school of this name. */
    static String codeOf(String name) {
        List<Plan> plans = plans();
        for (int i = 0; i < plans.size(); i++) {
            if (plans.get(i).name().equals(name)) {
                return schoolCode(plans.get(i).type(), i + 1);
            }
        }
        throw new IllegalArgumentException("no demo school is called " + name);
    }

    static String township(int number) {
        return DemoCounty.COUNTY + String.format("%03d", number);
    }

    // ---------------------------------------------------------------- the schools

    static List<Plan> plans() {
        List<Plan> p = new ArrayList<>();
        LocalDate old = LocalDate.of(1985, 9, 1);
        // kindergartens: three urban public ones, a public central kindergarten in every township,
        // five inclusive private ones and two that are not inclusive (one opened in 2024)
        p.add(kindergarten("示例县第一幼儿园", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1956, 9, 1), 7));
        p.add(kindergarten("示例县第二幼儿园", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1988, 9, 1), 6));
        p.add(kindergarten("示例县机关幼儿园", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1979, 9, 1), 5));
        for (int t = 1; t <= TOWNSHIPS.length; t++) {
            int streams = t == 1 ? 6 : t <= 5 ? 5 : 4;
            p.add(kindergarten(TOWNSHIPS[t - 1] + "中心幼儿园", "PUBLIC", false, true, t == 1 ? "URBAN" : "TOWN", t,
                    LocalDate.of(2008 + t % 5, 9, 1), streams));
        }
        p.add(kindergarten("示例县阳光幼儿园", "PRIVATE", true, false, "URBAN", 1, LocalDate.of(2009, 9, 1), 3));
        p.add(kindergarten("示例县春苗幼儿园", "PRIVATE", true, false, "URBAN", 1, LocalDate.of(2013, 9, 1), 3));
        p.add(kindergarten("东关镇童心幼儿园", "PRIVATE", true, false, "TOWN", 2, LocalDate.of(2012, 9, 1), 2));
        p.add(kindergarten("西河镇小太阳幼儿园", "PRIVATE", true, false, "TOWN", 3, LocalDate.of(2014, 9, 1), 2));
        p.add(kindergarten("南山镇蓓蕾幼儿园", "PRIVATE", true, false, "TOWN", 4, LocalDate.of(2015, 9, 1), 2));
        p.add(kindergarten("示例县贝贝双语幼儿园", "PRIVATE", false, false, "URBAN", 1, LocalDate.of(2016, 9, 1), 2));
        p.add(kindergarten("示例县金色摇篮幼儿园", "PRIVATE", false, false, "URBAN", 1, LocalDate.of(2024, 9, 1), 2));

        // primary schools: four in the county town (two crowded), one on its edge, a central
        // school in each other township, five village schools
        p.add(new Plan("示例县第一小学", "PRIMARY", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1912, 9, 1),
                Crowding.LARGE_CLASSES, List.of(stage("PRIMARY", 9, 54), special(4, 9))));
        p.add(school("示例县第二小学", "PRIMARY", "URBAN", 1, LocalDate.of(1952, 9, 1), stage("PRIMARY", 9, 40)));
        p.add(school("示例县第三小学", "PRIMARY", "URBAN", 1, LocalDate.of(1978, 9, 1), stage("PRIMARY", 8, 40)));
        p.add(new Plan("示例县实验小学", "PRIMARY", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1998, 9, 1),
                Crowding.LARGE_CLASSES, List.of(stage("PRIMARY", 8, 54))));
        p.add(school("城关镇东郊小学", "PRIMARY", "TOWN", 1, LocalDate.of(1969, 9, 1), stage("PRIMARY", 4, 40)));
        for (int t = 2; t <= TOWNSHIPS.length; t++) {
            // the outer townships' central schools keep a pre-school class (附设幼儿班)
            StagePlan primary = stage("PRIMARY", t <= 5 ? 6 : 4, t <= 5 ? 33 : 30);
            p.add(t <= 5 ? school(TOWNSHIPS[t - 1] + "中心小学", "PRIMARY", "TOWN", t, LocalDate.of(1950 + 2 * t, 9, 1), primary)
                    : school(TOWNSHIPS[t - 1] + "中心小学", "PRIMARY", "TOWN", t, LocalDate.of(1950 + 2 * t, 9, 1),
                            attachedPreschool(24), primary));
        }
        p.add(school("东关镇李家村小学", "PRIMARY", "RURAL", 2, old, stage("PRIMARY", 1, 26)));
        p.add(school("西河镇河口小学", "PRIMARY", "RURAL", 3, old, stage("PRIMARY", 2, 24)));
        p.add(school("南山镇石门小学", "PRIMARY", "RURAL", 4, old, stage("PRIMARY", 1, 24)));
        p.add(school("北坪镇王庄小学", "PRIMARY", "RURAL", 5, old, stage("PRIMARY", 2, 24)));
        p.add(school("青石乡杨柳小学", "PRIMARY", "RURAL", 6, old, stage("PRIMARY", 1, 22)));

        // teaching points: small rural classes, grades 1–3 or 1–4; two keep a pre-school class
        p.add(teachingPoint("白水乡高山教学点", 7, 3, 9, true));
        p.add(teachingPoint("红岩乡岩脚教学点", 8, 4, 7, false));
        p.add(teachingPoint("柳林乡沟口教学点", 9, 3, 11, true));
        p.add(teachingPoint("龙泉乡坪上教学点", 10, 4, 6, false));
        p.add(teachingPoint("青石乡后山教学点", 6, 3, 8, false));

        // nine-year schools in the outer townships
        p.add(new Plan("北坪镇九年一贯制学校", "NINE_YEAR", "PUBLIC", false, false, "TOWN", 5, LocalDate.of(2006, 9, 1),
                Crowding.NONE, List.of(attachedPreschool(28), stage("PRIMARY", 2, 34), stage("JUNIOR", 3, 44))));
        for (int t = 7; t <= 10; t++) {
            p.add(school(TOWNSHIPS[t - 1] + "九年一贯制学校", "NINE_YEAR", "RURAL", t, LocalDate.of(2000 + t, 9, 1),
                    stage("PRIMARY", 2, 30), stage("JUNIOR", 2, 42)));
        }

        // junior middle schools
        p.add(school("示例县第一初级中学", "JUNIOR_MIDDLE", "URBAN", 1, LocalDate.of(1958, 9, 1), stage("JUNIOR", 19, 48)));
        p.add(school("示例县城关中学", "JUNIOR_MIDDLE", "URBAN", 1, LocalDate.of(1965, 9, 1), stage("JUNIOR", 14, 47)));
        p.add(school("东关镇初级中学", "JUNIOR_MIDDLE", "TOWN", 2, LocalDate.of(1970, 9, 1), stage("JUNIOR", 9, 45)));
        p.add(school("西河镇初级中学", "JUNIOR_MIDDLE", "TOWN", 3, LocalDate.of(1971, 9, 1), stage("JUNIOR", 7, 44)));
        p.add(school("南山镇初级中学", "JUNIOR_MIDDLE", "TOWN", 4, LocalDate.of(1972, 9, 1), stage("JUNIOR", 7, 44)));

        // senior secondary: a complete middle school, two senior high schools, a private
        // twelve-year school, the vocational school; and the special education school
        p.add(school("示例县第二中学", "COMPLETE_MIDDLE", "URBAN", 1, LocalDate.of(1956, 9, 1), stage("JUNIOR", 6, 46),
                stage("SENIOR", 6, 50)));
        p.add(new Plan("示例县第一高级中学", "SENIOR_HIGH", "PUBLIC", false, false, "URBAN", 1, LocalDate.of(1940, 9, 1),
                Crowding.SUPER_LARGE_CLASSES, List.of(stage("SENIOR", 16, 52))));
        p.add(school("示例县民族高级中学", "SENIOR_HIGH", "URBAN", 1, LocalDate.of(1984, 9, 1), stage("SENIOR", 8, 50)));
        p.add(new Plan("示例县育才学校", "TWELVE_YEAR", "PRIVATE", false, false, "URBAN", 1, LocalDate.of(2005, 9, 1),
                Crowding.NONE, List.of(stage("PRIMARY", 2, 45), stage("JUNIOR", 3, 48), stage("SENIOR", 3, 48))));
        p.add(school("示例县职业技术学校", "VOCATIONAL", "URBAN", 1, LocalDate.of(1983, 9, 1), stage("VOCATIONAL", 23, 45)));
        p.add(new Plan("示例县特殊教育学校", "SPECIAL_EDUCATION", "PUBLIC", false, false, "URBAN", 1,
                LocalDate.of(2011, 9, 1), Crowding.NONE, List.of(new StagePlan("SPECIAL", 1, 9, 1, 9, false))));
        return p;
    }

    private static Plan kindergarten(String name, String ownership, boolean inclusive, boolean central, String area,
            int township, LocalDate opened, int streams) {
        return new Plan(name, "KINDERGARTEN", ownership, inclusive, central, area, township, opened, Crowding.NONE,
                List.of(new StagePlan("PRESCHOOL", 1, 3, streams, ownership.equals("PRIVATE") ? 26 : 30, true)));
    }

    private static Plan school(String name, String type, String area, int township, LocalDate opened,
            StagePlan... stages) {
        return new Plan(name, type, "PUBLIC", false, false, area, township, opened, Crowding.NONE, List.of(stages));
    }

    private static Plan teachingPoint(String name, int township, int lastGrade, int pupils, boolean preschool) {
        List<StagePlan> stages = new ArrayList<>();
        if (preschool) {
            stages.add(new StagePlan("PRESCHOOL", 3, 3, 1, 8, false));
        }
        // one class per grade whatever its size: the class size stands above any grade's pupils
        stages.add(new StagePlan("PRIMARY", 1, lastGrade, pupils / 40.0, 40, true));
        return new Plan(name, "TEACHING_POINT", "PUBLIC", false, false, "RURAL", township, LocalDate.of(1975, 9, 1),
                Crowding.NONE, stages);
    }

    private static StagePlan stage(String stage, double streams, int classSize) {
        int[] grades = grades(stage);
        return new StagePlan(stage, grades[0], grades[1], streams, classSize, true);
    }

    private static StagePlan special(int grade, int students) {
        return new StagePlan("SPECIAL", grade, grade, 1, students, false);
    }

    private static StagePlan attachedPreschool(int children) {
        return new StagePlan("PRESCHOOL", 3, 3, 1, children, false);
    }

    static int[] grades(String stage) {
        return switch (stage) {
            case "PRESCHOOL" -> new int[] { 1, 3 };
            case "PRIMARY" -> new int[] { 1, 6 };
            case "JUNIOR" -> new int[] { 7, 9 };
            case "SENIOR", "VOCATIONAL" -> new int[] { 10, 12 };
            case "SPECIAL" -> new int[] { 1, 12 };
            default -> throw new IllegalArgumentException(stage);
        };
    }

    static int entryAge(String stage) {
        return switch (stage) {
            case "PRESCHOOL" -> 3;
            case "PRIMARY" -> 6;
            case "JUNIOR" -> 12;
            default -> 15;
        };
    }

    /** Births by year relative to one another: a peak in 2016–2017, falling fast since. */
    static double births(int year) {
        return switch (year) {
            case 2012 -> 1.03;
            case 2013 -> 1.00;
            case 2014 -> 1.04;
            case 2015 -> 0.99;
            case 2016 -> 1.08;
            case 2017 -> 1.06;
            case 2018 -> 0.93;
            case 2019 -> 0.88;
            case 2020 -> 0.78;
            case 2021 -> 0.72;
            case 2022 -> 0.66;
            default -> year < 2012 ? 0.97 + 0.003 * (year - 2000) : 0.62;
        };
    }

    // ---------------------------------------------------------------- one school through the years

    /** Runs the cohorts of one school from 2017 (or its opening) to 2025. */
    private static final class SchoolSimulation {
        private final Plan plan;
        private final String code;
        private final SplittableRandom random;
        private final Map<Integer, List<ClassRoom>> classes = new TreeMap<>();
        private final Map<Integer, List<Flow>> flows = new TreeMap<>();

        SchoolSimulation(Plan plan, String code, SplittableRandom random) {
            this.plan = plan;
            this.code = code;
            this.random = random;
        }

        List<SchoolYear> run() {
            for (StagePlan stage : plan.stages()) {
                if (stage.flows()) {
                    cohorts(stage);
                } else {
                    steady(stage);
                }
            }
            List<SchoolYear> years = new ArrayList<>();
            for (int year = DemoCounty.FIRST_FLOW_YEAR; year <= LAST_YEAR; year++) {
                if (!openIn(year)) {
                    continue;
                }
                List<ClassRoom> rooms = classes.getOrDefault(year, List.of());
                List<Flow> yearFlows = flows.getOrDefault(year, List.of());
                if (rooms.isEmpty() && yearFlows.isEmpty()) {
                    continue;
                }
                boolean full = DemoCounty.SCHOOL_YEARS.contains(year);
                years.add(new SchoolYear(code, year, rooms, yearFlows, full ? staff(rooms) : null,
                        full ? disability(rooms) : null));
            }
            return years;
        }

        boolean openIn(int year) {
            return !plan.openedOn().isAfter(LocalDate.of(year, 9, 1));
        }

        /** Students move up grade by grade; flows every year, classes in the report's school years. */
        private void cohorts(StagePlan stage) {
            int[] range = grades(stage.stage());
            int start = DemoCounty.FIRST_FLOW_YEAR;
            while (!openIn(start)) {
                start++;
            }
            boolean established = plan.openedOn().isBefore(LocalDate.of(start, 9, 1));
            double growth = stage.stage().equals("PRESCHOOL") ? 1.06 : 0.99;
            int[] carry = null;
            for (int year = start; year <= LAST_YEAR; year++) {
                int[] students = new int[13];
                for (int grade = stage.firstGrade(); grade <= stage.lastGrade(); grade++) {
                    int offset = grade - stage.firstGrade();
                    if (offset == 0) {
                        students[grade] = entrants(stage, year);
                    } else if (carry != null) {
                        students[grade] = carry[grade];
                    } else if (established) {
                        students[grade] = (int) Math.round(nominal(stage) * cohort(stage, year - offset)
                                * Math.pow(growth, offset));
                    }
                }
                carry = new int[13];
                for (int grade = stage.firstGrade(); grade <= stage.lastGrade(); grade++) {
                    int now = students[grade];
                    double[] rates = rates(stage.stage());
                    int in = draw(now, rates[0]);
                    int out = draw(now, rates[1]);
                    int dropouts = Math.min(draw(now, rates[2]), Math.max(0, now + in - out));
                    int remaining = now + in - out - dropouts;
                    int graduates = 0;
                    if (grade == stage.lastGrade()) {
                        if (grade == range[1]) {
                            graduates = remaining;
                        } else {
                            out += remaining; // a teaching point's top grade moves on to the central school
                        }
                    } else {
                        carry[grade + 1] = remaining;
                    }
                    if (year < LAST_YEAR) {
                        flows.computeIfAbsent(year, y -> new ArrayList<>()).add(new Flow(stage.stage(), grade,
                                grade == range[0] ? now : 0, graduates, in, out, dropouts));
                    } else if (grade == range[0]) {
                        // October of the last year: its autumn intake is known, its transfers,
                        // dropouts and graduates (summer next year) are not
                        flows.computeIfAbsent(year, y -> new ArrayList<>()).add(new Flow(stage.stage(), grade, now, 0,
                                0, 0, 0));
                    }
                }
                if (DemoCounty.SCHOOL_YEARS.contains(year)) {
                    for (int grade = stage.firstGrade(); grade <= stage.lastGrade(); grade++) {
                        split(stage, year, grade, students[grade]);
                    }
                }
            }
        }

        /** Classes without cohorts (special classes, attached pre-school classes): about the same each year. */
        private void steady(StagePlan stage) {
            for (int year : DemoCounty.SCHOOL_YEARS) {
                if (!openIn(year)) {
                    continue;
                }
                for (int grade = stage.firstGrade(); grade <= stage.lastGrade(); grade++) {
                    int students = (int) Math.round(stage.streams() * stage.classSize() * (0.85 + 0.3 * random.nextDouble()));
                    split(stage, year, grade, Math.max(3, students));
                }
            }
        }

        private double nominal(StagePlan stage) {
            return stage.streams() * stage.classSize() * (stage.stage().equals("PRESCHOOL") ? 0.88 : 1.0);
        }

        /** The size of the cohort entering in {@code year}, relative to the one that entered in 2024. */
        private double cohort(StagePlan stage, int year) {
            int age = entryAge(stage.stage());
            return births(year - age) / births(2024 - age);
        }

        private int entrants(StagePlan stage, int year) {
            return (int) Math.round(nominal(stage) * cohort(stage, year) * (0.96 + 0.08 * random.nextDouble()));
        }

        /** Transfers in, transfers out and dropouts per student and year. */
        private static double[] rates(String stage) {
            return switch (stage) {
                case "PRESCHOOL" -> new double[] { 0.08, 0.02, 0 };
                case "PRIMARY" -> new double[] { 0.010, 0.012, 0.0012 };
                case "JUNIOR" -> new double[] { 0.008, 0.012, 0.009 };
                case "SENIOR" -> new double[] { 0.004, 0.008, 0.007 };
                default -> new double[] { 0.004, 0.010, 0.02 };
            };
        }

        private int draw(int students, double rate) {
            return (int) Math.round(students * rate * 2 * random.nextDouble());
        }

        /** A grade's students in classes of about the school's size, a few students either way. */
        private void split(StagePlan stage, int year, int grade, int students) {
            if (students <= 0) {
                return;
            }
            double mean = stage.classSize();
            int cap = 55;
            if (stage.stage().equals("PRESCHOOL")) {
                mean = stage.classSize() * (0.88 + 0.1 * (grade - 1));
                cap = 36;
            } else if (plan.crowding() == Crowding.LARGE_CLASSES && !stage.stage().equals("SPECIAL")) {
                mean = switch (year) {
                    case 2022 -> 58;
                    case 2023 -> 57;
                    case 2024 -> 55.5;
                    default -> 53;
                };
                cap = 62;
            }
            int count = (int) Math.max(1, Math.max(Math.round(students / mean), Math.ceil(students / (double) cap)));
            if (stage.classSize() >= 40 && stage.streams() < 1) {
                count = 1; // a teaching point keeps one class per grade
                cap = 120;
            }
            int[] sizes = new int[count];
            for (int i = 0; i < count; i++) {
                sizes[i] = students / count + (i < students % count ? 1 : 0);
            }
            for (int i = 0; i < count && count > 1; i++) {
                int j = random.nextInt(count - 1);
                j = j >= i ? j + 1 : j;
                int move = random.nextInt(4);
                if (sizes[i] + move <= cap && sizes[j] - move >= 1) {
                    sizes[i] += move;
                    sizes[j] -= move;
                }
            }
            if (plan.crowding() == Crowding.SUPER_LARGE_CLASSES && grade == 12) {
                superLarge(sizes, switch (year) {
                    case 2022 -> 5;
                    case 2023 -> 4;
                    case 2024 -> 3;
                    default -> 2;
                });
            }
            List<ClassRoom> rooms = classes.computeIfAbsent(year, y -> new ArrayList<>());
            for (int size : sizes) {
                rooms.add(new ClassRoom(stage.stage(), grade, size, true));
            }
        }

        /** Gathers students of the grade into {@code count} classes of 66 or more. */
        private static void superLarge(int[] sizes, int count) {
            for (int i = 0; i < count && i < sizes.length - 1; i++) {
                int target = 66 + i;
                boolean moved = true;
                while (sizes[i] < target && moved) {
                    moved = false;
                    for (int donor = count; donor < sizes.length && sizes[i] < target; donor++) {
                        if (sizes[donor] > 40) {
                            sizes[donor]--;
                            sizes[i]++;
                            moved = true;
                        }
                    }
                }
            }
        }

        private Staff staff(List<ClassRoom> rooms) {
            Map<String, Integer> byStage = studentsByStage(rooms);
            int teachers = 0;
            for (Map.Entry<String, Integer> e : byStage.entrySet()) {
                teachers += (int) Math.ceil(e.getValue() / pupilsPerTeacher(e.getKey()));
            }
            double perClass = plan.type().equals("KINDERGARTEN") ? 2.0 : 1.4;
            teachers = Math.max(teachers, (int) Math.ceil(rooms.size() * perClass));
            boolean isPublic = plan.ownership().equals("PUBLIC");
            int newHires = (int) Math.round(teachers * (isPublic ? 0.03 + 0.04 * random.nextDouble()
                    : 0.06 + 0.06 * random.nextDouble()));
            int rural = plan.area().equals("URBAN") ? 0 : newHires;
            boolean compulsory = isPublic && List.of("PRIMARY", "TEACHING_POINT", "NINE_YEAR", "JUNIOR_MIDDLE",
                    "COMPLETE_MIDDLE").contains(plan.type());
            int eligible = compulsory ? (int) Math.round(teachers * (0.5 + 0.15 * random.nextDouble())) : 0;
            int rotated = (int) Math.round(eligible * (0.11 + 0.06 * random.nextDouble()));
            int backbone = (int) Math.round(rotated * (0.22 + 0.16 * random.nextDouble()));
            return new Staff(teachers, newHires, rural, eligible, rotated, backbone, newHires);
        }

        private Disability disability(List<ClassRoom> rooms) {
            Map<String, Integer> byStage = studentsByStage(rooms);
            int special = byStage.getOrDefault("SPECIAL", 0);
            if (plan.type().equals("SPECIAL_EDUCATION")) {
                return new Disability(0, 0, special, 18 + random.nextInt(10));
            }
            boolean compulsory = List.of("PRIMARY", "NINE_YEAR", "JUNIOR_MIDDLE", "COMPLETE_MIDDLE", "TWELVE_YEAR")
                    .contains(plan.type());
            if (!compulsory) {
                return null;
            }
            int pupils = byStage.getOrDefault("PRIMARY", 0) + byStage.getOrDefault("JUNIOR", 0);
            int regular = (int) Math.round(pupils * (0.0018 + 0.0014 * random.nextDouble()));
            return regular + special == 0 ? null : new Disability(regular, special, 0, 0);
        }
    }

    static double pupilsPerTeacher(String stage) {
        return switch (stage) {
            case "PRESCHOOL" -> 12;
            case "PRIMARY" -> 16.5;
            case "JUNIOR", "SENIOR" -> 12.5;
            case "VOCATIONAL" -> 17;
            default -> 3.2;
        };
    }

    static Map<String, Integer> studentsByStage(List<ClassRoom> rooms) {
        Map<String, Integer> byStage = new TreeMap<>();
        rooms.forEach(r -> byStage.merge(r.stage(), r.students(), Integer::sum));
        return byStage;
    }

    // ---------------------------------------------------------------- population

    /**
     * Residents by age so that the gross enrolment rates come out at about 90% and rise a little
     * each year; younger ages follow the births. Identified disabled children so that about 97%
     * of them are enrolled.
     */
    private static List<Population> populations(List<SchoolYear> years, SplittableRandom random) {
        Map<Integer, Double> preschoolRate = Map.of(2022, 0.882, 2023, 0.893, 2024, 0.905, 2025, 0.917);
        Map<Integer, Double> seniorRate = Map.of(2022, 0.902, 2023, 0.906, 2024, 0.914, 2025, 0.923);
        Map<Integer, Double> disabledRate = Map.of(2022, 0.952, 2023, 0.958, 2024, 0.964, 2025, 0.971);
        List<Population> populations = new ArrayList<>();
        for (int year : DemoCounty.SCHOOL_YEARS) {
            Map<String, Integer> students = new LinkedHashMap<>();
            int disabled = 0;
            for (SchoolYear y : years) {
                if (y.year() == year) {
                    y.classes().forEach(c -> students.merge(c.stage(), c.students(), Integer::sum));
                    disabled += y.disability() == null ? 0 : y.disability().total();
                }
            }
            SortedMap<Integer, Integer> ages = new TreeMap<>();
            spread(ages, year, 3, 5, students.get("PRESCHOOL") / preschoolRate.get(year));
            spread(ages, year, 6, 11, students.get("PRIMARY") / 0.985);
            spread(ages, year, 12, 14, students.get("JUNIOR") / 0.972);
            spread(ages, year, 15, 17, (students.get("SENIOR") + students.get("VOCATIONAL")) / seniorRate.get(year));
            double perAgeAt3 = ages.get(3) / births(year - 3);
            for (int age = 0; age <= 2; age++) {
                ages.put(age, (int) Math.round(perAgeAt3 * births(year - age) * (0.99 + 0.02 * random.nextDouble())));
            }
            for (int age = 18; age <= 25; age++) {
                ages.put(age, (int) Math.round(ages.get(17) * (0.93 - 0.01 * (age - 18)) * (0.98 + 0.04 * random.nextDouble())));
            }
            populations.add(new Population(year, Collections.unmodifiableSortedMap(ages),
                    (int) Math.round(disabled / disabledRate.get(year))));
        }
        return populations;
    }

    /** Spreads {@code total} residents over the ages by their birth cohorts. */
    private static void spread(SortedMap<Integer, Integer> ages, int year, int from, int to, double total) {
        double weights = 0;
        for (int age = from; age <= to; age++) {
            weights += births(year - age);
        }
        int left = (int) Math.round(total);
        for (int age = from; age <= to; age++) {
            int n = age == to ? left : (int) Math.round(total * births(year - age) / weights);
            ages.put(age, n);
            left -= n;
        }
    }
}
