package cn.eduduty.console.signin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.jwt.build.Jwt;

/**
 * A province's identity provider as far as the authorization code flow needs one: discovery, keys,
 * an authorization endpoint that signs the user in at once (as a county editor of 990101) and
 * sends the browser back with a code, and a token endpoint that trades the code, once, for an ID
 * token and an access token. Its {@code /api/...} paths stand in for the services: they record the
 * Authorization header they receive and refuse with a 403 problem, which is all the test needs to
 * see that the console forwards the access token it was given.
 */
public class FakeIdentityProvider implements QuarkusTestResourceLifecycleManager {

    static final String CLIENT_ID = "eduduty-console";
    static final String SECRET = "console-secret";
    /** The access token the provider issued last. */
    static volatile String lastAccessToken;
    /** Authorization headers the stand-in services received. */
    static final List<String> serviceAuthorizations = new CopyOnWriteArrayList<>();

    private final Map<String, Boolean> codes = new ConcurrentHashMap<>();
    private HttpServer server;
    private KeyPair keys;
    private String issuer;

    @Override
    public Map<String, String> start() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/province";
        server.createContext("/realms/province/.well-known/openid-configuration", x -> json(x, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/auth","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/keys","end_session_endpoint":"%1$s/logout",
                 "response_types_supported":["code"],"id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(issuer)));
        server.createContext("/realms/province/keys", x -> {
            RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
            json(x, 200, "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"k1\",\"use\":\"sig\",\"alg\":\"RS256\",\"n\":\""
                    + b64(pub.getModulus()) + "\",\"e\":\"" + b64(pub.getPublicExponent()) + "\"}]}");
        });
        server.createContext("/realms/province/auth", this::authorize);
        server.createContext("/realms/province/token", this::token);
        server.createContext("/api/", x -> {
            serviceAuthorizations.add(String.valueOf(x.getRequestHeaders().getFirst("Authorization")));
            x.getResponseHeaders().set("Content-Type", "application/problem+json");
            byte[] body = "{\"type\":\"urn:eduduty:problem:forbidden\",\"title\":\"测试：服务拒绝\",\"status\":403}"
                    .getBytes(StandardCharsets.UTF_8);
            x.sendResponseHeaders(403, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", issuer);
        config.put("quarkus.oidc.client-id", CLIENT_ID);
        config.put("quarkus.oidc.credentials.secret", SECRET);
        for (String service : List.of("indicator", "registry", "funding", "report")) {
            config.put("quarkus.rest-client." + service + ".url", base);
        }
        return config;
    }

    private void authorize(HttpExchange x) throws IOException {
        Map<String, String> q = query(x.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"code".equals(q.get("response_type"))) {
            json(x, 400, "{\"error\":\"invalid_request\"}");
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, true);
        x.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        x.sendResponseHeaders(302, -1);
        x.close();
    }

    private void token(HttpExchange x) throws IOException {
        Map<String, String> form = query(new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String basic = "Basic " + Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        boolean client = basic.equals(x.getRequestHeaders().getFirst("Authorization"))
                || (CLIENT_ID.equals(form.get("client_id")) && SECRET.equals(form.get("client_secret")));
        if (!client || codes.remove(String.valueOf(form.get("code"))) == null) {
            json(x, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        String id = Jwt.issuer(issuer).audience(CLIENT_ID).subject("zhang.san").claim("preferred_username", "zhang.san")
                .expiresIn(300).jws().keyId("k1").sign(keys.getPrivate());
        String access = Jwt.issuer(issuer).audience("eduduty").subject("zhang.san").upn("zhang.san")
                .groups(Set.of("county-editor")).claim("region", "990101").expiresIn(300).jws().keyId("k1")
                .sign(keys.getPrivate());
        lastAccessToken = access;
        json(x, 200, "{\"access_token\":\"" + access + "\",\"id_token\":\"" + id
                + "\",\"token_type\":\"Bearer\",\"expires_in\":300}");
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    private static void json(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    private static String b64(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            byte[] unsigned = new byte[bytes.length - 1];
            System.arraycopy(bytes, 1, unsigned, 0, unsigned.length);
            bytes = unsigned;
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
