package cn.eduduty.console.web;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The browser-facing defences of a site that signs in with a cookie: a form may be posted only from
 * the console's own pages (the cookie is SameSite=Strict as well), and every answer carries a
 * content security policy with no inline script, no framing by others and no foreign origin.
 * A page that sets its own policy (the report preview, whose HTML carries its own styles) keeps it.
 */
public class BrowserSafety {

    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    static final String POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            + "form-action 'self'; frame-ancestors 'self'; base-uri 'none'; object-src 'none'";

    @ServerRequestFilter
    public Response sameOrigin(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod())) {
            return null;
        }
        String site = request.getHeaderString("Sec-Fetch-Site");
        if (site != null && !site.equals("same-origin") && !site.equals("none")) {
            return Response.status(403).entity("请从控制台页面提交。").build();
        }
        String origin = request.getHeaderString("Origin");
        String host = request.getHeaderString("Host");
        // "null" is the origin of a sandboxed frame or a privacy-redirected form: never one of ours
        if (origin != null && (origin.equals("null") || host != null && !origin.replaceFirst("^https?://", "").equals(host))) {
            return Response.status(403).entity("请从控制台页面提交。").build();
        }
        return null;
    }

    @ServerResponseFilter
    public void headers(ContainerResponseContext response) {
        response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
        response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        if (!response.getHeaders().containsKey("Content-Security-Policy")) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
        }
        if (!response.getHeaders().containsKey("Cache-Control")) {
            response.getHeaders().putSingle("Cache-Control", "no-store");
        }
    }
}
