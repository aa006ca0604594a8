package cn.eduduty.registry;

import static cn.eduduty.testsupport.Api.SYSTEM;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.testsupport.Api;

/** A province, prefecture, county and its townships, and request bodies the registry tests share. */
public final class RegistryFixtures {

    private RegistryFixtures() {
    }

    /** Registers {@code county} (6 digits), its prefecture and province, and {@code townships} townships 001… */
    public static void county(String county, int townships) {
        String province = county.substring(0, 2) + "0000";
        String prefecture = county.substring(0, 4) + "00";
        region(province, "测试省", null);
        region(prefecture, "测试州", province);
        region(county, "测试县", prefecture);
        for (int i = 1; i <= townships; i++) {
            region(county + String.format("%03d", i), "乡镇" + i, county);
        }
    }

    private static void region(String code, String name, String parent) {
        String province = code.substring(0, 2) + "0000";
        if (Api.as(SYSTEM, province).get("/api/v1/regions/" + code).statusCode() == 404) {
            Map<String, Object> body = new HashMap<>();
            body.put("name", name);
            body.put("parentCode", parent);
            body.put("validFrom", "2000-01-01");
            Api.as(SYSTEM, province).body(body).put("/api/v1/regions/" + code).then().statusCode(201);
        }
    }

    public static Map<String, Object> school(String name, String type, String ownership, String township) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("type", type);
        body.put("ownership", ownership);
        body.put("area", "URBAN");
        body.put("townshipCode", township);
        body.put("openedOn", "2000-09-01");
        return body;
    }

    public static Map<String, Object> classRoom(String stage, int grade, int students) {
        return Map.of("stage", stage, "grade", grade, "students", students);
    }

    public static Map<String, Object> flow(String stage, int grade, int entrants, int graduates, int in, int out) {
        return Map.of("stage", stage, "grade", grade, "entrants", entrants, "graduates", graduates, "transfersIn", in,
                "transfersOut", out, "dropouts", 0);
    }

    public static Map<String, Object> year(List<Map<String, Object>> classes, List<Map<String, Object>> flows) {
        Map<String, Object> body = new HashMap<>();
        body.put("classes", classes);
        body.put("flows", flows);
        return body;
    }
}
