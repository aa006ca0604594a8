package cn.eduduty.runtime.web;

import java.net.URI;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import cn.eduduty.runtime.problem.ProblemException;
import cn.eduduty.runtime.problem.ProblemType;

/**
 * Optimistic concurrency over HTTP: a resource's {@code @Version} is its ETag, and a write that
 * replaces an existing resource must quote it in {@code If-Match}.
 */
public final class Versions {

    private Versions() {
    }

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The answer to a PUT that creates or replaces: 201 with {@code Location} when it created, 200
     * when it replaced, the entity and its version as ETag either way.
     */
    public static Response saved(boolean created, String location, Object entity, long version) {
        Response.ResponseBuilder response = created
                ? Response.created(URI.create(location))
                : Response.ok();
        return response.entity(entity).tag(etag(version)).build();
    }

    /**
     * Checks {@code If-Match} for a PUT whose target does not exist yet: it creates only without
     * one. Any {@code If-Match}, {@code *} included, fails with 412 (RFC 9110 §13.1.1: no current
     * representation matches), so a client that meant to replace never creates by mistake.
     */
    public static void requireNoMatch(String ifMatch, String what) {
        if (ifMatch != null && !ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " names a version, but " + what + " does not exist yet");
        }
    }

    /** Checks {@code If-Match} against the current version: 428 when absent, 412 when stale. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ProblemException(ProblemType.PRECONDITION_REQUIRED,
                    "Replacing an existing resource needs If-Match with its current ETag");
        }
        String quoted = "\"" + currentVersion + "\"";
        boolean matches = ifMatch.trim().equals("*");
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim().replaceFirst("^W/", "");
            matches |= tag.equals(quoted) || tag.equals(Long.toString(currentVersion));
        }
        if (!matches) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED,
                    "If-Match " + ifMatch + " is stale; the current ETag is " + quoted);
        }
    }
}
