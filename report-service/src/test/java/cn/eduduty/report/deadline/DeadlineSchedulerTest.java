package cn.eduduty.report.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.report.Samples;
import cn.eduduty.report.ReadModelEvents;
import cn.eduduty.runtime.persistence.Rows;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;

/**
 * Deadlines generate reports: a deadline already past when the scheduler looks (as after a
 * restart) is caught up once, a prefecture's deadline covers each county and the roll-up, two
 * schedulers working at once generate nothing twice, and a draft comes at due minus lead time.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class DeadlineSchedulerTest {

    private static final String PREFECTURE = "990700";

    @Inject
    ReadModelEvents events;

    @Inject
    DeadlineScheduler scheduler;

    @Inject
    EntityManager em;

    @Inject
    DeadlineMetrics metrics;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void counties() throws Exception {
        events.loadOnce(PREFECTURE, "990701", "990702");
    }

    /**
     * Registers a deadline of {@code year} (one per region and year, so each test has its own): a
     * future one as the prefecture's reviewer, a past one as the system role, which alone may
     * backfill a missed deadline.
     */
    private static String register(String region, int year, OffsetDateTime due, String lead) {
        Map<String, Object> body = new HashMap<>(Map.of("regionCode", region, "reportYear", year,
                "dueAt", due.toString()));
        if (lead != null) {
            body.put("draftLeadTime", lead);
        }
        String role = due.isBefore(OffsetDateTime.now()) ? Api.SYSTEM : Api.PREFECTURE_REVIEWER;
        return Api.as(role, PREFECTURE).contentType("application/json").body(body)
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
    }

    /** A deadline's stored report. */
    private record Snapshot(String region, String kind, String trigger, UUID id, String content) {
    }

    private List<Snapshot> snapshotsOf(String deadline) {
        return QuarkusTransaction.requiringNew().call(() -> Rows.list(em, """
                SELECT region_code, kind, trigger, id, content FROM report_snapshot WHERE deadline_id = :d
                ORDER BY region_code, kind""", q -> q.setParameter("d", UUID.fromString(deadline)))
                .stream().map(t -> new Snapshot(Rows.text(t, "region_code"), Rows.text(t, "kind"),
                        Rows.text(t, "trigger"), Rows.uuid(t, "id"), Rows.text(t, "content"))).toList());
    }

    @Test
    void aMissedPrefectureDeadlineIsCaughtUpOnceAcrossConcurrentSchedulers() throws Exception {
        try (TopicReader reader = TopicReader.fromNow(Topics.REPORT)) {
            String deadline = register(PREFECTURE, 2025, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), "P7D");
            ConcurrentLinkedQueue<UUID> generated = new ConcurrentLinkedQueue<>();
            List<CompletableFuture<Void>> replicas = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                replicas.add(CompletableFuture.runAsync(() -> generated.addAll(scheduler.tick())));
            }
            replicas.forEach(CompletableFuture::join);
            generated.addAll(scheduler.tick()); // a later tick finds nothing left to do

            List<Snapshot> snapshots = snapshotsOf(deadline);
            // both counties and the roll-up, finals only: the draft time passed with the due time
            assertThat(snapshots).extracting(r -> r.region() + "/" + r.kind() + "/" + r.trigger()).containsExactly(
                    PREFECTURE + "/FINAL/DEADLINE", "990701/FINAL/DEADLINE", "990702/FINAL/DEADLINE");
            // (other tests' deadlines may be due as well: the ticks generate those too, each once)
            assertThat(generated).doesNotHaveDuplicates()
                    .containsAll(snapshots.stream().map(Snapshot::id).toList());
            List<TopicReader.Received> events = reader.settle(r -> r.event().type().equals("report.report.generated")
                    && deadline.equals(r.event().data().path("deadlineId").asText()), Duration.ofSeconds(5));
            assertThat(events).extracting(r -> r.event().data().path("regionCode").asText())
                    .containsExactlyInAnyOrder(PREFECTURE, "990701", "990702");
        }
    }

    @Test
    void aDeadlineSetsThePeriodsAndTheRollUpsSignature() {
        Map<String, Object> body = new HashMap<>(Map.of("regionCode", PREFECTURE, "reportYear", 2026,
                "dueAt", OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString(),
                "periods", Map.of("schoolYear", 2025, "fiscalYear", 2023, "completedSchoolYear", 2023),
                "signingAuthority", "测试市人民政府教育督导委员会办公室", "signingDate", "2025-10-20"));
        // a deadline already due: a backfill, which only the system role may register
        String deadline = Api.as(Api.SYSTEM, PREFECTURE).contentType("application/json").body(body)
                .post("/api/v1/deadlines").then().statusCode(201)
                .body("periods.fiscalYear", Matchers.equalTo(2023))
                .body("periods.entranceYear", Matchers.nullValue())
                .body("signingDate", Matchers.equalTo("2025-10-20")).extract().path("id");
        scheduler.tick();
        scheduler.tick();
        Map<String, String> content = new TreeMap<>();
        for (Snapshot r : snapshotsOf(deadline)) {
            content.put(r.region(), r.content());
        }
        assertThat(content).containsKeys(PREFECTURE, "990701");
        JsonPath rollUp = new JsonPath(content.get(PREFECTURE));
        assertThat(rollUp.getInt("periods.fiscalYear")).isEqualTo(2023);
        assertThat(rollUp.getInt("periods.completedSchoolYear")).isEqualTo(2023);
        assertThat(rollUp.getInt("periods.schoolYear")).isEqualTo(2025);
        assertThat(rollUp.getInt("periods.entranceYear")).isEqualTo(2026); // not set: the default
        assertThat(rollUp.getString("signing.authority")).isEqualTo("测试市人民政府教育督导委员会办公室");
        assertThat(rollUp.getString("signing.date")).isEqualTo("2025-10-20");
        assertThat(rollUp.getList("signing.defaulted")).isEmpty();
        assertThat(new JsonPath(content.get("990701")).getInt("periods.fiscalYear"))
                .isEqualTo(2023);
    }

    /**
     * A province sets one date for all its counties: the burst is every county's report, each
     * prefecture's roll-up and the province's, whose prefecture lines and own figures are computed
     * from the counts below them (not averaged from the counties' rates).
     */
    @Test
    void aProvinceDeadlineCoversEveryCountyEachPrefectureAndTheProvince() throws Exception {
        events.county("950100", "950101").load();
        events.county("950200", "950201").load();
        events.county(PREFECTURE, "990701").apply(Samples.sample(EventTypes.REGION_CHANGED, "code",
                "\"950000\"", "name", "\"测试省\"", "level", "\"PROVINCE\""));
        Map<String, Object> body = Map.of("regionCode", "950000", "reportYear", 2025, "dueAt",
                OffsetDateTime.now(ZoneOffset.UTC).plusDays(30).toString());
        // a prefecture's reviewer may not set the province's date, nor a county editor; the province's reviewer may
        Api.as(Api.PREFECTURE_REVIEWER, "950100").contentType("application/json").body(body)
                .post("/api/v1/deadlines").then().statusCode(403);
        Api.as(Api.COUNTY_EDITOR, "950101").contentType("application/json").body(body)
                .post("/api/v1/deadlines").then().statusCode(403);
        Api.as(Api.PREFECTURE_REVIEWER, "950000").contentType("application/json").body(body)
                .post("/api/v1/deadlines").then().statusCode(201).body("regionCode", Matchers.equalTo("950000"));
        // (that one is due in a month; the burst below is a missed one of another year, backfilled by the system)
        String deadline = Api.as(Api.SYSTEM, "950000").contentType("application/json")
                .body(Map.of("regionCode", "950000", "reportYear", 2024, "dueAt",
                        OffsetDateTime.now(ZoneOffset.UTC).minusHours(1).toString()))
                .post("/api/v1/deadlines").then().statusCode(201).extract().path("id");
        scheduler.tick();

        assertThat(snapshotsOf(deadline)).extracting(r -> r.region() + "/" + r.kind()).containsExactly("950000/FINAL",
                "950100/FINAL", "950101/FINAL", "950200/FINAL", "950201/FINAL");
        Map<String, JsonPath> content = new HashMap<>();
        for (Snapshot r : snapshotsOf(deadline)) {
            content.put(r.region(), new JsonPath(r.content()));
        }
        JsonPath province = content.get("950000");
        assertThat(province.getString("level")).isEqualTo("PROVINCE");
        assertThat(province.getString("regionName")).isEqualTo("测试省");
        assertThat(province.getList("counties.regionCode")).containsExactly("950101", "950201");
        assertThat(province.getList("prefectures.regionCode")).containsExactly("950100", "950200");
        assertThat(province.getList("prefectures.evaluationStatus")).containsOnlyNulls();
        // the province's own figures are computed from all its counts; a prefecture's line is its roll-up's figure
        assertThat(figure(province, "registry.schools.total")).isEqualByComparingTo(
                figure(content.get("950100"), "registry.schools.total").add(figure(content.get("950200"),
                        "registry.schools.total")));
        assertThat(figure(province, "prefectures[0]", "registry.compulsory.large_class_share")).isEqualByComparingTo(
                figure(content.get("950100"), "registry.compulsory.large_class_share"));
        assertThat(province.getString("document.title")).isEqualTo("测试省县级人民政府履行教育职责自评情况汇总报告");
        assertThat(province.getList("document.blocks.caption")).contains("表1 各市（州）自评汇总与主要指标",
                "表2-1 测试市各县（市、区）自评结果与主要指标", "表2-2 测试市各县（市、区）自评结果与主要指标");
        assertThat(province.getString("signing.authority")).isEqualTo("测试省人民政府教育督导室");
        // a prefecture has no self-evaluation of its own: its line shows approvals, not a rating share
        assertThat(province.getList("document.blocks.find { it.caption == '表1 各市（州）自评汇总与主要指标' }.header"))
                .contains("已审核", "一致性问题县数").doesNotContain("完全落实指标占比");
    }

    private static BigDecimal figure(JsonPath report, String key) {
        return new BigDecimal(report.getString("figures.find { it.key == '" + key + "' }.value"));
    }

    private static BigDecimal figure(JsonPath report, String row, String key) {
        return new BigDecimal(report.getString(row + ".figures.find { it.key == '" + key + "' }.value"));
    }

    @Test
    void aDraftComesAtDueMinusLeadAndTheFinalNotBeforeDue() {
        String deadline = register("990701", 2027, OffsetDateTime.now(ZoneOffset.UTC).plusDays(3), "P5D");
        scheduler.tick();
        scheduler.tick();
        assertThat(snapshotsOf(deadline)).extracting(r -> r.region() + "/" + r.kind()).containsExactly("990701/DRAFT");
    }

    @Test
    void aDeadlineNotYetInItsDraftWindowGeneratesNothing() {
        String deadline = register("990701", 2028, OffsetDateTime.now(ZoneOffset.UTC).plusDays(30), "P5D");
        scheduler.tick();
        assertThat(snapshotsOf(deadline)).isEmpty();
    }

    /** The dashboard's and the alerts' view: generation time by level and trigger, jobs by state. */
    @Test
    void deadlineReportsAreTimedAndJobsCountedByState() {
        double counties = generations("county");
        double rollUps = generations("prefecture");
        String deadline = register(PREFECTURE, 2029, OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), "P7D");
        scheduler.tick();
        assertThat(snapshotsOf(deadline)).hasSize(3);
        assertThat(generations("county")).isGreaterThanOrEqualTo(counties + 2);
        assertThat(generations("prefecture")).isGreaterThanOrEqualTo(rollUps + 1);

        // a job waiting to retry and one given up, of a deadline whose time is far ahead
        String later = register("990702", 2030, OffsetDateTime.now(ZoneOffset.UTC).plusDays(60), "P5D");
        metrics.refresh();
        double waiting = jobs(DeadlineMetrics.WAITING);
        double failed = jobs(DeadlineMetrics.FAILED);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO report_job (deadline_id, region_code, kind, state, attempts, next_attempt_at)
                VALUES (:d, '990702', 'DRAFT', 'PENDING', 1, now() + interval '1 day'),
                       (:d, '990702', 'FINAL', 'FAILED', 3, now())""").setParameter("d", UUID.fromString(later))
                .executeUpdate());
        metrics.refresh();
        assertThat(jobs(DeadlineMetrics.WAITING)).isEqualTo(waiting + 1);
        assertThat(jobs(DeadlineMetrics.FAILED)).isEqualTo(failed + 1);
    }

    private double generations(String level) {
        return registry.get("eduduty.report.generation").tags("trigger", "DEADLINE", "kind", "FINAL", "level", level)
                .timer().count();
    }

    private double jobs(String state) {
        return registry.get("eduduty.deadline.jobs").tag("state", state).gauge().value();
    }
}
