package cn.eduduty.indicator.framework;

import java.util.regex.Pattern;

/** Indicator codes like {@code 4.2.3}: the level is the number of segments, the parent the prefix. */
public final class IndicatorCode {

    public static final String PATTERN = "^[1-9][0-9]{0,2}(\\.[1-9][0-9]{0,2}){0,2}$";
    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private IndicatorCode() {
    }

    public static boolean isValid(String code) {
        return code != null && COMPILED.matcher(code).matches();
    }

    public static int level(String code) {
        return code.split("\\.").length;
    }

    /** The parent's code, or null for a first-level indicator. */
    public static String parent(String code) {
        int dot = code.lastIndexOf('.');
        return dot < 0 ? null : code.substring(0, dot);
    }

    /** The first-level area a code belongs to. */
    public static String area(String code) {
        int dot = code.indexOf('.');
        return dot < 0 ? code : code.substring(0, dot);
    }

    public static int lastSegment(String code) {
        return Integer.parseInt(code.substring(code.lastIndexOf('.') + 1));
    }

    /** Orders 1 < 1.1 < 1.2 < 1.10 < 2. */
    public static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(Integer.parseInt(x[i]), Integer.parseInt(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
