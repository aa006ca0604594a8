package cn.eduduty.embedded;

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
import java.util.Map;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

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

    /**
     * The longest lifetime the services accept by default ({@code eduduty.security.token.max-lifetime}):
     * {@link #mint(String, String, String, Duration)} refuses to sign a longer one.
     */
    public static final Duration MAX_LIFETIME = Duration.ofHours(12);

    /** A token for {@code subject} holding {@code role}, scoped to {@code region}, valid for 8 hours (a working day). */
    public String mint(String subject, String role, String region) {
        return mint(subject, role, region, Duration.ofHours(8));
    }

    public String mint(String subject, String role, String region, Duration validity) {
        if (validity.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("a token may live at most " + MAX_LIFETIME.toHours() + " h, not "
                    + validity.toHours() + " h");
        }
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
     * A token signed correctly with exactly {@code claims}, nothing added: no {@code iat},
     * {@code exp} or {@code jti} unless given, and any JSON value for any claim (a number as the
     * region, say). For tests that show what the services refuse; {@code iss} and {@code aud}
     * default to the ones the services expect.
     */
    public String mint(Map<String, Object> claims) {
        JwtClaims body = new JwtClaims();
        body.setIssuer(ISSUER);
        body.setAudience(AUDIENCE);
        claims.forEach(body::setClaim);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(body.toJson());
        jws.setKey(privateKey);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }
}
