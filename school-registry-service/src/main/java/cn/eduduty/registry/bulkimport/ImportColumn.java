package cn.eduduty.registry.bulkimport;

/**
 * One column of an import sheet, said once: its key (today's English header, and the name errors
 * use: {@code rows[3].type}), the Chinese header of the template (either is accepted as the
 * header), whether it is required, what kind of cell it holds, and the words of the template's
 * 填写说明 sheet.
 *
 * @param key     the English header, e.g. {@code type}
 * @param label   the Chinese header, e.g. 办学类型
 * @param required whether every data row must fill it (the template marks it with {@value #REQUIRED_MARK})
 * @param cell    what the cell holds, which decides its format and validation in the template
 * @param choices the closed set of values, for {@link Cell#CHOICE}; null otherwise
 * @param meaning what the column means, for the instructions
 * @param example the example row's value, as the template writes it
 * @param unit    the unit of a count (人, 个, 次), for the instructions; empty otherwise
 */
record ImportColumn(String key, String label, boolean required, Cell cell, ImportChoices choices, String meaning,
        String example, String unit) {

    /** Marks a required column's header in the template; stripped when a header is matched. */
    static final String REQUIRED_MARK = "*";

    /** What a column's cells hold. */
    enum Cell {
        /** A code of digits kept as text (school or township code): text format, no validation. */
        CODE("@", "文本（数字代码）"),
        /** Free text (a name). */
        TEXT("@", "文本"),
        /** A count, a whole number of 0 or more. */
        COUNT("0", "0 或正整数"),
        /** A calendar year, e.g. 2025. */
        YEAR("0", "四位年份"),
        /** A school year, e.g. 2025-2026 (its starting year alone is accepted too). */
        SCHOOL_YEAR("@", "学年，如 2025-2026"),
        /** A date, e.g. 2019-09-01. */
        DATE("yyyy-mm-dd", "日期，格式 yyyy-mm-dd"),
        /** One of a closed set of values ({@link ImportColumn#choices()}), picked from a drop-down. */
        CHOICE("@", "从下拉列表中选择");

        /** The cell's number format in the template. */
        final String format;
        /** The cell's kind in words, for the instructions. */
        final String words;

        Cell(String format, String words) {
            this.format = format;
            this.words = words;
        }
    }

    /** A required column (a count's unit is 人 until {@link #in} says otherwise). */
    static ImportColumn required(String key, String label, Cell cell, String meaning, String example) {
        return new ImportColumn(key, label, true, cell, null, meaning, example, cell == Cell.COUNT ? "人" : "");
    }

    static ImportColumn optional(String key, String label, Cell cell, String meaning, String example) {
        return new ImportColumn(key, label, false, cell, null, meaning, example, cell == Cell.COUNT ? "人" : "");
    }

    static ImportColumn required(String key, String label, ImportChoices choices, String meaning, String example) {
        return new ImportColumn(key, label, true, Cell.CHOICE, choices, meaning, example, "");
    }

    static ImportColumn optional(String key, String label, ImportChoices choices, String meaning, String example) {
        return new ImportColumn(key, label, false, Cell.CHOICE, choices, meaning, example, "");
    }

    /** This column with the unit {@code unit}, e.g. 个 for a count of institutions. */
    ImportColumn in(String unit) {
        return new ImportColumn(key, label, required, cell, choices, meaning, example, unit);
    }

    /** The header the template writes: the label, marked when required. */
    String header() {
        return required ? REQUIRED_MARK + label : label;
    }

    /** Whether {@code header} (as a sheet has it) names this column: its key (case ignored) or its label, marked or not. */
    boolean named(String header) {
        String bare = header.trim();
        while (bare.startsWith(REQUIRED_MARK) || bare.startsWith("＊")) {
            bare = bare.substring(1).trim();
        }
        while (bare.endsWith(REQUIRED_MARK) || bare.endsWith("＊")) {
            bare = bare.substring(0, bare.length() - 1).trim();
        }
        return bare.equalsIgnoreCase(key) || bare.equals(label);
    }
}
