package cn.eduduty.report.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.eduduty.report.figures.CountyFacts;
import cn.eduduty.report.figures.CountyFactsInputs;
import cn.eduduty.report.position.ReadModelLag;
import cn.eduduty.report.readmodel.ReadModelProjector;
import cn.eduduty.testsupport.SuiteInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A resync reads the county's own facts from the registry's list endpoints into the read model. The
 * owners are a stand-in HTTP server answering the registry's shapes (every other list empty, single
 * resources 404), so only the county-fact part of the rebuild is exercised here; a whole county is
 * OwnerResyncTest's, and against the running services SuiteEndToEndIT's.
 */
@QuarkusTest
@WithTestResource(SuiteInfrastructure.class)
class CountyFactResyncTest {

    private static final String COUNTY = "980301";

    @Inject
    ReadModelProjector projector;

    @Inject
    EntityManager em;

    @Inject
    ReadModelLag lag;

    @Inject
    CountyFactsInputs inputs;

    @Inject
    ResyncQueries queries;

    OwnerStandIn owners;

    @BeforeEach
    void owners() throws IOException {
        String base = "/api/v1/counties/" + COUNTY;
        owners = OwnerStandIn.start()
                .list(base + "/senior-entrance", List.of("""
                        {"regionCode":"980301","year":2019,"juniorGraduates":3120,"examTakers":null,"generalEntrants":1620,
                         "vocationalEntrantsInCounty":780,"vocationalEntrantsOutOfCounty":410,"generalEnrolmentPlan":1650,
                         "recordedBy":"county-editor@980301","version":2}"""))
                .list(base + "/teacher-recruitment", List.of("""
                        {"regionCode":"980301","year":2017,"recruited":120,"ruralRecruited":80,"recordedBy":"x","version":0}""",
                        """
                        {"regionCode":"980301","year":2018,"recruited":95,"ruralRecruited":70,"recordedBy":"x","version":1}"""))
                .list(base + "/training-institutions", List.of("""
                        {"regionCode":"980301","year":2019,"kinds":[{"kind":"SUBJECT","atStart":40,"atEnd":6,"approved":0,
                         "rectified":12,"closed":34}],"inspections":24,"complaintsHandled":null,"recordedBy":"x","version":0}"""));
    }

    @AfterEach
    void stop() {
        owners.close();
    }

    @Test
    void readsTheCountysFactsFromTheRegistryIntoTheReadModel() {
        ResyncService resync = new ResyncService(projector, queries, lag, new OwnerClients(owners.config()));
        QuarkusTransaction.requiringNew().run(() -> resync.resync(COUNTY, "token", "test"));

        CountyFacts facts = inputs.read(COUNTY);
        assertThat(facts.entrance().get(2019).vocationalEntrantsOutOfCounty()).isEqualTo(410);
        assertThat(facts.entrance().get(2019).examTakers()).isNull();
        assertThat(facts.recruitment().keySet()).containsExactlyInAnyOrder(2017, 2018);
        assertThat(facts.training().get(2019).kinds().get("SUBJECT").closed()).isEqualTo(34);
        assertThat(version("senior-entrance", 2019)).isEqualTo(2);
        assertThat(List.of(version("teacher-recruitment", 2017), version("teacher-recruitment", 2018))).containsExactly(0L, 1L);
    }

    private long version(String kind, int year) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT version FROM rm_county_fact WHERE kind = :k AND region_code = :r AND year = :y")
                .setParameter("k", kind).setParameter("r", COUNTY).setParameter("y", year).getSingleResult()).longValue());
    }
}
