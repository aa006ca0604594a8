package cn.eduduty.report.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import cn.eduduty.contracts.CloudEvent;
import cn.eduduty.contracts.EventType;
import cn.eduduty.contracts.EventTypes;
import cn.eduduty.report.Samples;
import cn.eduduty.report.journal.EventJournal;
import cn.eduduty.runtime.inbox.EventRefused;
import cn.eduduty.runtime.inbox.Inbox;
import cn.eduduty.testsupport.SuiteInfrastructure;

/** The owners' golden samples, applied through the inbox, build the read model. */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class ReadModelProjectorTest {

    @Inject
    Inbox inbox;

    @Inject
    EventJournal journal;

    static CloudEvent sample(EventType<?> type, String... fieldValuePairs) throws Exception {
        return Samples.sample(type, fieldValuePairs);
    }

    void apply(CloudEvent event) {
        assertThat(Samples.applyDirectly(inbox, journal, event)).isTrue();
    }

    @Test
    void everyGoldenSampleLandsInTheReadModel() throws Exception {
        for (EventType<?> type : EventTypes.ALL) {
            apply(sample(type));
        }
        // each sample leaves exactly one row of what it carries
        for (String row : List.of(
                "rm_region WHERE code = '990101' AND name = '示例县'",
                "rm_school WHERE code = '2199010101' AND county_code = '990101'",
                "rm_school_year WHERE school_code = '2199010101' AND school_year = 2025"
                        + " AND jsonb_array_length(data->'classes') = 2",
                "rm_population WHERE region_code = '990101' AND year = 2025 AND (residents_by_age->>'3')::int = 4210",
                "rm_posting_line WHERE posting_id = '3f2e1d0c-9b8a-4c7d-8e6f-5a4b3c2d1e0f'"
                        + " AND category = 'PER_STUDENT_PUBLIC_FUNDS' AND debit = 325000.00",
                "rm_fiscal_context WHERE region_code = '990101' AND fiscal_year = 2025"
                        + " AND regular_fiscal_revenue = 856321400.00",
                "rm_fiscal_year_closed WHERE region_code = '990101' AND fiscal_year = 2024",
                "rm_framework WHERE id = '7b0e4c52-3f1d-4a8e-b6c9-2d1e0f3a4b5c' AND jsonb_array_length(indicators) = 3",
                "rm_rating WHERE indicator_code = '4.1.1' AND rating = 'BASICALLY'"
                        + " AND self_evaluation_id = 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9'",
                // created, submitted, returned and approved were applied in that order
                "rm_self_evaluation WHERE id = 'e1d2c3b4-a596-4877-8695-a4b3c2d1e0f9'"
                        + " AND status = 'APPROVED' AND approved_by = 'prefecture-reviewer@990100'")) {
            assertThat(count("SELECT count(*) FROM " + row)).as(row).isEqualTo(1);
        }
    }

    @Test
    void aLateOlderVersionDoesNotOverwriteANewerOne() throws Exception {
        apply(sample(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "schoolCode", "\"2199010199\"", "version", "5",
                "classes", "[{\"stage\":\"PRIMARY\",\"grade\":1,\"students\":50,\"commonLanguage\":true}]"));
        apply(sample(EventTypes.SCHOOL_YEAR_DATA_REPLACED, "schoolCode", "\"2199010199\"", "version", "3",
                "classes", "[]"));
        assertThat(count("SELECT count(*) FROM rm_school_year WHERE school_code = '2199010199' AND version = 5"
                + " AND jsonb_array_length(data->'classes') = 1")).isEqualTo(1);
    }

    @Test
    void aPostingSeenTwiceUnderDifferentEventIdsIsKeptOnce() throws Exception {
        String posting = "\"" + UUID.randomUUID() + "\"";
        apply(sample(EventTypes.POSTING_BOOKED, "postingId", posting));
        apply(sample(EventTypes.POSTING_BOOKED, "postingId", posting));
        assertThat(count("SELECT count(*) FROM rm_posting_line WHERE posting_id = '" + posting.replace("\"", "") + "'"))
                .isEqualTo(2);
    }

    @Test
    void anEventTypeTheReadModelHasNoProjectionForIsRefusedSoTheInboxParksIt() throws Exception {
        CloudEvent known = sample(EventTypes.SCHOOL_UPDATED);
        CloudEvent unknown = new CloudEvent(known.specversion(), known.id(), known.source(), "registry.school.renamed",
                known.subject(), known.time(), known.datacontenttype(), known.dataschema(), known.regioncode(),
                known.data());
        assertThatThrownBy(() -> Samples.applyDirectly(inbox, journal, unknown)).isInstanceOf(EventRefused.class)
                .hasMessageContaining("registry.school.renamed");
        // refused in the transaction that would have recorded it: neither processed nor journaled
        assertThat(count("SELECT count(*) FROM processed_event WHERE event_id = '" + unknown.id() + "'")).isZero();
        assertThat(count("SELECT count(*) FROM received_event WHERE event_id = '" + unknown.id() + "'")).isZero();
    }

    private static long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(SuiteInfrastructure.jdbcUrl(), "postgres", "");
                PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
