package cn.eduduty.console.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Signs the local sign-in's tokens with the launcher's key ({@code .run/keys/private-key.pem}), the
 * key whose public half the locally started services trust: the same issuer, audience and claims as
 * the launcher's {@code TokenIssuer} and {@code deploy/mint-token} (embedded-infra, which the console
 * does not depend on: it carries PostgreSQL and Kafka). A working day's validity, as theirs.
 */
final class LocalTokens {

    static final String ISSUER = "https://eduduty.local/issuer";
    static final String AUDIENCE = "eduduty";
    static final Duration VALIDITY = Duration.ofHours(8);

    private final PrivateKey key;

    private LocalTokens(PrivateKey key) {
        this.key = key;
    }

    static LocalTokens from(Path pem) {
        try {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return new LocalTokens(KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local sign-in key " + pem, e);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the local sign-in key " + pem + " is not an RSA private key in PEM", e);
        }
    }

    String mint(LocalAccount account) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(account.subject())
                .upn(account.subject())
                .groups(Set.of(account.role()))
                .claim("region", account.region())
                .expiresIn(VALIDITY)
                .sign(key);
    }
}
