package cn.eduduty.registry.bulkimport;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A sheet's header row: where each of its kind's columns is, in any order, each named by its key
 * (case ignored) or its Chinese label, with or without the template's required mark
 * ({@link ImportColumn#named}). An unknown column or a missing required one is an error of the
 * header row.
 */
final class SheetColumns {

    private final ImportKind kind;
    private final Map<String, Integer> positions;

    private SheetColumns(ImportKind kind, Map<String, Integer> positions) {
        this.kind = kind;
        this.positions = positions;
    }

    static SheetColumns read(int number, List<String> cells, ImportKind kind, ImportErrors errors) {
        Map<String, Integer> positions = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
            String name = cells.get(c).trim();
            String known = kind.layout.stream().filter(k -> k.named(name)).map(ImportColumn::key).findFirst()
                    .orElse(null);
            if (known == null && !name.isEmpty()) {
                errors.add(number, name, "无法识别的列名；应为 " + String.join(",", kind.columns) + "（或中文列名 "
                        + String.join("、", kind.layout.stream().map(ImportColumn::label).toList()) + "）");
            } else if (known != null) {
                positions.put(known, c);
            }
        }
        kind.required.stream().filter(r -> !positions.containsKey(r))
                .forEach(r -> errors.add(number, r, "缺少必填列（列名 " + r + " 或 "
                        + kind.column(r).label() + "）"));
        return new SheetColumns(kind, positions);
    }

    /** The trimmed text of {@code column} in {@code cells}; empty when the sheet has no such column. */
    String raw(List<String> cells, String column) {
        Integer c = positions.get(column);
        return c == null || c >= cells.size() ? "" : cells.get(c).trim();
    }

    boolean required(String column) {
        return kind.required.contains(column);
    }

    /** The column whose key is {@code key}. */
    ImportColumn column(String key) {
        return kind.column(key);
    }
}
