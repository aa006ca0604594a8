package cn.eduduty.runtime.security;

/**
 * GB/T 2260 administrative division codes: 6 digits for province ({@code XX0000}), prefecture
 * ({@code XXYY00}) and county ({@code XXYYZZ}); 9 digits for a township (county code + 3 digits).
 * The codes are hierarchical, so containment is decided from the codes alone.
 */
public final class RegionCode {

    public static final String PATTERN = "^(\\d{6}|\\d{9})$";

    /** A county: six digits not ending in 00 (for {@code @Pattern} on path and body fields). */
    public static final String COUNTY_PATTERN = "^\\d{4}(?!00)\\d{2}$";

    public static final String COUNTY_MESSAGE = "must be a 6-digit county code";

    private RegionCode() {
    }

    public static boolean isValid(String code) {
        return code != null && code.matches("\\d{6}|\\d{9}") && !code.startsWith("00");
    }

    public enum Level {
        PROVINCE, PREFECTURE, COUNTY, TOWNSHIP
    }

    public static Level level(String code) {
        requireValid(code);
        if (code.length() == 9) {
            return Level.TOWNSHIP;
        }
        if (code.endsWith("0000")) {
            return Level.PROVINCE;
        }
        if (code.endsWith("00")) {
            return Level.PREFECTURE;
        }
        return Level.COUNTY;
    }

    /** The significant prefix: {@code 99}, {@code 9901}, {@code 990101} or the 9-digit township. */
    public static String prefix(String code) {
        return switch (level(code)) {
            case PROVINCE -> code.substring(0, 2);
            case PREFECTURE -> code.substring(0, 4);
            case COUNTY, TOWNSHIP -> code;
        };
    }

    /** True when {@code inner} is {@code outer} or lies below it. */
    public static boolean within(String inner, String outer) {
        if (!isValid(inner) || !isValid(outer)) {
            return false;
        }
        return inner.startsWith(prefix(outer));
    }

    /** The code of the level directly above, or null for a province. */
    public static String parent(String code) {
        return switch (level(code)) {
            case PROVINCE -> null;
            case PREFECTURE -> code.substring(0, 2) + "0000";
            case COUNTY -> code.substring(0, 4) + "00";
            case TOWNSHIP -> code.substring(0, 6);
        };
    }

    private static void requireValid(String code) {
        if (!isValid(code)) {
            throw new IllegalArgumentException("not a GB/T 2260 region code: " + code);
        }
    }
}
