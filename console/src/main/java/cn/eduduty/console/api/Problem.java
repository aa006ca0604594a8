package cn.eduduty.console.api;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A service's refusal as the pages show it: the RFC 9457 problem's title and detail, and each
 * violation's message under the field it names ({@code rating}, {@code signingDate},
 * {@code notablePractices[0].title}...), so a form puts it next to that field.
 */
public record Problem(int status, String title, String detail, Map<String, String> fields) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Logger LOG = Logger.getLogger(Problem.class);

    /**
     * The pages' titles of the services' problem types. A problem's {@code type} is the stable part
     * of the contract; its {@code title} is an English summary of the type, and its detail and
     * field messages are the services' own.
     */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("urn:eduduty:problem:invalid-request", "填写的内容有误"),
            Map.entry("urn:eduduty:problem:malformed-body", "提交的内容格式不正确"),
            Map.entry("urn:eduduty:problem:unauthenticated", "登录已失效，请重新登录"),
            Map.entry("urn:eduduty:problem:forbidden", "您没有执行此操作的权限"),
            Map.entry("urn:eduduty:problem:not-found", "未找到所请求的内容"),
            Map.entry("urn:eduduty:problem:conflict", "数据已存在或刚被他人修改"),
            Map.entry("urn:eduduty:problem:precondition-failed", "数据已被他人修改，请刷新后重试"),
            Map.entry("urn:eduduty:problem:precondition-required", "缺少版本信息，请刷新后重试"),
            Map.entry("urn:eduduty:problem:content-too-large", "文件过大"),
            Map.entry("urn:eduduty:problem:unsupported-media-type", "不支持的文件类型"),
            Map.entry("urn:eduduty:problem:rule-violated", "不符合业务规则"),
            Map.entry("urn:eduduty:problem:too-many-requests", "操作过于频繁，请稍后再试"),
            Map.entry("urn:eduduty:problem:internal", "服务内部错误，请稍后再试"),
            Map.entry("urn:eduduty:problem:bad-gateway", "上游服务出错，请稍后再试"),
            Map.entry("urn:eduduty:problem:unavailable", "服务暂时无法访问，请稍后再试"));

    /** The problem a generated client's {@link Response} carries; a plain one when the body is not a problem. */
    public static Problem of(Response response) {
        int status = response.getStatus();
        String body;
        try {
            response.bufferEntity();
            body = response.readEntity(String.class);
        } catch (RuntimeException e) {
            body = "";
        }
        try {
            JsonNode problem = JSON.readTree(body == null ? "" : body);
            if (problem != null && problem.hasNonNull("title")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (JsonNode v : problem.path("violations")) {
                    fields.merge(v.path("field").asText(""), v.path("message").asText(""), (a, b) -> a + "；" + b);
                }
                String title = TITLES.getOrDefault(problem.path("type").asText(""), problem.path("title").asText());
                return new Problem(status, title, problem.path("detail").asText(null), fields);
            }
        } catch (IOException e) {
            // not JSON: fall through
        }
        return new Problem(status, fallbackTitle(status), null, Map.of());
    }

    /**
     * The problem of a client call that failed: a service's answer (each generated client has its
     * own {@code ApiException}), or a service that could not be reached.
     */
    public static Problem of(Exception e) {
        if (e instanceof ProcessingException p && p.getCause() instanceof Exception cause && cause != e) {
            // every generated client's exception mapper is a global provider, so a client may be
            // answered by another client's mapper, whose ApiException it then wraps in this
            return of(cause);
        }
        Response answer = null;
        if (e instanceof cn.eduduty.console.api.indicator.ApiException a) {
            answer = a.getResponse();
        } else if (e instanceof cn.eduduty.console.api.registry.ApiException a) {
            answer = a.getResponse();
        } else if (e instanceof cn.eduduty.console.api.funding.ApiException a) {
            answer = a.getResponse();
        } else if (e instanceof cn.eduduty.console.api.report.ApiException a) {
            answer = a.getResponse();
        } else if (e instanceof WebApplicationException w) {
            answer = w.getResponse();
        }
        if (answer != null) {
            return of(answer);
        }
        // which host or class failed is for the log, not the page
        LOG.warnf("a service could not be reached: %s", e.toString());
        return new Problem(503, "服务暂时无法访问，请稍后再试", null, Map.of());
    }

    private static String fallbackTitle(int status) {
        return switch (status) {
            case 401 -> "登录已失效，请重新登录";
            case 403 -> "您没有执行此操作的权限";
            case 404 -> "未找到所请求的内容";
            case 409, 412 -> "数据已被他人修改，请刷新后重试";
            default -> "服务返回错误（HTTP " + status + "）";
        };
    }

    /**
     * This refusal of a stale form (412) as the form shows it once it carries the version stored
     * now: the user's text is kept, and saving again is a deliberate overwrite, not a loop of 412s.
     */
    public Problem keptOverNewerVersion() {
        return new Problem(status, title, "您打开本页之后，这份自评已被他人修改。下面保留了您填写的内容；核对后再次保存，将以您的内容为准。",
                fields);
    }

    /** The message for one field, or null. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Messages of fields the form does not show next to a field of its own. */
    public Map<String, String> otherFields(Set<String> shown) {
        Map<String, String> rest = new LinkedHashMap<>(fields);
        rest.keySet().removeAll(shown);
        return rest;
    }
}
