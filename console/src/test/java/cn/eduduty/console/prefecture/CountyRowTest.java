package cn.eduduty.console.prefecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.eduduty.console.api.indicator.model.SelfEvaluationResponse;
import cn.eduduty.console.api.registry.model.RegionResponse;
import cn.eduduty.console.api.report.model.DeadlineResponse;
import cn.eduduty.console.api.report.model.ReportResponse;

class CountyRowTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 3, 20);

    private static RegionResponse county(String code, String name) {
        return new RegionResponse().code(code).name(name).level(RegionResponse.LevelEnum.COUNTY).parentCode("990100");
    }

    private static SelfEvaluationResponse evaluation(String county, SelfEvaluationResponse.StatusEnum status) {
        return new SelfEvaluationResponse().regionCode(county).status(status);
    }

    private static ReportResponse report(String region, ReportResponse.KindEnum kind, String at) {
        return new ReportResponse().id(UUID.randomUUID()).region(region).kind(kind).generatedAt(OffsetDateTime.parse(at));
    }

    private static DeadlineResponse deadline(String region, String due) {
        return new DeadlineResponse().regionCode(region).dueAt(OffsetDateTime.parse(due));
    }

    @Test
    void joinsEachCountysStatusChecksLastReportAndDeadline() {
        ReportResponse newest = report("990101", ReportResponse.KindEnum.FINAL, "2026-03-19T02:00:00Z");
        List<CountyRow> rows = CountyRow.of("990100",
                List.of(county("990102", "乙县"), county("990101", "甲县")),
                List.of(evaluation("990101", SelfEvaluationResponse.StatusEnum.SUBMITTED)),
                List.of(newest, report("990101", ReportResponse.KindEnum.DRAFT, "2026-03-01T02:00:00Z"),
                        report("990100", ReportResponse.KindEnum.FINAL, "2026-03-18T02:00:00Z")),
                List.of(deadline("990100", "2026-03-31T01:00:00Z")),
                Map.of("990101", new CountyRow.Checks(1, 2, null)), TODAY);

        assertThat(rows).extracting(CountyRow::code).containsExactly("990101", "990102");
        CountyRow first = rows.get(0);
        assertThat(first.name()).isEqualTo("甲县");
        assertThat(first.status().name()).isEqualTo("已提交");
        assertThat(first.checks()).isEqualTo(new CountyRow.Checks(1, 2, null));
        assertThat(first.lastReport().id()).isEqualTo(newest.getId());
        assertThat(first.lastReport().kind()).isEqualTo("正式稿");
        assertThat(first.lastReport().generatedAt()).isEqualTo("2026-03-19 10:00");
        assertThat(first.deadline().due()).isEqualTo("2026-03-31 09:00");
        assertThat(first.deadline().daysLeft()).isEqualTo(11);
        assertThat(first.deadline().submitted()).isTrue();
        assertThat(first.deadline().badge()).isEqualTo("ok");

        CountyRow second = rows.get(1);
        assertThat(second.status().code()).isEqualTo("NONE");
        assertThat(second.lastReport()).isNull();
        assertThat(second.checks().unavailable()).isNotNull();
        assertThat(second.deadline().submitted()).isFalse();
    }

    @Test
    void theSoonestDeadlineThatAppliesCounts() {
        List<CountyRow> rows = CountyRow.of("990100", List.of(county("990101", "甲县"), county("990102", "乙县")), List.of(),
                List.of(), List.of(deadline("990100", "2026-03-31T01:00:00Z"), deadline("990101", "2026-03-25T01:00:00Z"),
                        deadline("990102", "2026-04-10T01:00:00Z")),
                Map.of(), TODAY);

        // 甲县's own is sooner than the prefecture's; 乙县's own is later, so the prefecture's binds it first
        assertThat(rows.get(0).deadline().daysLeft()).isEqualTo(5);
        assertThat(rows.get(0).deadline().badge()).isEqualTo("warning");
        assertThat(rows.get(1).deadline().daysLeft()).isEqualTo(11);
    }

    @Test
    void daysLeftCountBeijingDates() {
        // 2026-03-20 23:30 in Beijing is still the 20th there, though UTC says the 20th 15:30
        DeadlineResponse d = deadline("990101", "2026-03-20T15:30:00Z");
        assertThat(CountyRow.deadlineState(d, "DRAFT", TODAY).remaining()).startsWith("今天截止");
        assertThat(CountyRow.deadlineState(d, "DRAFT", TODAY.plusDays(3)).remaining()).isEqualTo("已逾期 3 天");
        assertThat(CountyRow.deadlineState(d, "DRAFT", TODAY.plusDays(3)).badge()).isEqualTo("error");
        assertThat(CountyRow.deadlineState(d, "RETURNED", TODAY.minusDays(30)).remaining()).isEqualTo("距截止还有 30 天");
        assertThat(CountyRow.deadlineState(d, "RETURNED", TODAY.minusDays(30)).badge()).isEqualTo("muted");
        assertThat(CountyRow.deadlineState(d, "APPROVED", TODAY.plusDays(3)).badge()).isEqualTo("ok");
    }
}
