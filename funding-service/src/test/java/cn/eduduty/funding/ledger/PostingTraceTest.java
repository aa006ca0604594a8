package cn.eduduty.funding.ledger;

import static cn.eduduty.testsupport.Api.COUNTY_EDITOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import cn.eduduty.contracts.EventTypes;
import cn.eduduty.contracts.Topics;
import cn.eduduty.testsupport.Api;
import cn.eduduty.testsupport.EventAssertions;
import cn.eduduty.testsupport.SuiteInfrastructure;
import cn.eduduty.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A posting's event carries the trace of the request that booked it, in the envelope's
 * {@code traceparent} and the Kafka record's header, for report-service to continue.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class PostingTraceTest {

    @Test
    void aBookedPostingsEventCarriesTheTraceOfTheRequestThatBookedIt() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String callerSpan = "b7ad6b7169203331";
        try (TopicReader reader = TopicReader.fromNow(Topics.FUNDING)) {
            String id = Api.as(COUNTY_EDITOR, "990209").header("Idempotency-Key", "traced-1")
                    .header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .body(LedgerResourceTest.publicFunds("记-T1", "2025-05-06", "1200"))
                    .post("/api/v1/counties/990209/postings").then().statusCode(201).extract().path("id");

            TopicReader.Received event = reader.await(TopicReader.subject(id), 1, Duration.ofSeconds(30)).get(0);
            EventAssertions.assertMatchesGoldenSample(event, EventTypes.POSTING_BOOKED, "/funding-service");
            assertThat(event.traceparent()).as("the record's header").matches("00-" + traceId + "-[0-9a-f]{16}-01")
                    .doesNotContain(callerSpan); // the parent is funding-service's span of the request
            assertThat(event.event().traceparent()).as("the envelope's attribute").isEqualTo(event.traceparent());
        }
    }
}
