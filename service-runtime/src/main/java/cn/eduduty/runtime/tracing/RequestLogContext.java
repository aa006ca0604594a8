package cn.eduduty.runtime.tracing;

import java.security.Principal;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.RegionPathGuard;
import cn.eduduty.runtime.security.TokenClaimsCheck;

/**
 * Puts who and what a request is about into the log context (MDC), so every line written while
 * the request runs carries it (next to OpenTelemetry's {@code traceId} and {@code spanId}): the
 * request id ({@value #HEADER} as the caller sent it, else a new one, echoed in the response),
 * the token's subject, and the region (the one the path addresses, else the token's). Quarkus keeps
 * the MDC per request, so nothing leaks into the next request on the same thread.
 */
public class RequestLogContext {

    public static final String HEADER = "X-Request-Id";
    public static final String REQUEST_ID = "requestId";
    public static final String SUBJECT = "subject";
    public static final String REGION = "region";

    /** A caller's request id is used only if it is short and plain; anything else gets a new one. */
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    @ServerRequestFilter(preMatching = true)
    public void identifyRequest(ContainerRequestContext request) {
        String sent = request.getHeaderString(HEADER);
        String id = sent != null && ACCEPTED.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
        request.setProperty(REQUEST_ID, id);
        MDC.put(REQUEST_ID, id);
        String addressed = RegionPathGuard.addressedRegion(request.getUriInfo().getPath());
        if (addressed != null) {
            MDC.put(REGION, addressed);
        }
    }

    @ServerRequestFilter
    public void identifyCaller(ContainerRequestContext request) {
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            return; // anonymous, or refused with 401 before this point
        }
        if (token.getSubject() != null) {
            MDC.put(SUBJECT, token.getSubject());
        }
        if (MDC.get(REGION) == null) {
            Object claim = TokenClaimsCheck.region(token);
            String own = claim instanceof String s ? s : claim instanceof JsonString j ? j.getString() : null;
            if (RegionCode.isValid(own)) {
                MDC.put(REGION, own);
            }
        }
    }

    @ServerResponseFilter
    public void echoRequestId(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(REQUEST_ID) instanceof String id) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
