package cn.eduduty.report.resync;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One county as its owners answer for it, in the shapes of their OpenAPI documents (fields resync
 * does not read included): the county with its ancestors and a township, {@code schools} schools,
 * one school year, population, a teacher recruitment, two accounts, a fiscal context, a posting,
 * a published framework, and an approved self-evaluation with a rating and its signing choices.
 */
final class OwnerAnswers {

    static final int YEAR = 2025;

    final String county;
    final String prefecture;
    final String township;
    final UUID framework;
    final UUID selfEvaluation;
    final UUID posting;

    OwnerAnswers(String county) {
        this.county = county;
        this.prefecture = county.substring(0, 4) + "00";
        this.township = county + "001";
        this.framework = id("framework");
        this.selfEvaluation = id("self-evaluation");
        this.posting = id("posting");
    }

    private UUID id(String what) {
        return UUID.nameUUIDFromBytes((county + "/" + what).getBytes(StandardCharsets.UTF_8));
    }

    String school(int i) {
        return String.format("%s%04d", county, i);
    }

    /** Serves this county from {@code owners}. */
    void serve(OwnerStandIn owners, int schools) {
        String province = county.substring(0, 2) + "0000";
        owners.resource("/api/v1/regions/" + county, region(county, "站县", "COUNTY", prefecture, 2))
                .resource("/api/v1/regions/" + county + "/ancestors", "[" + region(prefecture, "站州", "PREFECTURE",
                        province, 1) + "," + region(province, "站省", "PROVINCE", null, 0) + "]")
                .list("/api/v1/regions/" + county + "/children",
                        List.of(region(township, "站镇", "TOWNSHIP", county, 0)));

        List<String> schoolItems = new ArrayList<>();
        for (int i = 1; i <= schools; i++) {
            schoolItems.add("""
                    {"code":"%s","name":"站县第%d小学","type":"PRIMARY","ownership":"PUBLIC","inclusive":false,
                     "townshipCentral":%b,"area":"RURAL","townshipCode":"%s","countyCode":"%s","openedOn":"1985-09-01",
                     "closedOn":null,"version":1}""".formatted(school(i), i, i == 1, township, county));
        }
        owners.list("/api/v1/schools?region=" + county, schoolItems);
        owners.list("/api/v1/school-years?region=" + county + "&schoolYear=" + YEAR, List.of("""
                {"schoolCode":"%s","schoolYear":%d,
                 "classes":[{"stage":"PRIMARY","grade":1,"students":45},
                            {"stage":"PRIMARY","grade":2,"students":38,"commonLanguage":false}],
                 "flows":[{"stage":"PRIMARY","grade":1,"entrants":46,"graduates":0,"transfersIn":1,"transfersOut":2,
                           "dropouts":0}],
                 "disability":{"regularClass":2,"specialClass":0,"specialSchool":1,"homeDelivered":0},
                 "staff":{"teachers":12,"newHires":1,"ruralNewHires":1,"eligibleForRotation":4,"rotated":1,
                          "rotatedBackbone":0,"newHiresPutonghua2B":1},
                 "recordedBy":"county-editor@%s","recordedAt":"2025-09-20T01:00:00Z","version":3}"""
                .formatted(school(1), YEAR, county)));
        owners.resource("/api/v1/regions/" + county + "/population/" + YEAR, """
                {"regionCode":"%s","year":%d,"residentsByAge":{"6":410,"7":398},"identifiedDisabledChildren":12,
                 "recordedBy":"county-editor@%s","version":1}""".formatted(county, YEAR, county));
        owners.list("/api/v1/counties/" + county + "/teacher-recruitment", List.of("""
                {"regionCode":"%s","year":%d,"recruited":31,"ruralRecruited":22,"recordedBy":"x","version":0}"""
                .formatted(county, YEAR)));

        owners.list("/api/v1/counties/" + county + "/accounts", List.of("""
                {"code":"5002","name":"生均公用经费","type":"EXPENSE","category":"PER_STUDENT_PUBLIC_FUNDS","seeded":true}""",
                """
                {"code":"1002","name":"教育局经费","type":"ASSET","category":null,"seeded":true}"""));
        owners.list("/api/v1/counties/" + county + "/fiscal-contexts", List.of("""
                {"regionCode":"%s","fiscalYear":%d,"regularFiscalRevenue":"856321400.00",
                 "generalPublicBudgetExpenditure":"2413567800.50","averageTeacherPay":"98650.00",
                 "averageCivilServantPay":"97200.00","recordedBy":"x","recordedAt":"2026-01-05T02:00:00Z","version":2}"""
                .formatted(county, YEAR)));
        owners.list("/api/v1/counties/" + county + "/postings?fiscalYear=" + YEAR, List.of("""
                {"id":"%s","regionCode":"%s","fiscalYear":%d,"bookingDate":"2025-04-10","voucherNumber":"记-2025-0042",
                 "memo":"拨付第二季度小学生均公用经费","schoolCode":"%s","stage":"PRIMARY","reversalOf":null,
                 "reversalReason":null,"reversedBy":null,
                 "lines":[{"lineNo":1,"accountCode":"5002","accountName":"生均公用经费","debit":"325000.00","credit":"0.00"},
                          {"lineNo":2,"accountCode":"1002","accountName":"教育局经费","debit":"0.00","credit":"325000.00"}],
                 "bookedBy":"county-editor@%s","bookedAt":"2025-04-10T03:00:00Z"}"""
                .formatted(posting, county, YEAR, school(1), county)));

        owners.resource("/api/v1/frameworks/" + framework, """
                {"id":"%s","code":"SLZ-2025","name":"2025年县级人民政府履行教育职责评价指标体系","evaluationYear":%d,
                 "issuer":"站州人民政府教育督导室","regionCode":"%s","status":"PUBLISHED","createdBy":"x",
                 "createdAt":"2026-01-10T01:00:00Z","derivedFrom":null,"publishedAt":"2026-02-10T01:00:00Z",
                 "publishedBy":"prefecture-reviewer@%s","version":4,
                 "indicators":[
                   {"code":"4","level":1,"title":"各级各类教育发展","criteria":"各级各类教育协调发展。","displayOrder":4,"metric":null},
                   {"code":"4.1","level":2,"title":"学前教育","criteria":"学前教育普及普惠安全优质发展。","displayOrder":1,"metric":null},
                   {"code":"4.1.1","level":3,"title":"学前教育普及","criteria":"学前三年毛入园率达到85%%以上。","displayOrder":1,
                    "metric":{"key":"registry.preschool.gross_enrolment_rate","comparator":"GE","threshold":"85","unit":"PERCENT"}}]}"""
                .formatted(framework, YEAR, prefecture, prefecture));
        owners.list("/api/v1/self-evaluations?region=" + county, List.of("""
                {"id":"%s","frameworkId":"%s","regionCode":"%s","year":%d,"status":"APPROVED","allowedActions":[],
                 "createdBy":"county-editor@%s","createdAt":"2026-02-11T01:00:00Z","submittedAt":"2026-03-01T01:00:00Z",
                 "approvedBy":"prefecture-reviewer@%s","approvedAt":"2026-03-10T01:00:00Z","version":7,
                 "signing":{"signingAuthority":"站县人民政府","signingDate":"2026-03-02",
                            "notablePractices":[{"title":"集团化办学","indicatorCode":"4.1.1","text":null}],
                            "improvementMeasures":[{"text":"加强乡村幼儿园师资","indicatorCode":"4.1.1","checkCode":null,
                                                    "checkSubject":null}],
                            "recordedBy":"county-editor@%s","recordedAt":"2026-03-01T06:30:00Z"}}"""
                .formatted(selfEvaluation, framework, county, YEAR, county, prefecture, county)));
        owners.resource("/api/v1/self-evaluations/" + selfEvaluation + "/ratings", """
                [{"indicatorCode":"4.1.1","indicatorTitle":"学前教育普及","rating":"BASICALLY",
                  "narrative":"全县学前三年毛入园率达到87.5%%。",
                  "evidence":[{"title":"学前教育毛入园率","uri":null,"figureKey":"registry.preschool.gross_enrolment_rate"}],
                  "problem":"乡村幼儿园保教质量不高。","improvement":"实施乡村幼儿园教师培训计划。",
                  "recordedBy":"county-editor@%s","recordedAt":"2026-02-20T01:00:00Z"}]""".formatted(county));
    }

    private static String region(String code, String name, String level, String parent, long version) {
        return """
                {"code":"%s","name":"%s","level":"%s","parentCode":%s,"validFrom":"2000-01-01","validTo":null,"version":%d}"""
                .formatted(code, name, level, parent == null ? "null" : "\"" + parent + "\"", version);
    }
}
