package cn.eduduty.runtime.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * RFC 9457 problem details, the body of every error answer of every service. {@code type} is a
 * stable URN per kind of problem; {@code instance} is the request path; {@code violations} names
 * each invalid field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Stable identifier of the kind of problem", examples = "urn:eduduty:problem:invalid-request")
        String type,
        @Schema(description = "Short human summary of the kind of problem", examples = "请求参数无效 Invalid request")
        String title,
        @Schema(description = "HTTP status code", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request")
        String detail,
        @Schema(description = "The request path", examples = "/api/v1/regions/990101")
        String instance,
        @Schema(description = "One entry per invalid field")
        List<Violation> violations) {

    @Schema(name = "Violation", description = "An invalid field and why")
    public record Violation(
            @Schema(description = "Path of the field in the request", examples = "name") String field,
            @Schema(description = "What is wrong with it", examples = "must not be blank") String message) {
    }
}
