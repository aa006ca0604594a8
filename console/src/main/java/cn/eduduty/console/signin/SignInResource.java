package cn.eduduty.console.signin;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import cn.eduduty.console.ConsoleConfig;
import cn.eduduty.console.ConsoleUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;

/**
 * Signing in and out. Production: {@code /oidc-sign-in} starts the identity provider's
 * authorization code flow (quarkus-oidc). Local (deploy/run): {@code /sign-in} lists the demo
 * accounts and signs a token for the one chosen with the launcher's key, kept in an HttpOnly,
 * SameSite=Strict cookie. The page says that it is for local use only.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(List<LocalAccount> accounts, boolean local, boolean oidc, boolean expired,
                String error);
    }

    @Inject
    ConsoleConfig config;

    @Inject
    ConsoleUser user;

    @ConfigProperty(name = "quarkus.oidc.tenant-enabled")
    boolean oidc;

    private volatile LocalTokens tokens;

    /** The sign-in page; {@code ?expired} (a service refused the token) says so and drops the stale cookie. */
    @GET
    @Path("sign-in")
    public Response page(@QueryParam("expired") String expired) {
        Response.ResponseBuilder page = Response.ok(Templates.signIn(accounts(), config.localSignIn().key().isPresent(), oidc,
                expired != null, null));
        return expired == null ? page.build() : page.cookie(cookie("", 0)).build();
    }

    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("account") String chosen) {
        if (config.localSignIn().key().isEmpty()) {
            return Response.status(404).entity(Templates.signIn(List.of(), false, oidc, false, "本机登录未启用。")).build();
        }
        Optional<LocalAccount> account = accounts().stream().filter(a -> a.key().equals(chosen)).findFirst();
        if (account.isEmpty()) {
            return Response.status(400).entity(Templates.signIn(accounts(), true, oidc, false, "请选择下列账号之一。")).build();
        }
        String token = tokens().mint(account.get());
        return Response.seeOther(URI.create("/")).cookie(cookie(token, (int) LocalTokens.VALIDITY.toSeconds())).build();
    }

    /** Starts (or ends) the identity provider's code flow, then goes home. */
    @GET
    @Path("oidc-sign-in")
    @Authenticated
    public Response oidcSignIn() {
        return Response.seeOther(URI.create("/")).build();
    }

    @POST
    @Path("sign-out")
    public Response signOut() {
        URI next = URI.create(oidc && config.localSignIn().key().isEmpty() ? "/sign-out/oidc" : "/sign-in");
        return Response.seeOther(next).cookie(cookie("", 0)).build();
    }

    private List<LocalAccount> accounts() {
        return config.localSignIn().key().isEmpty() ? List.of()
                : config.localSignIn().accounts().stream().map(LocalAccount::parse).toList();
    }

    private LocalTokens tokens() {
        if (tokens == null) {
            tokens = LocalTokens.from(config.localSignIn().key().orElseThrow());
        }
        return tokens;
    }

    static NewCookie cookie(String value, int maxAge) {
        return new NewCookie.Builder(ConsoleUser.COOKIE).value(value).path("/").httpOnly(true)
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
