package cn.eduduty.launcher.demo;

/**
 * What the loader's part for one service starts from: the run's {@link LoadSession} (client,
 * tokens, output, writes) and the service's base URL.
 */
abstract class ServiceClient {

    final LoadSession session;
    final JsonHttp api;
    private final String baseUrl;

    ServiceClient(LoadSession session, String baseUrl) {
        this.session = session;
        this.api = session.api;
        this.baseUrl = baseUrl;
    }

    /** {@code path} (from {@code /api/v1/…}) on the service. */
    final String url(String path) {
        return baseUrl + path;
    }
}
