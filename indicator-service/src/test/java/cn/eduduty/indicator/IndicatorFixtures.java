package cn.eduduty.indicator;

import static cn.eduduty.testsupport.Api.PREFECTURE_REVIEWER;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.testsupport.Api;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Request bodies and steps the indicator-service tests share. */
public final class IndicatorFixtures {

    private IndicatorFixtures() {
    }

    public static Map<String, Object> framework(String code, int year, String region) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", year + "年县级人民政府履行教育职责评价指标体系");
        body.put("evaluationYear", year);
        body.put("issuer", "测试州教育督导室");
        body.put("regionCode", region);
        return body;
    }

    public static Map<String, Object> indicator(String code, String title) {
        Map<String, Object> i = new HashMap<>();
        i.put("code", code);
        i.put("title", title);
        i.put("criteria", title + "的评价细则");
        return i;
    }

    public static Map<String, Object> bound(String code, String title, String key, String threshold) {
        Map<String, Object> i = indicator(code, title);
        i.put("metric", Map.of("key", key, "comparator", "GE", "threshold", threshold));
        return i;
    }

    /** A small complete tree: two areas, three third-level indicators, one bound to a metric. */
    public static List<Map<String, Object>> smallTree() {
        return List.of(indicator("1", "贯彻执行党的教育方针"), indicator("1.1", "党的领导"),
                indicator("1.1.1", "党组织建设"), indicator("4", "各级各类教育发展"), indicator("4.1", "学前教育"),
                bound("4.1.1", "学前教育普及", "registry.preschool.gross_enrolment_rate", "85"),
                indicator("4.1.2", "学前教育质量"));
    }

    public static ExtractableResponse<Response> createDraft(String region, String code, List<Map<String, Object>> tree) {
        Map<String, Object> body = framework(code, 2025, region);
        body.put("indicators", tree);
        return Api.as(PREFECTURE_REVIEWER, region).body(body).post("/api/v1/frameworks")
                .then().statusCode(201).extract();
    }

    /** Publishes a draft of {@code region} and returns its id. */
    public static String publish(String region, String id) {
        String etag = Api.as(PREFECTURE_REVIEWER, region).get("/api/v1/frameworks/" + id).then().extract().header("ETag");
        Api.as(PREFECTURE_REVIEWER, region).header("If-Match", etag).post("/api/v1/frameworks/" + id + "/publication")
                .then().statusCode(200);
        return id;
    }

    /** A published framework with {@link #smallTree()} for {@code prefecture}. */
    public static String publishedFramework(String prefecture, String code) {
        return publish(prefecture, createDraft(prefecture, code, smallTree()).path("id"));
    }
}
