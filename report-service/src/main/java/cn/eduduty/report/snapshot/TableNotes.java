package cn.eduduty.report.snapshot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.report.figures.Figure;
import cn.eduduty.report.render.Document;
import cn.eduduty.report.render.Document.Paragraph;

/**
 * Notes under a table: each absent value is "—" in its cell and its reason here, numbered, with
 * the same reason said once.
 */
final class TableNotes {

    private final Map<String, List<String>> byReason = new LinkedHashMap<>();

    /** The cell of {@code f}: its value, or "—" with {@code what} noted under its reason. */
    String cell(String what, Figure f) {
        if (f.isPresent()) {
            return Wording.value(f);
        }
        byReason.computeIfAbsent(f.absentReason(), r -> new ArrayList<>()).add(what);
        return "—";
    }

    /** The note paragraph, when a cell was absent. */
    void addTo(List<Document.Block> blocks) {
        if (byReason.isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        byReason.forEach((reason, what) -> lines.add(String.join("、", what) + "：" + reason));
        blocks.add(Paragraph.of("注：“—”表示无数据。" + String.join("；", lines) + "。"));
    }
}
