package cn.eduduty.runtime.security;

import java.security.Principal;
import java.util.Set;

import jakarta.json.JsonString;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import cn.eduduty.runtime.problem.ProblemResponses;
import cn.eduduty.runtime.problem.ProblemType;

/**
 * Refuses a write to a region-addressed path ({@code /counties/{code}/...}, {@code
 * /regions/{code}/...}) outside the token's region before the body is read or validated, so a
 * caller of another region learns nothing from a 400 about the body. Every write's own access check
 * requires the same, so this only answers earlier; the detail names no region.
 */
public class RegionPathGuard {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @ServerRequestFilter
    public Response refuseForeignRegionWrites(ContainerRequestContext request) {
        if (!WRITES.contains(request.getMethod())) {
            return null;
        }
        String addressed = addressedRegion(request.getUriInfo().getPath());
        if (addressed == null) {
            return null;
        }
        Principal principal = request.getSecurityContext().getUserPrincipal();
        if (!(principal instanceof JsonWebToken token)) {
            return null; // no identity: the endpoint's own checks answer 401
        }
        Object claim = token.getClaim("region");
        String own = claim instanceof String s ? s : claim instanceof JsonString j ? j.getString() : null;
        if (!RegionCode.isValid(own) || RegionCode.within(addressed, own)) {
            return null; // a missing or malformed region is the access check's to refuse
        }
        return ProblemResponses.response(ProblemType.FORBIDDEN,
                "The token's region does not cover this resource", "/" + request.getUriInfo().getPath().replaceFirst("^/", ""));
    }

    /** The region code right after {@code counties} or {@code regions} in the path, if any. */
    public static String addressedRegion(String path) {
        String[] segments = path.split("/");
        for (int i = 0; i + 1 < segments.length; i++) {
            if ((segments[i].equals("counties") || segments[i].equals("regions")) && RegionCode.isValid(segments[i + 1])) {
                return segments[i + 1];
            }
        }
        return null;
    }
}
