package cn.eduduty.console.prefecture;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

import cn.eduduty.console.county.DaysLeft;

/** How the reviewer's pages name statuses and times (China's time, as the county pages read them). */
public final class Labels {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private Labels() {
    }

    /** A workflow status as the page shows it: its Chinese name and its badge's class. */
    public record Status(String code, String name, String badge) {
        static final Status NONE = new Status("NONE", "未开始自评", "muted");

        static Status of(String code) {
            if (code == null) {
                return NONE;
            }
            return switch (code) {
                case "DRAFT" -> new Status(code, "填报中", "muted");
                case "SUBMITTED" -> new Status(code, "已提交，待审核", "warning");
                case "RETURNED" -> new Status(code, "已退回修改", "error");
                case "APPROVED" -> new Status(code, "已审核通过", "ok");
                default -> new Status(code, code, "muted");
            };
        }
    }

    static String minute(OffsetDateTime at) {
        return at == null ? "" : MINUTE.format(at.atZoneSameInstant(DaysLeft.CHINA));
    }

    static String kind(String kind) {
        return "FINAL".equals(kind) ? "正式稿" : "DRAFT".equals(kind) ? "征求意见稿" : String.valueOf(kind);
    }

    static String severity(String severity) {
        return "ERROR".equals(severity) ? "错误" : "WARNING".equals(severity) ? "提醒" : String.valueOf(severity);
    }
}
