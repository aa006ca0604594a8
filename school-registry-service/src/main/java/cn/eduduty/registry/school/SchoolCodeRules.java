package cn.eduduty.registry.school;

import java.util.ArrayList;
import java.util.List;

import cn.eduduty.formulas.registry.SchoolType;

/**
 * The national school identification code (学校标识码) is AABBCCCCCC: the two-digit school
 * category of the school's type ({@link SchoolType#category()}), the two-digit GB/T 2260 province
 * that assigned it, and a six-digit sequence. A county registers only codes of its own province
 * (the township's, which lies in the caller's region) and of the school's category.
 */
public final class SchoolCodeRules {

    public static final String PATTERN = "^\\d{10}$";
    public static final String MESSAGE = "must be a 10-digit school identification code";

    private SchoolCodeRules() {
    }

    /** What is wrong with {@code code} for a school of {@code type} in {@code township}; empty when it fits. */
    public static List<String> check(String code, SchoolType type, String township) {
        List<String> problems = new ArrayList<>();
        if (code == null || !code.matches(PATTERN)) {
            problems.add(MESSAGE);
            return problems;
        }
        String category = code.substring(0, 2);
        if (!category.equals(type.category())) {
            problems.add("school category " + category + " does not fit a " + type.label() + " (" + type.name()
                    + "), whose codes start with " + type.category());
        }
        String province = code.substring(2, 4);
        if (township != null && township.length() >= 2 && !province.equals(township.substring(0, 2))) {
            problems.add("province " + province + " is not the school's province " + township.substring(0, 2)
                    + " (digits 3-4 are the GB/T 2260 province that assigned the code)");
        }
        return problems;
    }
}
