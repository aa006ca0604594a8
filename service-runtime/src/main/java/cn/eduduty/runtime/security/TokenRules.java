package cn.eduduty.runtime.security;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What a signed, unexpired token must also say before any endpoint looks at it: a {@code region}
 * claim that is a GB/T 2260 code as a JSON string, an {@code iat} with {@code exp − iat} within
 * the configured maximum, and only roles that fit the region's level (a county editor of a
 * county, a prefecture reviewer of a prefecture or a province, a viewer or system client of any
 * region). A broken claim makes the token malformed (401); a role that does not fit its region is
 * a misfit (403). Roles this suite does not know are left to {@code @RolesAllowed}.
 */
public final class TokenRules {

    /** Why a token is refused; {@link #MALFORMED} answers 401, {@link #MISFIT} 403. */
    public enum Kind {
        MALFORMED, MISFIT
    }

    /** A refusal and what a caller may be told about it (never the claim's value). */
    public record Refusal(Kind kind, String reason) {
    }

    private TokenRules() {
    }

    /**
     * @param region    the {@code region} claim as the token holds it (a String when it is a JSON
     *                  string, anything else otherwise, null when absent)
     * @param roles     the token's roles ({@code groups})
     * @param issuedAt  {@code iat} in epoch seconds, null when absent
     * @param expiresAt {@code exp} in epoch seconds, null when absent
     */
    public static Optional<Refusal> check(Object region, Collection<String> roles, Long issuedAt, Long expiresAt,
            Duration maxLifetime) {
        return check(region, roles, issuedAt, expiresAt, maxLifetime, System.currentTimeMillis() / 1000);
    }

    /** Clock skew tolerated between the issuer and the service for an {@code iat} in the future. */
    static final long SKEW_SECONDS = 60;

    /**
     * As above at {@code now} (epoch seconds). An {@code iat} more than the skew in the future is
     * refused, so a token cannot claim a late {@code iat} to live for years: with {@code exp − iat}
     * bounded, what is left of it is bounded too.
     */
    static Optional<Refusal> check(Object region, Collection<String> roles, Long issuedAt, Long expiresAt,
            Duration maxLifetime, long now) {
        if (!(region instanceof String code)) {
            return malformed(region == null ? "The token carries no region claim"
                    : "The token's region claim is not a string");
        }
        if (!RegionCode.isValid(code)) {
            return malformed("The token's region claim is not a GB/T 2260 code of 6 or 9 digits");
        }
        if (issuedAt == null) {
            return malformed("The token carries no iat (issued-at) claim");
        }
        if (expiresAt == null) {
            return malformed("The token carries no exp (expiry) claim");
        }
        if (expiresAt < issuedAt) {
            return malformed("The token expires before it was issued");
        }
        if (issuedAt > now + SKEW_SECONDS) {
            return malformed("The token's iat (issued-at) lies in the future");
        }
        long max = maxLifetime.toSeconds();
        try {
            if (Math.subtractExact(expiresAt, issuedAt) > max) {
                return malformed("The token's lifetime (exp − iat) exceeds " + maxLifetime.toHours() + " h");
            }
        } catch (ArithmeticException overflow) {
            return malformed("The token's lifetime (exp − iat) exceeds " + maxLifetime.toHours() + " h");
        }
        RegionCode.Level level = RegionCode.level(code);
        for (String role : roles == null ? List.<String>of() : roles) {
            if (!fits(role, level)) {
                return Optional.of(new Refusal(Kind.MISFIT,
                        "Role " + role + " does not fit a region of level " + level.name().toLowerCase()));
            }
        }
        return Optional.empty();
    }

    /** Whether {@code role} may be held for a region of {@code level}. */
    public static boolean fits(String role, RegionCode.Level level) {
        return switch (role) {
            case Roles.COUNTY_EDITOR -> level == RegionCode.Level.COUNTY;
            case Roles.PREFECTURE_REVIEWER -> level == RegionCode.Level.PREFECTURE || level == RegionCode.Level.PROVINCE;
            default -> true; // viewer and system of any region; unknown roles grant nothing anyway
        };
    }

    private static Optional<Refusal> malformed(String reason) {
        return Optional.of(new Refusal(Kind.MALFORMED, reason));
    }
}
