package cn.eduduty.console.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * A service's refusal as the pages show it: the problem's title, and every violation under the
 * field it names, so the form can put it next to that field.
 */
class ProblemTest {

    @Test
    void aProblemWithViolationsIsReadFieldByField() {
        Problem p = Problem.of(new cn.eduduty.console.api.indicator.ApiException(Response.status(422)
                .type("application/problem+json").entity("""
                        {"type":"urn:eduduty:problem:rule-violated","title":"Domain rule violated","status":422,
                         "detail":"2 个字段有误","violations":[
                           {"field":"rating","message":"必须是 FULLY、BASICALLY、NOT 或 NOT_APPLICABLE"},
                           {"field":"improvement","message":"基本达到或未达到时须填写改进措施"},
                           {"field":"rating","message":"不能为空"}]}""").build()));
        assertThat(p.status()).isEqualTo(422);
        assertThat(p.title()).as("the page's title of the problem's type").isEqualTo("不符合业务规则");
        assertThat(p.detail()).isEqualTo("2 个字段有误");
        assertThat(p.field("rating")).isEqualTo("必须是 FULLY、BASICALLY、NOT 或 NOT_APPLICABLE；不能为空");
        assertThat(p.field("improvement")).startsWith("基本达到");
        assertThat(p.field("narrative")).isNull();
        assertThat(p.otherFields(Set.of("rating"))).containsOnlyKeys("improvement");
    }

    @Test
    void eachServicesClientErrorIsRead() {
        for (Exception e : new Exception[] {
                new cn.eduduty.console.api.registry.ApiException(problem(403, "无权访问该行政区划的数据")),
                new cn.eduduty.console.api.funding.ApiException(problem(403, "无权访问该行政区划的数据")),
                new cn.eduduty.console.api.report.ApiException(problem(403, "无权访问该行政区划的数据")) }) {
            assertThat(Problem.of(e).title()).isEqualTo("您没有执行此操作的权限");
            assertThat(Problem.of(e).status()).isEqualTo(403);
        }
    }

    @Test
    void aTypeThePagesDoNotKnowKeepsTheServicesTitle() {
        Response r = Response.status(418).type("application/problem+json")
                .entity("{\"type\":\"urn:eduduty:problem:teapot\",\"title\":\"我是茶壶\",\"status\":418}").build();
        assertThat(Problem.of(new cn.eduduty.console.api.indicator.ApiException(r)).title()).isEqualTo("我是茶壶");
    }

    @Test
    void anAnswerThatIsNotAProblemGetsATitleByStatus() {
        Problem p = Problem.of(new cn.eduduty.console.api.report.ApiException(
                Response.status(412).type(MediaType.TEXT_PLAIN).entity("precondition failed").build()));
        assertThat(p.title()).isEqualTo("数据已被他人修改，请刷新后重试");
        assertThat(Problem.of(new cn.eduduty.console.api.report.ApiException(Response.status(502).build())).title())
                .contains("502");
    }

    @Test
    void aServiceThatCannotBeReachedIsSaidSo() {
        Problem p = Problem.of(new ProcessingException("Connection refused"));
        assertThat(p.status()).isEqualTo(503);
        assertThat(p.title()).isEqualTo("服务暂时无法访问，请稍后再试");
    }

    private static Response problem(int status, String title) {
        return Response.status(status).type("application/problem+json")
                .entity("{\"type\":\"urn:eduduty:problem:forbidden\",\"title\":\"" + title + "\",\"status\":" + status + "}")
                .build();
    }
}
