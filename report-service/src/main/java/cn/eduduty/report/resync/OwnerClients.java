package cn.eduduty.report.resync;

import java.net.URI;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;

/**
 * The owners' typed clients for one resync, presenting its system token, with the URLs and
 * timeouts of {@link OwnersConfig}. A resync opens them, reads, and closes them.
 */
@ApplicationScoped
class OwnerClients {

    private final OwnersConfig config;

    OwnerClients(OwnersConfig config) {
        this.config = config;
    }

    /** The three owners, each sending {@code token} as its bearer token. */
    record Owners(Owner<RegistryClient> registry, Owner<FundingClient> funding, Owner<IndicatorClient> indicator)
            implements AutoCloseable {

        @Override
        public void close() {
            registry.close();
            funding.close();
            indicator.close();
        }
    }

    Owners open(String token) {
        return new Owners(owner("school-registry-service", config.registryUrl(), RegistryClient.class, token),
                owner("funding-service", config.fundingUrl(), FundingClient.class, token),
                owner("indicator-service", config.indicatorUrl(), IndicatorClient.class, token));
    }

    private <C> Owner<C> owner(String service, String url, Class<C> type, String token) {
        String baseUrl = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        C client = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // OwnerFilter answers every status but 200, with the path it was asked for
                .disableDefaultMapper(true)
                .register(new OwnerFilter(service, token))
                .build(type);
        return new Owner<>(service, baseUrl, client);
    }
}
