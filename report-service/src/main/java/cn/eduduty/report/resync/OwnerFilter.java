package cn.eduduty.report.resync;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Every request to an owner carries the system token; every answer other than 200 stops the read
 * here, where the path is known: a 404 as {@link Missing} (absent, or a wrong URL, as the caller
 * decides), anything else as a {@link ResyncException} quoting the owner's answer.
 */
final class OwnerFilter implements ClientRequestFilter, ClientResponseFilter {

    private final String service;
    private final String token;

    OwnerFilter(String service, String token) {
        this.service = service;
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON);
    }

    @Override
    public void filter(ClientRequestContext request, ClientResponseContext response) throws IOException {
        int status = response.getStatus();
        if (status == 200) {
            return;
        }
        String path = request.getUri().getPath();
        if (status == 404) {
            throw new Missing(path);
        }
        throw new ResyncException(service + " answered " + status + " to GET " + path + ": " + body(response));
    }

    private static String body(ClientResponseContext response) throws IOException {
        if (!response.hasEntity()) {
            return "";
        }
        try (InputStream in = response.getEntityStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The owner answered 404 to GET {@code path}. */
    static final class Missing extends RuntimeException {

        final String path;

        Missing(String path) {
            super("404 to GET " + path, null, false, false);
            this.path = path;
        }
    }
}
