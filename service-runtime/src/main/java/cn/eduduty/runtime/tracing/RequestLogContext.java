package cn.eduduty.runtime.tracing;

import java.security.Principal;

import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.eduduty.runtime.audit.AuditRoute;
import cn.eduduty.runtime.security.RegionCode;
import cn.eduduty.runtime.security.RegionPathGuard;
import cn.eduduty.runtime.security.TokenClaimsCheck;

/**
 * Puts who and what a request is about into the log context (MDC), so every line written while
 * the request runs carries it (next to OpenTelemetry's {@code traceId} and {@code spanId}): the
 * request id ({@link AuditRoute}'s, echoed in the response: {@value #HEADER} as the caller sent it,
 * else a new one),
 * the token's subject, and the region (the one the path addresses, else the token's). Quarkus keeps
 * the MDC per request, so nothing leaks into the next request on the same thread.
 */
public class RequestLogContext {

    public static final String HEADER = AuditRoute.HEADER;
    public static final String REQUEST_ID = "requestId";
    public static final String SUBJECT = "subject";
    public static final String REGION = "region";

    @ServerRequestFilter(preMatching = true)
    public void identifyRequest(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER); // AuditRoute's: the caller's if plain, else a new one
        if (id != null) {
            MDC.put(REQUEST_ID, id);
        }
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
}
