package cn.eduduty.runtime.audit;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.eduduty.runtime.security.RegionCode;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a request id (the caller's {@code X-Request-Id} when it is a plain token of
 * at most 64 characters, else a new UUID), returned in the {@code X-Request-Id} response header and
 * set as the request's own header for the layers behind (the log context, {@code RequestLogContext});
 * and when an {@code /api} request ends as a write (POST, PUT, PATCH, DELETE) or a refusal (401,
 * 403, 429), hands its audit record to the {@link AuditTrail}. A 401's token is not trusted, so
 * its subject is {@code anonymous}.
 */
@Singleton
public class AuditRoute {

    public static final String HEADER = "X-Request-Id";
    static final String REQUEST_ID = "eduduty.request-id";

    private static final Set<HttpMethod> WRITES = Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH,
            HttpMethod.DELETE);
    private static final Set<Integer> REFUSALS = Set.of(401, 403, 429);
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern REGION_SEGMENT = Pattern.compile("\\d{6}|\\d{9}");

    private final AuditTrail trail;

    AuditRoute(AuditTrail trail) {
        this.trail = trail;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String given = ctx.request().getHeader(HEADER);
        String requestId = given != null && SAFE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
        ctx.put(REQUEST_ID, requestId);
        // what the caller sent, or the id given in its place: the REST layer's log context reads it here
        ctx.request().headers().set(HEADER, requestId);
        ctx.response().putHeader(HEADER, requestId);
        // the path as routing sees it (percent-decoded, dot segments removed): /%61pi/… and /./api/… are /api/…
        String path = ctx.normalizedPath();
        if (path != null && path.startsWith("/api/")) {
            Instant at = Instant.now();
            ctx.addEndHandler(done -> {
                int status = ctx.response().getStatusCode();
                if (WRITES.contains(ctx.request().method()) || REFUSALS.contains(status)) {
                    trail.record(record(ctx, at, requestId, path, status));
                }
            });
        }
        ctx.next();
    }

    private static AuditRecord record(RoutingContext ctx, Instant at, String requestId, String path, int status) {
        String subject = AuditRecord.ANONYMOUS;
        String roles = null;
        String region = null;
        SecurityIdentity identity = ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        if (status != 401 && identity != null && !identity.isAnonymous()) {
            subject = cap(identity.getPrincipal().getName(), 200);
            roles = identity.getRoles().isEmpty() ? null : cap(String.join(",", new TreeSet<>(identity.getRoles())), 200);
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                Object claim = token.getClaim("region");
                String text = claim instanceof String string ? string
                        : claim instanceof JsonString json ? json.getString() : null;
                region = RegionCode.isValid(text) ? text : null;
            }
        }
        String created = status == 201 ? ctx.response().headers().get("Location") : null;
        return new AuditRecord(at, requestId, subject == null ? AuditRecord.ANONYMOUS : subject, roles, region,
                ctx.request().method().name(), cap(path, 500), resourceId(path, created), targetRegion(path), status);
    }

    /** The created resource's id (a 201's Location), else the path's last segment holding a digit. */
    static String resourceId(String path, String location) {
        String from = location != null ? location : path;
        String[] segments = from.split("/");
        for (int i = segments.length - 1; i >= 0; i--) {
            String s = segments[i];
            if (s.chars().anyMatch(Character::isDigit) && !s.matches("v\\d+")) {
                return cap(s, 200);
            }
        }
        return null;
    }

    /** The first GB/T 2260 code in the path: whose data the request addressed. */
    static String targetRegion(String path) {
        for (String s : path.split("/")) {
            if (REGION_SEGMENT.matcher(s).matches() && RegionCode.isValid(s)) {
                return s;
            }
        }
        return null;
    }

    private static String cap(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
