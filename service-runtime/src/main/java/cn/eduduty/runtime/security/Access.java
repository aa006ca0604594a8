package cn.eduduty.runtime.security;

import java.util.Set;
import java.util.function.Supplier;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.eduduty.runtime.problem.ProblemException;

/**
 * What a request needs, said once per resource method: the role comes from {@code @RolesAllowed}
 * (checked before the method runs), the region from one of these calls with the region the
 * request touches. A token's {@code region} claim covers that region and everything below it.
 */
@RequestScoped
public class Access {

    private static final Set<String> READERS = Set.of(Roles.COUNTY_EDITOR, Roles.PREFECTURE_REVIEWER, Roles.VIEWER,
            Roles.SYSTEM);
    private static final Set<String> WRITERS = Set.of(Roles.COUNTY_EDITOR, Roles.SYSTEM);
    private static final Set<String> REVIEWERS = Set.of(Roles.PREFECTURE_REVIEWER);

    private final JsonWebToken token;

    @Inject
    public Access(JsonWebToken token) {
        this.token = token;
    }

    /** Any role may read data of a region within its own. */
    public void requireRead(String region) {
        require(READERS, region, "read");
    }

    /** County editors and system clients may write data of a region within their own. */
    public void requireWrite(String region) {
        require(WRITERS, region, "change");
    }

    /** Prefecture reviewers may review the counties within their region. */
    public void requireReview(String region) {
        require(REVIEWERS, region, "review");
    }

    /** Any of {@code roles}, for a region within the token's: for actions the three above do not name. */
    public void require(String region, String action, String... roles) {
        require(Set.of(roles), region, action);
    }

    /**
     * For a record addressed by its id: a record outside the token's region answers exactly as a
     * missing one ({@code missing}, the resource's own not-found problem), so ids of other regions
     * cannot be probed; within it, the role decides as {@link #requireRead} does.
     */
    public void requireReadOrHide(String region, Supplier<ProblemException> missing) {
        hideUnlessVisible(region, missing);
        requireRead(region);
    }

    /** As {@link #requireWrite}, for a record addressed by its id: another region's record looks missing. */
    public void requireWriteOrHide(String region, Supplier<ProblemException> missing) {
        hideUnlessVisible(region, missing);
        requireWrite(region);
    }

    /** As {@link #requireReview}, for a record addressed by its id: another region's record looks missing. */
    public void requireReviewOrHide(String region, Supplier<ProblemException> missing) {
        hideUnlessVisible(region, missing);
        requireReview(region);
    }

    /** As {@link #require}, for a record addressed by its id: another region's record looks missing. */
    public void requireOrHide(String region, Supplier<ProblemException> missing, String action, String... roles) {
        hideUnlessVisible(region, missing);
        require(region, action, roles);
    }

    /** Whether {@code region} lies within the token's region (whatever the role). */
    public boolean visible(String region) {
        return RegionCode.within(region, region());
    }

    /** Whether the token holds {@code role}. */
    public boolean holds(String role) {
        return holdsAny(Set.of(role));
    }

    private void hideUnlessVisible(String region, Supplier<ProblemException> missing) {
        if (!visible(region)) {
            throw missing.get();
        }
    }

    /** The token's region, for listing what a caller may see. */
    public String region() {
        // TokenClaimsCheck refuses a token whose region is not a string code before any method runs;
        // read it defensively all the same, so a non-string claim can never become a 500
        Object claim = TokenClaimsCheck.region(token);
        String region = claim instanceof String s ? s : null;
        if (!RegionCode.isValid(region)) {
            throw ProblemException.forbidden("The token carries no valid region claim");
        }
        return region;
    }

    /** Whether the caller may read {@code region}; for filtering lists rather than refusing. */
    public boolean canRead(String region) {
        return holdsAny(READERS) && RegionCode.within(region, region());
    }

    /** The subject that every write records for audit. */
    public String principal() {
        return token.getSubject() != null ? token.getSubject() : token.getName();
    }

    private void require(Set<String> roles, String region, String action) {
        if (!holdsAny(roles)) {
            throw ProblemException.forbidden("Role " + token.getGroups() + " may not " + action + " this resource");
        }
        String own = region();
        if (!RegionCode.within(region, own)) {
            // names neither region: the one asked for may come from a record the caller may not see
            throw ProblemException.forbidden("The region asked for is outside the token's region");
        }
    }

    private boolean holdsAny(Set<String> roles) {
        return token.getGroups() != null && token.getGroups().stream().anyMatch(roles::contains);
    }
}
