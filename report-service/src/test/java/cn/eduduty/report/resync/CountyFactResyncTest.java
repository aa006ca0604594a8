package cn.eduduty.report.resync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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
 * resources 404), so only the county-fact part of the rebuild is exercised here; the whole rebuild
 * against the running services is SuiteEndToEndIT's.
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

    HttpServer owners;

    @BeforeEach
    void owners() throws IOException {
        owners = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        owners.createContext("/", this::answer);
        owners.start();
    }

    @AfterEach
    void stop() {
        owners.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String base = "/api/v1/counties/" + COUNTY;
        String body;
        if (path.equals(base + "/senior-entrance")) {
            body = page("""
                    {"regionCode":"980301","year":2019,"juniorGraduates":3120,"examTakers":null,"generalEntrants":1620,
                     "vocationalEntrantsInCounty":780,"vocationalEntrantsOutOfCounty":410,"generalEnrolmentPlan":1650,
                     "recordedBy":"county-editor@980301","version":2}""");
        } else if (path.equals(base + "/teacher-recruitment")) {
            body = page("""
                    {"regionCode":"980301","year":2017,"recruited":120,"ruralRecruited":80,"recordedBy":"x","version":0},
                    {"regionCode":"980301","year":2018,"recruited":95,"ruralRecruited":70,"recordedBy":"x","version":1}""");
        } else if (path.equals(base + "/training-institutions")) {
            body = page("""
                    {"regionCode":"980301","year":2019,"kinds":[{"kind":"SUBJECT","atStart":40,"atEnd":6,"approved":0,
                     "rectified":12,"closed":34}],"inspections":24,"complaintsHandled":null,"recordedBy":"x","version":0}""");
        } else if (path.matches("/api/v1/regions/\\d+(/ancestors)?") || path.contains("/population/")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        } else {
            body = page("");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static String page(String items) {
        long count = items.isBlank() ? 0 : items.split("\"regionCode\"").length - 1;
        return "{\"items\":[" + items + "],\"page\":0,\"size\":500,\"totalItems\":" + count + "}";
    }

    @Test
    void readsTheCountysFactsFromTheRegistryIntoTheReadModel() {
        String url = "http://127.0.0.1:" + owners.getAddress().getPort();
        ResyncService resync = new ResyncService(projector, em, lag, url, url, url);
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
