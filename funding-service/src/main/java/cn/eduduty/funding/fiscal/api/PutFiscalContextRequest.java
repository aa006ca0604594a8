package cn.eduduty.funding.fiscal.api;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A county's fiscal context for one fiscal year; amounts in yuan with at most two decimals")
public record PutFiscalContextRequest(
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        @Schema(type = SchemaType.STRING, description = "财政经常性收入 regular fiscal revenue, yuan",
                pattern = "^\\d+(\\.\\d{1,2})?$", examples = "856321400.00")
        BigDecimal regularFiscalRevenue,
        @NotNull @DecimalMin("0") @Digits(integer = 16, fraction = 2)
        @Schema(type = SchemaType.STRING, description = "一般公共预算支出 total general public budget expenditure, yuan",
                pattern = "^\\d+(\\.\\d{1,2})?$", examples = "2413567800.50")
        BigDecimal generalPublicBudgetExpenditure,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        @Schema(type = SchemaType.STRING, description = "教师平均工资 average teacher pay, yuan per year",
                pattern = "^\\d+(\\.\\d{1,2})?$", examples = "98650.00")
        BigDecimal averageTeacherPay,
        @DecimalMin("0") @Digits(integer = 10, fraction = 2)
        @Schema(type = SchemaType.STRING, description = "当地公务员平均工资 average local civil-servant pay, yuan per year",
                pattern = "^\\d+(\\.\\d{1,2})?$", examples = "97200.00")
        BigDecimal averageCivilServantPay) {
}
