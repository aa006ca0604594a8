package cn.eduduty.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.eduduty.embedded.TokenIssuer;

/** Bearer tokens for tests, signed with the per-JVM key pair the services are configured with. */
public final class Tokens {

    private static final String KEYS = "eduduty.test.keys";

    private Tokens() {
    }

    static synchronized TokenIssuer issuer() {
        String dir = System.getProperty(KEYS);
        if (dir == null) {
            Path keys = Path.of(System.getProperty("java.io.tmpdir"), "eduduty-test-keys-" + ProcessHandle.current().pid());
            dir = keys.toString();
            System.setProperty(KEYS, dir);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                keys.resolve("private-key.pem").toFile().delete();
                keys.resolve("public-key.pem").toFile().delete();
                keys.toFile().delete();
            }));
        }
        return TokenIssuer.inDirectory(Path.of(dir));
    }

    /** A valid token for {@code role} scoped to {@code region}; the subject names both. */
    public static String of(String role, String region) {
        return issuer().mint(role + "@" + region, role, region);
    }

    public static String expired(String role, String region) {
        return issuer().mintExpired(role + "@" + region, role, region);
    }

    /**
     * A correctly signed token of exactly these claims (plus the issuer and audience the services
     * expect): no {@code iat} or {@code exp} unless given. Start from {@link #claims} to change one.
     */
    public static String withClaims(Map<String, Object> claims) {
        return issuer().mint(claims);
    }

    /** The claims of a good token of {@code role} for {@code region}, valid for an hour from now, to alter. */
    public static Map<String, Object> claims(String role, String region) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("sub", role + "@" + region);
        claims.put("upn", role + "@" + region);
        claims.put("groups", List.of(role));
        claims.put("region", region);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return claims;
    }

    /** {@link #claims} with one claim replaced, or removed when {@code value} is null. */
    public static String with(String role, String region, String claim, Object value) {
        Map<String, Object> claims = claims(role, region);
        if (value == null) {
            claims.remove(claim);
        } else {
            claims.put(claim, value);
        }
        return withClaims(claims);
    }

    /** The region as a JSON number ({@code "region": 990101}). */
    public static String numericRegion(String role, String region) {
        return with(role, region, "region", Long.parseLong(region));
    }

    /** The region as a JSON array ({@code "region": ["990101"]}). */
    public static String arrayRegion(String role, String region) {
        return with(role, region, "region", List.of(region));
    }

    /** The region as a JSON object ({@code "region": {"code": "990101"}}). */
    public static String objectRegion(String role, String region) {
        return with(role, region, "region", Map.of("code", region));
    }

    /** No region claim at all. */
    public static String withoutRegion(String role) {
        return with(role, "990101", "region", null);
    }

    /** No {@code iat}: its lifetime cannot be told. */
    public static String withoutIssuedAt(String role, String region) {
        return with(role, region, "iat", null);
    }

    /** Issued now and valid for {@code lifetime} (the services accept at most 12 h by default). */
    public static String lifetime(String role, String region, Duration lifetime) {
        Map<String, Object> claims = claims(role, region);
        claims.put("exp", (Long) claims.get("iat") + lifetime.toSeconds());
        return withClaims(claims);
    }

    /** Valid for ten years. */
    public static String longLived(String role, String region) {
        return lifetime(role, region, Duration.ofDays(3650));
    }

    /**
     * A well-formed token whose role does not fit its region's level: a county editor of the
     * prefecture above {@code county}, or a prefecture reviewer of {@code county} itself.
     */
    public static String misfit(String role, String county) {
        return switch (role) {
            case Api.COUNTY_EDITOR -> of(role, county.substring(0, 4) + "00");
            case Api.PREFECTURE_REVIEWER -> of(role, county);
            default -> throw new IllegalArgumentException(role + " fits every region");
        };
    }

    /**
     * Every malformed token for {@code role} of {@code region} by what is wrong with it, each of
     * which every {@code /api} endpoint answers with 401: for tests that try them all.
     */
    public static Map<String, String> malformed(String role, String region) {
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("numeric region", numericRegion(role, region));
        tokens.put("array region", arrayRegion(role, region));
        tokens.put("object region", objectRegion(role, region));
        tokens.put("no region", withoutRegion(role));
        tokens.put("region not a code", with(role, region, "region", "99010"));
        tokens.put("no iat", withoutIssuedAt(role, region));
        tokens.put("ten-year lifetime", longLived(role, region));
        tokens.put("13-hour lifetime", lifetime(role, region, Duration.ofHours(13)));
        return tokens;
    }
}
