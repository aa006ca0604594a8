package cn.eduduty.launcher.demo;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.launcher.demo.CountyData.Measure;
import cn.eduduty.launcher.demo.CountyData.Practice;
import cn.eduduty.launcher.demo.CountyData.Rating;
import cn.eduduty.launcher.demo.CountyData.Signing;

/**
 * What 示例县 signs on its 2025 self-evaluation: the authority and the date printed on the report
 * (20 October 2025), three 经典做法 — two of its narratives chosen by indicator and one in its own
 * words — and one 改进措施 per problem its report lists: each weak rating (BASICALLY or NOT) with
 * the improvement it wrote there, and the designed funding failure, the report's check
 * {@code funding-rule-failed} on junior per-student public funds of fiscal 2024.
 */
final class DemoSigning {

    /** The check the designed failure raises, and its subject. */
    static final String FUNDING_CHECK = "funding-rule-failed";
    static final String FUNDING_SUBJECT = "funding.three_growths.per_student_public_funds.junior";

    private DemoSigning() {
    }

    static Signing of(DemoFigures f, List<Rating> ratings) {
        int s = DemoCounty.STOCK_SCHOOL_YEAR;
        int y = DemoCounty.REPORT_YEAR;
        int from = y - 2;
        List<Practice> practices = List.of(
                new Practice("坚持党委统一领导，把教育摆在优先发展的战略位置", "1.1.1", null),
                new Practice("推行教师“县管校聘”，让好老师流动起来", null,
                        "全县中小学教职工编制实行县域统筹、动态调整，教师由县教育局统一招聘、统一调配，学校按岗聘用。"
                                + from + "年以来累计补充教师" + f.recruitedSince(from, y) + "名，其中到农村学校任教"
                                + (f.ruralRecruited(from) + f.ruralRecruited(from + 1) + f.ruralRecruited(y)) + "名；"
                                + DemoFigures.schoolYear(s) + "交流轮岗教师" + f.rotated(s) + "人，占符合交流条件教师的"
                                + f.rotationShare(s).toPlainString() + "%，其中骨干教师占" + f.backboneRotationShare(s).toPlainString()
                                + "%，城乡学校师资配置更加均衡。"),
                new Practice("部门协同治理校外培训，巩固“双减”成果", "5.1.3", null));
        List<Measure> measures = new ArrayList<>();
        for (Rating r : ratings) {
            if (r.rating().equals("BASICALLY") || r.rating().equals("NOT")) {
                measures.add(new Measure(r.improvement(), r.code(), null, null));
            }
        }
        int fiscal = DemoCounty.FISCAL_YEAR;
        measures.add(new Measure("落实生均公用经费逐步增长要求：县财政局、县教育局编制" + (y + 1)
                + "年及以后年度预算时逐学段测算生均公用经费，低于上年的不提交县政府常务会议审议；" + fiscal
                + "年初中生均公用经费下降的差额在" + (y + 1) + "年预算中补足，并在下一年度自评中报告落实情况。", null, FUNDING_CHECK,
                FUNDING_SUBJECT));
        return new Signing(DemoCounty.SIGNING_AUTHORITY, DemoCounty.SIGNING_DATE, practices, measures);
    }
}
