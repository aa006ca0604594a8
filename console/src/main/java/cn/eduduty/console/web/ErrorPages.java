package cn.eduduty.console.web;

import java.net.URI;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import cn.eduduty.console.ConsoleUser;
import cn.eduduty.console.api.Problem;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What a page shows when it cannot be built: the sign-in page when nobody is signed in or the
 * services refuse the token (expired, forged), otherwise the service's problem title and detail
 * with its status.
 */
public class ErrorPages {

    @CheckedTemplate(basePath = "")
    static class Templates {
        static native TemplateInstance error(Problem problem);
    }

    @ServerExceptionMapper
    public Response notSignedIn(ConsoleUser.NotSignedIn e) {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    @ServerExceptionMapper({ cn.eduduty.console.api.indicator.ApiException.class,
            cn.eduduty.console.api.registry.ApiException.class, cn.eduduty.console.api.funding.ApiException.class,
            cn.eduduty.console.api.report.ApiException.class })
    public Response serviceRefused(Exception e) {
        return page(Problem.of(e));
    }

    /** A service that could not be reached, or whose answer a hand-written client got wrapped. */
    @ServerExceptionMapper
    public Response unreachable(ProcessingException e) {
        return page(Problem.of(e));
    }

    /** A page for {@code problem}; a refused token sends the browser to sign in again. */
    public static Response page(Problem problem) {
        if (problem.status() == 401) {
            return Response.seeOther(URI.create("/sign-in?expired=1")).build();
        }
        return Response.status(problem.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(problem)).build();
    }
}
