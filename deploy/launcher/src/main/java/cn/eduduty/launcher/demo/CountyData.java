package cn.eduduty.launcher.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.SortedMap;

/**
 * The records a county's data is made of, shaped as the owners' APIs take them (types, stages,
 * accounts and kinds spelled as the APIs spell them): what the generators make, {@link DemoCounty}
 * holds, the loaders send and {@link DemoFigures} computes the report's figures from.
 */
public final class CountyData {

    private CountyData() {
    }

    // ---------------------------------------------------------------- school-registry-service

    /** A region of GB/T 2260; {@code parentCode} is null for the province. */
    public record Region(String code, String name, String parentCode) {
    }

    /** A school as the registry registers it (types, ownership and area as the API spells them). */
    public record School(String code, String name, String type, String ownership, boolean inclusive,
            boolean townshipCentral, String area, String townshipCode, LocalDate openedOn) {
    }

    public record ClassRoom(String stage, int grade, int students, boolean commonLanguage) {
    }

    public record Flow(String stage, int grade, int entrants, int graduates, int transfersIn, int transfersOut,
            int dropouts) {
    }

    public record Staff(int teachers, int newHires, int ruralNewHires, int eligibleForRotation, int rotated,
            int rotatedBackbone, int newHiresPutonghua2B) {
    }

    public record Disability(int regularClass, int specialClass, int specialSchool, int homeDelivered) {

        public int total() {
            return regularClass + specialClass + specialSchool + homeDelivered;
        }
    }

    /**
     * One school's data for one school year. Years before 2022 carry only flows (for the cohort
     * rates); {@code staff} and {@code disability} are null when the school reports none.
     */
    public record SchoolYear(String schoolCode, int year, List<ClassRoom> classes, List<Flow> flows, Staff staff,
            Disability disability) {

        public SchoolYear {
            classes = List.copyOf(classes);
            flows = List.copyOf(flows);
        }
    }

    /** The county's residents by single year of age (0–25) and identified disabled school-age children. */
    public record Population(int year, SortedMap<Integer, Integer> residentsByAge, int identifiedDisabledChildren) {
    }

    /** The county's own facts (school-registry-service {@code /api/v1/counties/{county}/…}). */
    public record CountyFacts(List<SeniorEntrance> seniorEntrance, List<TeacherRecruitment> teacherRecruitment,
            List<TrainingInstitutions> trainingInstitutions) {

        /** No facts recorded: figures from the schools alone. */
        public static final CountyFacts NONE = new CountyFacts(List.of(), List.of(), List.of());

        public CountyFacts {
            seniorEntrance = List.copyOf(seniorEntrance);
            teacherRecruitment = List.copyOf(teacherRecruitment);
            trainingInstitutions = List.copyOf(trainingInstitutions);
        }
    }

    /**
     * Where the county's junior graduates of the summer of {@code year} went that autumn; the
     * optional counts may be null.
     */
    public record SeniorEntrance(int year, Integer juniorGraduates, Integer examTakers, int generalEntrants,
            int vocationalEntrantsInCounty, int vocationalEntrantsOutOfCounty, Integer generalEnrolmentPlan) {

        public int vocationalEntrants() {
            return vocationalEntrantsInCounty + vocationalEntrantsOutOfCounty;
        }
    }

    /** Teachers recruited (补充教师) in calendar year {@code year}, and of them to rural schools. */
    public record TeacherRecruitment(int year, int recruited, int ruralRecruited) {
    }

    /** Off-campus training institutions (校外培训机构) of a calendar year, by kind, in the order SUBJECT … OTHER. */
    public record TrainingInstitutions(int year, List<InstitutionKind> kinds, Integer inspections,
            Integer complaintsHandled) {

        public TrainingInstitutions {
            kinds = List.copyOf(kinds);
        }
    }

    /** The institutions of one kind: at 1 January and at the end of the year, approved, rectified, closed. */
    public record InstitutionKind(String kind, int atStart, int atEnd, int approved, int rectified, int closed) {
    }

    // ---------------------------------------------------------------- funding-service

    /** Yuan with two decimals. */
    public record FiscalContext(int year, BigDecimal regularFiscalRevenue, BigDecimal generalPublicBudgetExpenditure,
            BigDecimal averageTeacherPay, BigDecimal averageCivilServantPay) {
    }

    /** One line: exactly one of debit and credit, yuan with two decimals. */
    public record Line(String account, BigDecimal debit, BigDecimal credit) {
    }

    /** A posting and the idempotency key it is booked under. */
    public record Posting(String key, int fiscalYear, LocalDate bookingDate, String voucherNumber, String memo,
            String schoolCode, String stage, List<Line> lines) {

        public Posting {
            lines = List.copyOf(lines);
        }
    }

    /** The one reversal (反向冲销，借贷方向相反): of the posting booked under {@code postingKey}. */
    public record Reversal(String key, String postingKey, String reason, String voucherNumber, LocalDate bookingDate) {
    }

    // ---------------------------------------------------------------- indicator-service

    /** The prefecture's framework, instantiated from a template. */
    public record Framework(String code, String name, String issuer, String regionCode, int evaluationYear,
            String template) {
    }

    /** A rating of one third-level indicator; weak ratings carry a problem and an improvement. */
    public record Rating(String code, String rating, String narrative, List<Evidence> evidence, String problem,
            String improvement) {

        public Rating {
            evidence = List.copyOf(evidence);
        }
    }

    /** A document by URI or a catalogue figure by key, exactly one of them. */
    public record Evidence(String title, String uri, String figureKey) {
    }

    /** What the county signs (indicator-service {@code PUT /api/v1/self-evaluations/{id}/signing}). */
    public record Signing(String authority, LocalDate date, List<Practice> practices, List<Measure> measures) {

        public Signing {
            practices = List.copyOf(practices);
            measures = List.copyOf(measures);
        }
    }

    /** A 经典做法: a title and exactly one of an indicator (its narrative) and the county's own text. */
    public record Practice(String title, String indicatorCode, String text) {
    }

    /**
     * A 改进措施: its text and at most one problem it answers, an indicator rated BASICALLY or NOT, or a
     * report check by code and subject.
     */
    public record Measure(String text, String indicatorCode, String checkCode, String checkSubject) {
    }
}
