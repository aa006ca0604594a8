package cn.eduduty.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.eduduty.console.web.Labels;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is signed in, for this request: the bearer token the console forwards to the services, and
 * the role and region it names. The token comes from the identity provider's session (production)
 * or from the local sign-in cookie (the local sign-in page, {@code SignInResource}).
 *
 * <p>The console decides nothing from these claims but which pages to offer: every call is
 * authorised by the service it reaches, which verifies the token itself. A forged cookie therefore
 * shows a page whose every call is refused (401), and the console sends the user to sign in.
 */
@RequestScoped
@Named("consoleUser")
public class ConsoleUser {

    /** The local sign-in cookie: the token, HttpOnly, SameSite=Strict. */
    public static final String COOKIE = "eduduty_console";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RoutingContext request;

    @Inject
    SecurityIdentity identity;

    private Optional<Claims> claims;

    /** The token's claims this console uses. */
    public record Claims(String token, String subject, String role, String region) {
        public boolean editor() {
            return role.equals("county-editor");
        }

        public boolean reviewer() {
            return role.equals("prefecture-reviewer");
        }

        /** The role as the pages name it. */
        public String roleName() {
            return Labels.role(role);
        }
    }

    /** The signed-in user, or empty when nobody is. */
    public Optional<Claims> current() {
        if (claims == null) {
            claims = token().flatMap(ConsoleUser::parse);
        }
        return claims;
    }

    /** The signed-in user or null: for the pages' header ({@code cdi:consoleUser.me}). */
    public Claims me() {
        return current().orElse(null);
    }

    /** The signed-in user; {@link NotSignedIn} (which sends the browser to sign in) when nobody is. */
    public Claims require() {
        return current().orElseThrow(NotSignedIn::new);
    }

    private Optional<String> token() {
        if (identity != null && !identity.isAnonymous()) {
            AccessTokenCredential access = identity.getCredential(AccessTokenCredential.class);
            if (access != null) {
                return Optional.of(access.getToken());
            }
        }
        Cookie cookie = request.request().getCookie(COOKIE);
        return cookie == null || cookie.getValue().isBlank() ? Optional.empty() : Optional.of(cookie.getValue());
    }

    /** Reads the claims of a JWT without verifying it (the services verify it on every call). */
    static Optional<Claims> parse(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode body = JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            String role = body.path("groups").isArray() && body.path("groups").size() == 1
                    ? body.path("groups").get(0).asText() : "";
            String region = body.path("region").asText("");
            if (role.isEmpty() || !region.matches("\\d{6}|\\d{9}")) {
                return Optional.empty();
            }
            String subject = body.path("upn").asText(body.path("sub").asText(""));
            return Optional.of(new Claims(token, subject, role, region));
        } catch (IllegalArgumentException | IOException e) {
            return Optional.empty();
        }
    }

    /** Thrown where a page needs a user and there is none. */
    public static final class NotSignedIn extends RuntimeException {
        public NotSignedIn() {
            super("not signed in", null, false, false);
        }
    }
}
