package cn.eduduty.runtime.problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import cn.eduduty.runtime.security.TokenClaimsCheck;

/**
 * The one mapping from exceptions to RFC 9457 problem details, shared by every service. Never
 * puts a Java class name or a stack trace in a response: unexpected errors are logged with a
 * reference that the answer quotes.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = ProblemResponses.response(e.type(), e.getMessage(), path(uri), e.violations());
        if (e.retryAfterSeconds() > 0) {
            return Response.fromResponse(response).header("Retry-After", Long.toString(e.retryAfterSeconds())).build();
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(field(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return ProblemResponses.response(ProblemType.INVALID_REQUEST,
                violations.size() + " invalid field(s)", path(uri), violations);
    }

    @ServerExceptionMapper({ JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response malformed(JsonProcessingException e, UriInfo uri) {
        List<Problem.Violation> violations = List.of();
        String detail = "The request body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            String message = e instanceof UnrecognizedPropertyException ? "unknown field"
                    : "has the wrong type or format";
            violations = List.of(new Problem.Violation(field, message));
            detail = "The request body does not match the expected shape at " + field;
        }
        return ProblemResponses.response(ProblemType.MALFORMED_BODY, detail, path(uri), violations);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        // a signed token whose claims break a rule (TokenClaimsCheck): the caller learns which rule
        String refusal = e instanceof AuthenticationFailedException failed
                && failed.getAttribute(TokenClaimsCheck.REFUSAL) instanceof String r ? r : null;
        return ProblemResponses.response(ProblemType.UNAUTHENTICATED,
                refusal != null ? refusal : "A valid bearer token is required", path(uri));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.response(ProblemType.FORBIDDEN,
                "The token's role or region does not allow this request", path(uri));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformed(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e.getCause() instanceof IllegalArgumentException) {
            // Quarkus REST answers a query or path parameter it cannot convert (enum, UUID, number) with 404
            return ProblemResponses.response(ProblemType.INVALID_REQUEST,
                    "A parameter has the wrong type or value: " + safe(e.getCause().getMessage()), path(uri));
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 412 -> ProblemType.PRECONDITION_FAILED;
            case 413 -> ProblemType.CONTENT_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ProblemType.UNAVAILABLE;
            default -> status >= 500 ? ProblemType.INTERNAL : ProblemType.INVALID_REQUEST;
        };
        String detail = switch (type) {
            case NOT_FOUND -> "No resource at " + path(uri);
            case METHOD_NOT_ALLOWED -> "This resource does not support that method";
            case NOT_ACCEPTABLE -> "None of the accepted media types can be produced";
            case UNSUPPORTED_MEDIA_TYPE -> "The request body's media type is not supported";
            case CONTENT_TOO_LARGE -> "The request body is larger than this endpoint accepts";
            case INTERNAL -> "The request could not be completed";
            default -> "The request could not be processed";
        };
        return ProblemResponses.response(type, detail, path(uri));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return ProblemResponses.response(ProblemType.PRECONDITION_FAILED,
                        "The resource was changed by someone else; fetch it again and retry", path(uri));
            }
            if (t instanceof ProblemException p) {
                return problem(p, uri);
            }
            if (t instanceof ConstraintViolationException c) {
                return invalid(c, uri);
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                // two writers raced past a uniqueness check; the loser learns it conflicts
                return ProblemResponses.response(ProblemType.CONFLICT,
                        "The resource already exists or was just created by another request", path(uri));
            }
        }
        String reference = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", reference, path(uri));
        return ProblemResponses.response(ProblemType.INTERNAL,
                "The request could not be completed (reference " + reference + ")", path(uri));
    }

    /** A converter's message, without class names. */
    private static String safe(String message) {
        if (message == null) {
            return "not accepted";
        }
        String first = message.lines().findFirst().orElse("");
        return first.replaceAll("[a-z]+(\\.[a-z0-9_]+)+\\.[A-Z][A-Za-z0-9_$]*", "").trim();
    }

    static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }

    static String field(Path path) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // an element of a list or map: its index belongs to the enclosing property
                if (node.isInIterable() && !properties.isEmpty()) {
                    Object at = node.getIndex() != null ? node.getIndex() : node.getKey();
                    if (at != null) {
                        int last = properties.size() - 1;
                        properties.set(last, properties.get(last) + "[" + at + "]");
                    }
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    properties.add(node.getName());
                }
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        return parameter == null ? path.toString() : parameter;
    }

    static String jsonPath(List<JsonMappingException.Reference> references) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
