package cn.eduduty.console.signin;

import java.util.List;

import cn.eduduty.console.web.Labels;

/** An account the local sign-in page offers ({@code eduduty.console.local-sign-in.accounts}). */
public record LocalAccount(String role, String region, String subject, String label) {

    /** Parses {@code role|region|subject|label}. */
    static LocalAccount parse(String line) {
        List<String> parts = List.of(line.split("\\|", 4));
        if (parts.size() != 4 || !parts.get(1).matches("\\d{6}|\\d{9}")) {
            throw new IllegalArgumentException("eduduty.console.local-sign-in.accounts: expected role|region|subject|label, not "
                    + line);
        }
        return new LocalAccount(parts.get(0), parts.get(1), parts.get(2), parts.get(3));
    }

    /** The role as the page names it. */
    public String roleName() {
        return Labels.role(role);
    }

    /** The value of the account's sign-in button. */
    public String key() {
        return role + "|" + region;
    }
}
