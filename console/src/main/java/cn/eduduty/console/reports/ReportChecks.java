package cn.eduduty.console.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import cn.eduduty.console.api.report.ApiException;
import cn.eduduty.console.api.report.model.Check;

/**
 * The checks a county's report preview fails now ({@code checks} of {@code previewReport}), read
 * with the generated {@link Check} model from the preview's JSON, the rest of the half-megabyte
 * document skipped unread: the prefecture's table asks one preview per county and needs only their
 * checks, not every figure and block as objects ({@code ReportsApi.previewReport} would build them).
 */
@ApplicationScoped
public class ReportChecks {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChecksOnly(List<Check> checks) {
    }

    private final ObjectReader reader;

    @RestClient
    ReportFiles files;

    @Inject
    public ReportChecks(ObjectMapper json) {
        this.reader = json.readerFor(ChecksOnly.class);
    }

    /** The preview's checks; a refusal is the report client's {@link ApiException}. */
    public List<Check> of(String region, int year) throws ApiException, IOException {
        try (Response preview = files.preview(region, year, "json"); InputStream body = preview.readEntity(InputStream.class)) {
            ChecksOnly read = reader.readValue(body);
            return read.checks() == null ? List.of() : read.checks();
        }
    }
}
