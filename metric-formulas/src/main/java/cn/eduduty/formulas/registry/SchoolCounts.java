package cn.eduduty.formulas.registry;

import java.util.ArrayList;
import java.util.List;

/** Schools open in the year, by type and ownership, and in total. */
final class SchoolCounts {

    private SchoolCounts() {
    }

    static List<RegistryFigure> figures(RegionData data) {
        List<RegistryFigure> figures = new ArrayList<>();
        for (SchoolType type : SchoolType.values()) {
            for (Ownership ownership : Ownership.values()) {
                long count = data.schools().stream()
                        .filter(school -> school.type() == type && school.ownership() == ownership)
                        .count();
                figures.add(metric(type, ownership).count(count));
            }
        }
        figures.add(Metric.catalogued("registry.schools.total")
                .count(data.schools().size()));
        return figures;
    }

    static String key(SchoolType type, Ownership ownership) {
        return "registry.schools." + Metric.keyPart(type) + "." + Metric.keyPart(ownership);
    }

    private static Metric metric(SchoolType type, Ownership ownership) {
        return Metric.ofCount(key(type, ownership),
                type.label() + "数（" + ownership.label() + "）",
                "学年初（9月1日）在办的" + ownership.label() + type.label() + "数");
    }
}
