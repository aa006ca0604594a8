package cn.eduduty.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

import cn.eduduty.embedded.TokenIssuer;

/**
 * {@code deploy/mint-token ROLE REGION [SUBJECT] [HOURS]}: prints a bearer token signed with the
 * launcher's key pair ({@code .run/keys}), accepted by the locally running services; valid for
 * HOURS (default 8, at most 12, the services' limit).
 */
public final class MintToken {

    private static final Set<String> ROLES = Set.of("county-editor", "prefecture-reviewer", "viewer", "system");

    private MintToken() {
    }

    public static void main(String[] args) {
        if (args.length < 2 || !ROLES.contains(args[0]) || !args[1].matches("\\d{6}|\\d{9}")) {
            System.err.println("usage: deploy/mint-token ROLE REGION [SUBJECT] [HOURS]");
            System.err.println("  ROLE: one of " + ROLES + "; REGION: a 6- or 9-digit GB/T 2260 code");
            System.exit(2);
        }
        String subject = args.length > 2 ? args[2] : args[0] + "@" + args[1];
        long hours = args.length > 3 ? Long.parseLong(args[3]) : 8;
        if (hours < 1 || hours > TokenIssuer.MAX_LIFETIME.toHours()) {
            // the services refuse a longer-lived token (eduduty.security.token.max-lifetime)
            System.err.println("HOURS: 1 to " + TokenIssuer.MAX_LIFETIME.toHours());
            System.exit(2);
        }
        Path keys = Path.of(System.getProperty("eduduty.root", ".")).resolve(".run/keys");
        System.out.println(TokenIssuer.inDirectory(keys).mint(subject, args[0], args[1], Duration.ofHours(hours)));
    }
}
