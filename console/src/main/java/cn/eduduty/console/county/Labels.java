package cn.eduduty.console.county;

/** The Chinese names the pages give the services' codes. */
final class Labels {

    private Labels() {
    }

    static String status(String status) {
        if (status == null) {
            return "未开始";
        }
        return switch (status) {
            case "DRAFT" -> "草稿";
            case "SUBMITTED" -> "已提交";
            case "RETURNED" -> "已退回";
            case "APPROVED" -> "已通过";
            default -> status;
        };
    }

    static String rating(String rating) {
        if (rating == null) {
            return "未评价";
        }
        return switch (rating) {
            case "FULLY" -> "达到";
            case "BASICALLY" -> "基本达到";
            case "NOT" -> "未达到";
            case "NOT_APPLICABLE" -> "不适用";
            default -> rating;
        };
    }

    static String severity(String severity) {
        return "ERROR".equals(severity) ? "错误" : "WARNING".equals(severity) ? "提示" : String.valueOf(severity);
    }

    /** A workflow action of a self-evaluation's {@code allowedActions}. */
    static String action(String action) {
        return switch (action) {
            case "rate" -> "评价指标";
            case "sign" -> "填写签署信息";
            case "submit" -> "提交审核";
            case "return" -> "退回";
            case "approve" -> "审核通过";
            case "comment" -> "评论";
            default -> action;
        };
    }

    /** A figure's unit as printed after its value. */
    static String unit(String unit) {
        if (unit == null) {
            return "";
        }
        return switch (unit) {
            case "PERCENT" -> "%";
            case "COUNT" -> "";
            case "YUAN" -> "元";
            case "RATIO" -> "";
            case "BOOLEAN" -> "";
            default -> unit;
        };
    }

    /** A figure's value with its unit; a yes/no figure as 是/否. */
    static String value(String value, String unit) {
        if (value == null) {
            return "无数据";
        }
        if ("BOOLEAN".equals(unit)) {
            return "1".equals(value) || "true".equals(value) ? "是" : "否";
        }
        return value + unit(unit);
    }
}
