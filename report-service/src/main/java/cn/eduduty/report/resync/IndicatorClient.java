package cn.eduduty.report.resync;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * What a resync reads from indicator-service: a county's self-evaluations with their choices, their
 * ratings, and the frameworks they follow. Checked against indicator-service's OpenAPI document
 * (OwnerContractTest).
 */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
interface IndicatorClient {

    @GET
    @Path("/self-evaluations")
    Page<SelfEvaluation> selfEvaluations(@QueryParam("region") String region, @QueryParam("page") int page,
            @QueryParam("size") int size);

    @GET
    @Path("/self-evaluations/{id}/ratings")
    List<Rating> ratings(@PathParam("id") UUID selfEvaluation);

    @GET
    @Path("/frameworks/{id}")
    Framework framework(@PathParam("id") UUID id);

    /** A self-evaluation; {@code signing} is absent until the county recorded what it signs. */
    record SelfEvaluation(UUID id, UUID frameworkId, int year, String status, String createdBy, String approvedBy,
            long version, Signing signing) {
    }

    record Signing(String signingAuthority, LocalDate signingDate, List<NotablePractice> notablePractices,
            List<ImprovementMeasure> improvementMeasures, String recordedBy) {

        record NotablePractice(String title, String indicatorCode, String text) {
        }

        record ImprovementMeasure(String text, String indicatorCode, String checkCode, String checkSubject) {
        }
    }

    record Rating(String indicatorCode, String rating, String narrative, List<Evidence> evidence, String problem,
            String improvement, String recordedBy) {

        record Evidence(String title, String uri, String figureKey) {
        }
    }

    record Framework(UUID id, String code, String name, int evaluationYear, String issuer, String regionCode,
            String status, Instant publishedAt, String publishedBy, List<Indicator> indicators) {

        record Indicator(String code, int level, String title, String criteria, int displayOrder, Metric metric) {
        }

        record Metric(String key, String comparator, BigDecimal threshold, String unit) {
        }
    }
}
