package cn.eduduty.testsupport;

import java.nio.file.Path;

import cn.eduduty.testsupport.infra.TokenIssuer;

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
}
