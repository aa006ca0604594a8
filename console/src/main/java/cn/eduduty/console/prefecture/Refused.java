package cn.eduduty.console.prefecture;

import jakarta.ws.rs.ProcessingException;

import cn.eduduty.console.api.Problem;

/**
 * The problem of a failed service call, also when it arrives wrapped: the four generated
 * {@code ApiExceptionMapper}s are global providers, so a client may be answered by another
 * service's mapper, whose checked exception its method does not declare; the client then throws a
 * ProcessingException with that ApiException as the cause.
 */
final class Refused {

    private Refused() {
    }

    static Problem problem(Exception e) {
        return Problem.of(e instanceof ProcessingException && e.getCause() instanceof Exception cause ? cause : e);
    }
}
