package cn.eduduty.console.web;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The Chinese names every page gives the services' codes, in one place so that the editor's and
 * the reviewer's pages call a status, a check's level or a report's kind the same.
 */
public final class Labels {

    /** The time zone the pages show times and count days in. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Labels() {
    }

    /** A self-evaluation's status as the pages show it: its name and its badge's class. */
    public record Status(String code, String name, String badge) {
        static final Status NONE = new Status("NONE", "未开始", "muted");
    }

    /** The status of a self-evaluation, {@code null} when the county has none. */
    public static Status status(String code) {
        if (code == null) {
            return Status.NONE;
        }
        return switch (code) {
            case "DRAFT" -> new Status(code, "草稿", "muted");
            case "SUBMITTED" -> new Status(code, "已提交", "warning");
            case "RETURNED" -> new Status(code, "已退回", "error");
            case "APPROVED" -> new Status(code, "已通过", "ok");
            default -> new Status(code, code, "muted");
        };
    }

    /** A token's role, as the pages name it. */
    public static String role(String role) {
        return switch (role) {
            case "county-editor" -> "县级填报";
            case "prefecture-reviewer" -> "州（市）审核";
            case "viewer" -> "只读";
            case "system" -> "系统";
            default -> role;
        };
    }

    public static String rating(String rating) {
        if (rating == null) {
            return "未评价";
        }
        return switch (rating) {
            case "FULLY" -> "完全落实";
            case "BASICALLY" -> "基本落实";
            case "NOT" -> "尚未落实";
            case "NOT_APPLICABLE" -> "不适用";
            default -> rating;
        };
    }

    /** A check's level, as the report's appendix names it. */
    public static String severity(String severity) {
        return "ERROR".equals(severity) ? "错误" : "WARNING".equals(severity) ? "提示" : String.valueOf(severity);
    }

    /** A snapshot's kind, as the report's title marks it. */
    public static String kind(String kind) {
        return "FINAL".equals(kind) ? "正式稿" : "DRAFT".equals(kind) ? "草稿" : String.valueOf(kind);
    }

    /** A workflow action of a self-evaluation's {@code allowedActions}. */
    public static String action(String action) {
        return switch (action) {
            case "rate" -> "评价指标";
            case "sign" -> "填写经典做法与落款";
            case "submit" -> "提交审核";
            case "return" -> "退回";
            case "approve" -> "审核通过";
            case "comment" -> "评论";
            default -> action;
        };
    }

    /** A figure's unit as printed after its value. */
    public static String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "PERCENT" -> "%";
            case "COUNT", "RATIO", "BOOLEAN" -> "";
            case "YUAN" -> "元";
            default -> unit;
        };
    }

    /** A figure's value with its unit; a yes/no figure as 是/否. */
    public static String value(String value, String unit) {
        if (value == null) {
            return "无数据";
        }
        if ("BOOLEAN".equals(unit)) {
            return "1".equals(value) || "true".equals(value) ? "是" : "否";
        }
        return value + unit(unit);
    }

    /** A time to the minute, in China's time. */
    public static String minute(OffsetDateTime at) {
        return at == null ? "" : MINUTE.format(at.atZoneSameInstant(CHINA));
    }
}
