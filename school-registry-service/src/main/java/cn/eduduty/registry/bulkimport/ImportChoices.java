package cn.eduduty.registry.bulkimport;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import cn.eduduty.formulas.registry.SchoolType;
import cn.eduduty.formulas.registry.Stage;

/**
 * The closed sets of values an import column takes: each value has its code (what the API and
 * today's sheets write, e.g. {@code PRIMARY}) and the Chinese label a clerk picks from the
 * template's drop-down (小学). A cell holding either is read as the code.
 */
enum ImportChoices {
    SCHOOL_TYPE(Arrays.stream(SchoolType.values()).map(t -> new Option(t.name(), t.label())).toList()),
    OWNERSHIP(List.of(new Option("PUBLIC", "公办"), new Option("PRIVATE", "民办"))),
    AREA(List.of(new Option("URBAN", "城区"), new Option("TOWN", "镇区"), new Option("RURAL", "乡村"))),
    STAGE(Arrays.stream(Stage.values()).map(s -> new Option(s.name(), s.label())).toList()),
    /** Grades as the statistics forms number them, 1–12 (which ones a stage has is checked per row). */
    GRADE(IntStream.rangeClosed(1, 12).mapToObj(g -> new Option(String.valueOf(g), String.valueOf(g))).toList()),
    YES_NO(List.of(new Option("true", "是"), new Option("false", "否")));

    /** One value: its code and its Chinese label. */
    record Option(String code, String label) {
    }

    final List<Option> options;

    ImportChoices(List<Option> options) {
        this.options = options;
    }

    /** The labels, in order: the template's drop-down. */
    List<String> labels() {
        return options.stream().map(Option::label).toList();
    }

    /** The code of {@code value}, given as its label or its code (case ignored). */
    Optional<String> code(String value) {
        String trimmed = value.trim();
        return options.stream()
                .filter(o -> o.label().equals(trimmed) || o.code().equalsIgnoreCase(trimmed))
                .map(Option::code).findFirst();
    }

    /** The allowed values as an error message lists them: labels, then codes, e.g. 公办、民办（或 PUBLIC、PRIVATE）. */
    String allowed() {
        String labels = String.join("、", labels());
        List<String> codes = options.stream().map(Option::code).filter(c -> !labels().contains(c)).toList();
        return codes.isEmpty() ? labels : labels + "（或 " + String.join("、", codes) + "）";
    }
}
