package cn.eduduty.console;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A key pair in the launcher's layout ({@code private-key.pem}, PKCS#8), made for the test run:
 * the console's local sign-in signs with it as it signs with {@code .run/keys} under deploy/run.
 */
public class LocalKeys implements QuarkusTestResourceLifecycleManager {

    public static final Path DIRECTORY = Path.of("target", "console-test-keys");
    private static KeyPair pair;

    /** The public half, to verify what the console signed. */
    public static synchronized PublicKey publicKey() {
        return pair().getPublic();
    }

    private static synchronized KeyPair pair() {
        if (pair == null) {
            try {
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                pair = generator.generateKeyPair();
                Files.createDirectories(DIRECTORY);
                Files.writeString(DIRECTORY.resolve("private-key.pem"), "-----BEGIN PRIVATE KEY-----\n"
                        + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                        + "\n-----END PRIVATE KEY-----\n");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return pair;
    }

    @Override
    public Map<String, String> start() {
        pair();
        return Map.of("eduduty.console.local-sign-in.key", DIRECTORY.resolve("private-key.pem").toAbsolutePath().toString());
    }

    @Override
    public void stop() {
    }
}
