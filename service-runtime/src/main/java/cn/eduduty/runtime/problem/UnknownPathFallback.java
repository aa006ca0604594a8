package cn.eduduty.runtime.problem;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Answers requests that no resource, health, metrics or OpenAPI route took with a 404 problem,
 * instead of the HTTP layer's plain-text page.
 */
@Singleton
public class UnknownPathFallback {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            Problem problem = ProblemResponses.problem(ProblemType.NOT_FOUND,
                    "No resource at " + ctx.request().path(), ctx.request().path(), List.of());
            ctx.response().setStatusCode(404)
                    .putHeader("Content-Type", ProblemResponses.MEDIA_TYPE)
                    .end(Json.encode(problem));
        });
    }
}
