package cn.eduduty.runtime.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

/** Builds {@code application/problem+json} responses. */
public final class ProblemResponses {

    public static final String MEDIA_TYPE = "application/problem+json";

    private ProblemResponses() {
    }

    public static Problem problem(ProblemType type, String detail, String path, List<Problem.Violation> violations) {
        return new Problem(type.uri(), type.title(), type.status(), detail, path, violations);
    }

    public static Response response(ProblemType type, String detail, String path, List<Problem.Violation> violations) {
        Response.ResponseBuilder builder = Response.status(type.status())
                .type(MEDIA_TYPE)
                .entity(problem(type, detail, path, violations));
        if (type == ProblemType.UNAUTHENTICATED) {
            builder.header("WWW-Authenticate", "Bearer");
        }
        return builder.build();
    }

    public static Response response(ProblemType type, String detail, String path) {
        return response(type, detail, path, List.of());
    }
}
