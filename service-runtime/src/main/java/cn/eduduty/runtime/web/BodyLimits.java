package cn.eduduty.runtime.web;

import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.runtime.problem.Problem;
import cn.eduduty.runtime.problem.ProblemResponses;
import cn.eduduty.runtime.problem.ProblemType;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Bounds request bodies before anything reads them: a CSV or XLSX body (the registry's imports) to
 * {@code quarkus.http.limits.max-body-size}, any other body (JSON, or one whose type is missing or a
 * wildcard, which a JSON method would still parse) to {@code eduduty.http.max-json-body} (1 MiB). A declared length over the bound is answered at
 * once with a 413 problem, ahead of every route, so no worker thread, buffer or parser is spent on
 * it. Any but a spreadsheet body sent without a length (chunked) is read here up to its bound,
 * which Quarkus REST then takes as the body; past the bound it is a 413 problem too. (A spreadsheet
 * sent without a length is bounded by Quarkus itself, whose 413 has no body.)
 */
@ApplicationScoped
public class BodyLimits {

    /** Runs ahead of the REST routes and of Quarkus' own body handling. */
    static final int ORDER = -1_000;

    /** Beyond its bound, at most this much of a refused body is read and dropped; more closes the connection. */
    static final long MAX_DISCARDED = 128L * 1024 * 1024;

    private final long maxJsonBody;
    private final long maxBody;
    private final ObjectMapper mapper;

    BodyLimits(@ConfigProperty(name = "eduduty.http.max-json-body", defaultValue = "1M") MemorySize maxJsonBody,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody,
            ObjectMapper mapper) {
        this.maxJsonBody = maxJsonBody.asLongValue();
        this.maxBody = maxBody.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        BodyHandler chunkedJson = BodyHandler.create(false).setBodyLimit(Math.min(maxJsonBody, maxBody));
        router.route().order(ORDER).handler(context -> check(context, chunkedJson)).failureHandler(context -> {
            if (context.statusCode() == 413 && !context.response().headWritten()) {
                refuse(context, -1, limitFor(context.request().getHeader(HttpHeaders.CONTENT_TYPE)));
            } else {
                context.next();
            }
        });
    }

    /**
     * The bound for a body of this media type: the large one only for a spreadsheet upload, every
     * other body (JSON, and a body without a type or with a wildcard, which Quarkus REST hands to a
     * JSON method as JSON) the JSON bound.
     */
    public long limitFor(String contentType) {
        return isSpreadsheet(contentType) ? maxBody : Math.min(maxJsonBody, maxBody);
    }

    /** CSV or XLSX, the media types of imports (the only bodies that may be larger than JSON's bound). */
    static boolean isSpreadsheet(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.toLowerCase(Locale.ROOT);
        int semicolon = type.indexOf(';');
        type = (semicolon < 0 ? type : type.substring(0, semicolon)).trim();
        return type.equals("text/csv") || type.equals("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    }

    private void check(RoutingContext context, BodyHandler chunkedJson) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null && context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING)
                && !isSpreadsheet(context.request().getHeader(HttpHeaders.CONTENT_TYPE))) {
            chunkedJson.handle(context);
            return;
        }
        if (declared != null) {
            long length;
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                length = -1;
            }
            long limit = limitFor(context.request().getHeader(HttpHeaders.CONTENT_TYPE));
            if (length > limit) {
                refuse(context, length, limit);
                return;
            }
        }
        context.next();
    }

    private void refuse(RoutingContext context, long length, long limit) {
        Problem problem = ProblemResponses.problem(ProblemType.CONTENT_TOO_LARGE,
                (length < 0 ? "The request body has more than " + limit + " bytes" : "The request body has " + length
                        + " bytes") + "; this endpoint accepts at most " + limit,
                context.request().path(), List.of(new Problem.Violation("body", "at most " + limit + " bytes")));
        String json;
        try {
            json = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(413).putHeader(HttpHeaders.CONTENT_TYPE, ProblemResponses.MEDIA_TYPE);
        var request = context.request();
        if (length >= 0 && length - limit <= MAX_DISCARDED && !request.isEnded()) {
            // a client writes its whole body before it reads the answer: the rest is read and
            // dropped (never held), so it gets the 413 rather than a broken connection
            request.handler(ignored -> {
            });
            request.resume();
        } else {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(json);
    }
}
