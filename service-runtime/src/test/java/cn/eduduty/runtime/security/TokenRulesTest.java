package cn.eduduty.runtime.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.eduduty.runtime.security.TokenRules.Kind;
import cn.eduduty.runtime.security.TokenRules.Refusal;

class TokenRulesTest {

    private static final Duration MAX = Duration.ofHours(12);
    private static final long NOW = 1_790_000_000L;

    private static Optional<Refusal> check(Object region, String role) {
        return TokenRules.check(region, Set.of(role), NOW, NOW + 3600, MAX, NOW);
    }

    private static Optional<Kind> kind(Object region, String role) {
        return check(region, role).map(Refusal::kind);
    }

    @Test
    void acceptsEachRoleAtARegionOfItsLevel() {
        assertThat(check("990101", Roles.COUNTY_EDITOR)).isEmpty();
        assertThat(check("990100", Roles.PREFECTURE_REVIEWER)).isEmpty();
        assertThat(check("990000", Roles.PREFECTURE_REVIEWER)).isEmpty();
        for (String region : List.of("990000", "990100", "990101", "990101001")) {
            assertThat(check(region, Roles.VIEWER)).as(region).isEmpty();
            assertThat(check(region, Roles.SYSTEM)).as(region).isEmpty();
        }
    }

    @Test
    void refusesARegionThatIsNotAStringCodeAsMalformed() {
        assertThat(kind(990101L, Roles.COUNTY_EDITOR)).contains(Kind.MALFORMED);
        assertThat(kind(new BigDecimal("990101"), Roles.VIEWER)).contains(Kind.MALFORMED);
        assertThat(kind(List.of("990101"), Roles.COUNTY_EDITOR)).contains(Kind.MALFORMED);
        assertThat(kind(Map.of("code", "990101"), Roles.COUNTY_EDITOR)).contains(Kind.MALFORMED);
        assertThat(kind(true, Roles.SYSTEM)).contains(Kind.MALFORMED);
        assertThat(kind(null, Roles.SYSTEM)).contains(Kind.MALFORMED);
        for (String bad : List.of("", "99010", "9901010", "99010100", "9901010011", "000000", "99o101", " 990101",
                "990101\n")) {
            assertThat(kind(bad, Roles.VIEWER)).as("'%s'", bad).contains(Kind.MALFORMED);
        }
        assertThat(check(null, Roles.SYSTEM).orElseThrow().reason()).contains("no region");
        assertThat(check(990101L, Roles.SYSTEM).orElseThrow().reason()).contains("not a string")
                .doesNotContain("990101");
    }

    @Test
    void refusesARoleThatDoesNotFitItsRegionAsMisfit() {
        assertThat(kind("990100", Roles.COUNTY_EDITOR)).contains(Kind.MISFIT);
        assertThat(kind("990000", Roles.COUNTY_EDITOR)).contains(Kind.MISFIT);
        assertThat(kind("990101001", Roles.COUNTY_EDITOR)).contains(Kind.MISFIT);
        assertThat(kind("990101", Roles.PREFECTURE_REVIEWER)).contains(Kind.MISFIT);
        assertThat(kind("990101001", Roles.PREFECTURE_REVIEWER)).contains(Kind.MISFIT);
        // one misfit role spoils the token, whatever else it holds
        assertThat(TokenRules.check("990100", Set.of(Roles.VIEWER, Roles.COUNTY_EDITOR), NOW, NOW + 60, MAX, NOW)
                .map(Refusal::kind)).contains(Kind.MISFIT);
    }

    @Test
    void leavesRolesItDoesNotKnowToTheRoleChecks() {
        assertThat(check("990101", "admin")).isEmpty();
        assertThat(TokenRules.check("990101", Set.of(), NOW, NOW + 60, MAX, NOW)).isEmpty();
        assertThat(TokenRules.check("990101", null, NOW, NOW + 60, MAX, NOW)).isEmpty();
    }

    @Test
    void boundsTheLifetime() {
        Set<String> editor = Set.of(Roles.COUNTY_EDITOR);
        assertThat(TokenRules.check("990101", editor, NOW, NOW + MAX.toSeconds(), MAX, NOW)).isEmpty();
        assertThat(TokenRules.check("990101", editor, NOW, NOW + MAX.toSeconds() + 1, MAX, NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
        assertThat(TokenRules.check("990101", editor, NOW, NOW + 3650L * 86400, MAX, NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
        assertThat(TokenRules.check("990101", editor, null, NOW + 60, MAX, NOW).orElseThrow().reason()).contains("iat");
        assertThat(TokenRules.check("990101", editor, NOW, null, MAX, NOW).map(Refusal::kind)).contains(Kind.MALFORMED);
        assertThat(TokenRules.check("990101", editor, NOW, NOW - 1, MAX, NOW).map(Refusal::kind)).contains(Kind.MALFORMED);
        // a late iat cannot make a token live for years
        assertThat(TokenRules.check("990101", editor, NOW + 3650L * 86400 - 3600, NOW + 3650L * 86400, MAX, NOW)
                .orElseThrow().reason()).contains("iat");
        // an iat in the future beyond the clock skew, and one that would overflow the subtraction
        assertThat(TokenRules.check("990101", editor, NOW + 120, NOW + 3600, MAX, NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
        assertThat(TokenRules.check("990101", editor, NOW + 30, NOW + 3600, MAX, NOW)).isEmpty();
        assertThat(TokenRules.check("990101", editor, Long.MIN_VALUE + 1, NOW + 60, MAX, NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
        // a shorter configured maximum is honoured
        assertThat(TokenRules.check("990101", editor, NOW, NOW + 3601, Duration.ofHours(1), NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
    }

    @Test
    void checksTheClaimsBeforeTheRoles() {
        // a malformed token is 401 even when its role would also misfit: authentication comes first
        assertThat(kind(990100L, Roles.COUNTY_EDITOR)).contains(Kind.MALFORMED);
        assertThat(TokenRules.check("990100", Set.of(Roles.COUNTY_EDITOR), null, NOW, MAX, NOW).map(Refusal::kind))
                .contains(Kind.MALFORMED);
    }
}
