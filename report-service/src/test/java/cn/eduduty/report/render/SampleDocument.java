package cn.eduduty.report.render;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.report.render.Document.Block;
import cn.eduduty.report.render.Document.Heading;
import cn.eduduty.report.render.Document.Paragraph;
import cn.eduduty.report.render.Document.Table;

/**
 * A hand-made report with what is hard to set: long paragraphs with numbers and punctuation at line
 * ends, a wide roll-up table, a three-year comparison, a funding-rule table with 无法判断 in a
 * narrow column, a table long enough to run over pages, a signature block and an attachment.
 */
final class SampleDocument {

    private SampleDocument() {
    }

    static Document county() {
        List<Block> blocks = new ArrayList<>();
        blocks.add(Paragraph.of("根据县级人民政府履行教育职责评价工作要求，测试县人民政府对照省人民政府教育督导委员会印发的《县级人民政府履行教育职责评价指标体系（2019年修订）》，"
                + "对2019年度履行教育职责情况开展了自查自评。现将有关情况报告如下。"));
        blocks.add(new Heading(1, "一、自查情况"));
        blocks.add(Paragraph.of("本次自评由县教育、财政、人力资源社会保障等部门共同参与，逐项对照43项三级指标，依据学籍、教育事业统计、教育经费核算等数据进行自查，"
                + "形成评价结论。全县义务教育学校现有56人以上班额5个，占比0.52%；小学巩固率为99.87%，初中巩固率为98.12%，教育经费总投入990.0145万元，"
                + "较上年增长3.6%。“两个只增不减”要求全面落实，Latin words like PDFBox and 2019-2020 stay whole."));
        blocks.add(new Table("表1 自评结果汇总", List.of("一级指标", "三级指标数", "完全落实", "基本落实", "尚未落实", "不适用", "未评价"),
                List.of(List.of("1 教育公平与质量", "12", "9", "2", "1", "0", "0"),
                        List.of("2 办学条件与教育投入保障", "15", "11", "3", "1", "0", "0"),
                        List.of("3 教师队伍建设", "9", "7", "2", "0", "0", "0"),
                        List.of("合计", "36", "27", "7", "2", "0", "0"))));
        blocks.add(new Heading(1, "二、主要做法及成效"));
        blocks.add(new Heading(2, "（一）教育公平与质量"));
        for (int i = 0; i < 3; i++) {
            blocks.add(Paragraph.of("1.1.1 义务教育大班额比例。自评结论：基本落实。县委、县政府高度重视消除大班额工作，"
                    + "通过新建、改扩建学校和调整学区划分，累计新增学位2400个，全县大班额由2017年的31个减少到5个（数据：义务教育大班额比例0.52%，标准≤5%，达标）。"
                    + "（" + (i + 1) + "）下一步将继续推进城区学校建设，确保“十四五”期间全面消除56人以上大班额。"));
        }
        blocks.add(new Heading(2, "（二）主要指标年度对比"));
        blocks.add(new Table("表2 主要指标年度对比", List.of("指标", "2017年", "2018年", "2019年"),
                List.of(List.of("小学巩固率", "99.12%", "99.50%", "99.87%"),
                        List.of("初中巩固率", "97.80%", "98.01%", "98.12%"),
                        List.of("义务教育大班额比例", "3.21%", "1.14%", "0.52%"),
                        List.of("普职比", "1.36:1", "1.21:1", "—"),
                        List.of("教育经费总投入", "812.5万元", "955.6032万元", "990.0145万元"),
                        List.of("学校数", "60", "59", "58"))));
        blocks.add(new Table("表3 2018年度教育经费法定增长要求落实情况", List.of("要求", "结果", "依据"),
                List.of(List.of("一般公共预算教育支出逐年只增不减", "满足", "2018年一般公共预算教育支出9900145元，2017年9556032元，增长3.60%。"),
                        List.of("按在校学生人数平均的一般公共预算教育支出逐年只增不减（小学）", "未满足",
                                "小学生均一般公共预算教育支出2018年9012.31元，2017年9105.27元，下降1.02%。"),
                        List.of("按在校学生人数平均的一般公共预算教育支出逐年只增不减（初中）", "满足",
                                "初中生均一般公共预算教育支出2018年12011.40元，2017年11620.15元，增长3.37%。"),
                        List.of("教育费附加足额征收并用于教育", "无法判断", "缺失原因：尚未录入2018年度教育费附加征收数据，无法判断。"),
                        List.of("教师平均工资收入水平不低于当地公务员平均工资收入水平", "无法判断", "缺失原因：尚未录入2018年度公务员平均工资收入数据。"))));
        blocks.add(new Heading(1, "三、经典做法"));
        blocks.add(Paragraph.of("（一）集团化办学促进城乡均衡。以城区优质学校为龙头组建5个教育集团，覆盖乡村学校23所，实行教师统一调配、课程统一安排、质量统一评价。"));
        blocks.add(new Heading(1, "四、存在的问题及改进措施"));
        blocks.add(new Heading(2, "（一）存在的问题"));
        blocks.add(Paragraph.of("1. 2018年度未满足按在校学生人数平均的一般公共预算教育支出逐年只增不减（小学）：2018年9012.31元，2017年9105.27元。"));
        blocks.add(Paragraph.of("2. 自评报告所述“56人以上班额5个，占比0.52%”与系统数据0.41%不一致。"));
        blocks.add(new Heading(2, "（二）改进措施"));
        blocks.add(Paragraph.of("1. 在下一年度预算安排中予以保障，确保教育投入法定增长要求落实到位。"));
        blocks.add(Paragraph.of(""));
        blocks.add(new Paragraph("测试县人民政府", true));
        blocks.add(new Paragraph("2019年10月15日", true));
        blocks.add(new Heading(1, "附件：数据说明与一致性校验"));
        List<List<String>> figures = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            figures.add(List.of("义务教育大班额比例（第" + (i + 1) + "项）", i % 7 == 3 ? "—" : (i * 37 % 100) + "." + (i * 13 % 100) + "%",
                    "56人及以上的班级数÷义务教育阶段班级总数×100%", "学校管理：60所学校2019学年数据",
                    i % 7 == 3 ? "缺失原因：尚未录入2019学年班级数据，无法判断" : "截至2019年10月15日"));
        }
        blocks.add(new Table("附表1 2019年度指标数据、计算方法与来源", List.of("指标", "数值", "计算方法", "数据来源", "说明"), figures));
        blocks.add(new Table("附表2 各县（市、区）自评结果与主要指标",
                List.of("县（市、区）", "自评状态", "完全落实比例", "小学巩固率", "初中巩固率", "义务教育大班额比例", "教育经费占比",
                        "生均公用经费", "教师工资", "一致性问题"),
                List.of(List.of("测试县", "已审核", "66.67%", "99.87%", "98.12%", "0.52%", "21.30%", "990.0145万元", "基本落实", "2"),
                        List.of("示范区", "填报中", "—", "100.00%", "97.35%", "9.09%", "18.75%", "1204.5万元", "尚未落实", "0"),
                        List.of("山区县", "已退回", "45.00%", "98.00%", "96.10%", "12.40%", "16.02%", "310.25万元", "无法判断", "11"))));
        return new Document("测试县人民政府关于2019年度履行教育职责情况的自评报告", "2019年度", blocks);
    }
}
