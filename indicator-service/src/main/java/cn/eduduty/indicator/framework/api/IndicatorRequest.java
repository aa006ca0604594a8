package cn.eduduty.indicator.framework.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An indicator as written; its level follows from its code. Checked by the service, which names each row. */
@Schema(description = "An indicator of a framework; the level follows from the code (4, 4.2, 4.2.3)")
public record IndicatorRequest(
        @Schema(description = "Code, unique in the framework; the parent's code is its prefix", examples = "4.1.1")
        String code,
        @Schema(examples = "学前教育普及普惠") String title,
        @Schema(description = "评价细则 assessment criteria", examples = "学前三年毛入园率达到85%以上。") String criteria,
        @Schema(description = "Order among siblings; the code's last number when absent", examples = "1")
        Integer displayOrder,
        @Schema(description = "Only on third-level indicators") MetricBinding metric) {
}
