package cn.eduduty.runtime.security;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Applies {@link TokenRules} once per request, as the token becomes the request's identity, so
 * it holds before any role check or resource method: a malformed token fails authentication
 * (401, like a bad signature), a token whose role does not fit its region becomes an identity
 * without roles, which every {@code @RolesAllowed} refuses (403). Requests that need no identity
 * (OpenAPI, Swagger UI) never reach this.
 */
@ApplicationScoped
public class TokenClaimsCheck implements SecurityIdentityAugmentor {

    private static final Logger LOG = Logger.getLogger(TokenClaimsCheck.class);

    /** The identity attribute that says why a misfit token holds no roles. */
    public static final String MISFIT = "eduduty.token.misfit";

    /**
     * The attribute of the {@link AuthenticationFailedException} for a malformed token that says which
     * rule it broke, for the problem's detail.
     */
    public static final String REFUSAL = "eduduty.token.refusal";

    private final TokenConfig config;

    public TokenClaimsCheck(TokenConfig config) {
        this.config = config;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token)) {
            return Uni.createFrom().item(identity);
        }
        Optional<TokenRules.Refusal> refusal = TokenRules.check(region(token), token.getGroups(),
                seconds(token, "iat"), seconds(token, "exp"), config.maxLifetime());
        if (refusal.isEmpty()) {
            return Uni.createFrom().item(identity);
        }
        TokenRules.Refusal r = refusal.get();
        LOG.debugf("Token of %s refused: %s", token.getSubject(), r.reason());
        if (r.kind() == TokenRules.Kind.MALFORMED) {
            return Uni.createFrom().failure(new AuthenticationFailedException(r.reason(), Map.of(REFUSAL, r.reason())));
        }
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addAttribute(MISFIT, r.reason())
                .setAnonymous(false)
                .build());
    }

    /** The {@code region} claim as a String when the token holds a JSON string, else what it holds. */
    public static Object region(JsonWebToken token) {
        Object claim = token.getClaim("region");
        return claim instanceof JsonString s ? s.getString() : claim;
    }

    /** A numeric date claim, null when absent (the token API answers 0 for an absent one). */
    static Long seconds(JsonWebToken token, String name) {
        if (!token.containsClaim(name)) {
            return null;
        }
        Object claim = token.getClaim(name);
        if (claim instanceof JsonNumber n) {
            return n.longValue();
        }
        if (claim instanceof Number n) {
            return n.longValue();
        }
        return null;
    }
}
