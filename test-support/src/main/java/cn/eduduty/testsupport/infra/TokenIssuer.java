package cn.eduduty.testsupport.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints bearer tokens the services accept. A key pair is generated at first use into a directory
 * (never committed); the services verify with the public key file, this class signs with the
 * private one.
 */
public final class TokenIssuer {

    public static final String ISSUER = "https://eduduty.local/issuer";
    public static final String AUDIENCE = "eduduty";

    private final Path publicKey;
    private final PrivateKey privateKey;

    private TokenIssuer(Path publicKey, PrivateKey privateKey) {
        this.publicKey = publicKey;
        this.privateKey = privateKey;
    }

    /** Uses the key pair in {@code directory}, generating it first if there is none. */
    public static TokenIssuer inDirectory(Path directory) {
        try {
            Path pub = directory.resolve("public-key.pem");
            Path priv = directory.resolve("private-key.pem");
            if (!Files.exists(pub) || !Files.exists(priv)) {
                Files.createDirectories(directory);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.setPosixFilePermissions(priv, PosixFilePermissions.fromString("rw-------"));
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                pub.toFile().setReadable(true, false);
            }
            String body = Files.readString(priv).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new TokenIssuer(pub, key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make or read the token key pair", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    public Path publicKeyFile() {
        return publicKey;
    }

    /** A token for {@code subject} holding {@code role}, scoped to {@code region}, valid for a day. */
    public String mint(String subject, String role, String region) {
        return mint(subject, role, region, Duration.ofDays(1));
    }

    public String mint(String subject, String role, String region, Duration validity) {
        return Jwt.issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .upn(subject)
                .groups(Set.of(role))
                .claim("region", region)
                .expiresIn(validity)
                .sign(privateKey);
    }

    /** A token that is signed correctly but expired, for refusal tests. */
    public String mintExpired(String subject, String role, String region) {
        long now = System.currentTimeMillis() / 1000;
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).groups(Set.of(role)).claim("region", region)
                .issuedAt(now - 7200).expiresAt(now - 3600).sign(privateKey);
    }

    /**
     * A token valid for an hour (well within any lifetime bound) whose claims are {@code claims}
     * (e.g. a region that is a number), for refusal tests.
     */
    public String mintClaims(String subject, String role, java.util.Map<String, Object> claims) {
        var builder = Jwt.issuer(ISSUER).audience(AUDIENCE).subject(subject).upn(subject).groups(Set.of(role));
        claims.forEach(builder::claim);
        return builder.issuedAt(System.currentTimeMillis() / 1000).expiresIn(Duration.ofHours(1)).sign(privateKey);
    }
}
