package cn.eduduty.runtime.security;

/**
 * The roles a token may carry. Use them in {@code @RolesAllowed} on every resource method; an
 * endpoint without a security annotation is refused ({@code deny-unannotated-endpoints}).
 */
public final class Roles {
    /** County education bureau staff: write their own region's data, and read it. */
    public static final String COUNTY_EDITOR = "county-editor";
    /** Prefecture inspectors: review and read the counties below their region. */
    public static final String PREFECTURE_REVIEWER = "prefecture-reviewer";
    /** Read only, within the region. */
    public static final String VIEWER = "viewer";
    /** Machine clients of other government systems, scoped to a region like a person. */
    public static final String SYSTEM = "system";

    private Roles() {
    }
}
