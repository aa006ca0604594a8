package cn.eduduty.funding.ledger;

import java.util.List;

/**
 * The accounts every county starts with: the education categories of the report and the
 * counterpart accounts money moves between (treasury, education bureau, schools).
 */
final class ChartOfAccounts {

    record Seed(String code, String name, AccountType type, Category category) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("1001", "县级国库", AccountType.ASSET, null),
            new Seed("1002", "教育局经费", AccountType.ASSET, null),
            new Seed("1003", "学校经费", AccountType.ASSET, null),
            new Seed("3001", "净资产", AccountType.NET_ASSETS, null),
            new Seed("4001", "财政教育拨款收入", AccountType.REVENUE, Category.APPROPRIATION),
            new Seed("4002", "地方教育附加收入", AccountType.REVENUE, Category.LOCAL_EDUCATION_SURCHARGE),
            new Seed("5001", "一般公共预算教育支出", AccountType.EXPENSE, Category.GENERAL_BUDGET_EDUCATION),
            new Seed("5002", "生均公用经费", AccountType.EXPENSE, Category.PER_STUDENT_PUBLIC_FUNDS),
            new Seed("5003", "特殊教育补助", AccountType.EXPENSE, Category.SPECIAL_EDUCATION_SUBSIDY),
            new Seed("5004", "基本建设项目（校舍、宿舍）", AccountType.EXPENSE, Category.CAPITAL_PROJECTS),
            new Seed("5005", "教师工资", AccountType.EXPENSE, Category.TEACHER_PAY),
            new Seed("5009", "其他教育支出", AccountType.EXPENSE, Category.OTHER_EDUCATION));

    private ChartOfAccounts() {
    }
}
