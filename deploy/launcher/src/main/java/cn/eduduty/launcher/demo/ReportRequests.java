package cn.eduduty.launcher.demo;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.eduduty.contracts.Topics;
import cn.eduduty.launcher.demo.JsonHttp.Failure;
import cn.eduduty.launcher.demo.JsonHttp.Reply;

/**
 * What the loader asks of report-service, which owns nothing the demo writes: whether it has read
 * every event of the owners' topics, and a final report of the county (its newest, or a new one).
 */
final class ReportRequests extends ServiceClient {

    static final List<String> OWNER_TOPICS = List.of(Topics.INDICATOR, Topics.REGISTRY, Topics.FUNDING);

    private static final Pattern UNSENT = Pattern.compile("(?m)^eduduty_outbox_unsent(?:\\{[^}]*})?\\s+(\\S+)$");

    private final List<String> ownerUrls;
    private final Duration catchUpTimeout;

    /** Report-service at {@code reportUrl}, fed by the owners at {@code ownerUrls}. */
    ReportRequests(LoadSession session, String reportUrl, List<String> ownerUrls, Duration catchUpTimeout) {
        super(session, reportUrl);
        this.ownerUrls = List.copyOf(ownerUrls);
        this.catchUpTimeout = catchUpTimeout;
    }

    /**
     * Waits until the report service has applied every event of the three owner topics: the
     * owners' outboxes are empty (their {@code eduduty_outbox_unsent} metric is 0, so Kafka holds
     * every event), every read position has {@code lag} 0 and each topic has one. While the
     * positions carry no {@code lag} (an older report service), it waits until they stop moving.
     */
    boolean awaitCaughtUp() {
        Instant deadline = Instant.now().plus(catchUpTimeout);
        String readPositions = url("/api/v1/read-positions");
        JsonNode previous = null;
        int steady = 0;
        session.out.print("Waiting for report-service to read every event ...");
        while (Instant.now().isBefore(deadline)) {
            Reply reply;
            try {
                reply = api.get(readPositions, session.editor);
            } catch (Failure e) {
                reply = null;
            }
            if (reply != null && reply.status() == 200) {
                JsonNode positions = reply.json();
                Set<String> topics = new TreeSet<>();
                boolean anyLagField = false;
                boolean allZero = true;
                for (JsonNode p : positions) {
                    topics.add(p.path("topic").asText());
                    anyLagField |= p.has("lag");
                    // lag is null while Kafka does not answer: not known to be caught up
                    allZero &= p.path("lag").isNumber() && p.path("lag").asLong() == 0;
                }
                boolean allTopics = topics.containsAll(OWNER_TOPICS) && outboxesDrained();
                if (allTopics && allZero) {
                    session.out.println(" caught up.");
                    return true;
                }
                if (allTopics && !anyLagField) {
                    steady = positions.equals(previous) ? steady + 1 : 0;
                    if (steady >= 3) {
                        session.out.println(" its read positions have stopped moving (they report no lag yet).");
                        return true;
                    }
                }
                previous = positions;
            }
            sleep(Duration.ofSeconds(2));
            session.out.print(".");
        }
        session.out.println();
        session.out.println("report-service has not caught up after " + catchUpTimeout.toSeconds() + " s (see "
                + readPositions + "); no report asked for. Ask later: POST " + url("/api/v1/reports") + " "
                + "{\"region\":\"" + session.place.county() + "\",\"year\":" + DemoCounty.REPORT_YEAR + ",\"kind\":\"FINAL\"}");
        return false;
    }

    /** Whether the owners have sent every outbox event to Kafka; true when a service does not say. */
    private boolean outboxesDrained() {
        for (String service : ownerUrls) {
            String management = managementUrl(service);
            if (management == null) {
                continue; // metrics answer on a management port this loader cannot tell: rely on the read positions
            }
            try {
                Reply metrics = api.send("GET", management + "/q/metrics", session.editor, null, null,
                        Map.of("Accept", "text/plain"));
                Matcher m = UNSENT.matcher(metrics.status() == 200 ? metrics.body() : "");
                while (m.find()) {
                    if (Double.parseDouble(m.group(1)) > 0) {
                        return false;
                    }
                }
            } catch (Failure | NumberFormatException e) {
                // cannot tell: rely on the read positions
            }
        }
        return true;
    }

    /**
     * Where the service at {@code apiUrl} answers health and metrics: its management port, 1000
     * above the API port by the suite's convention (8081 → 9081); null for a port outside it.
     */
    static String managementUrl(String apiUrl) {
        URI uri = URI.create(apiUrl);
        if (uri.getPort() < 8081 || uri.getPort() > 8084) {
            return null;
        }
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + 1000);
    }

    /** The id of the newest final report of {@code region} and {@code year}, if the report service lists one. */
    Optional<String> latestReport(String region, int year) {
        try {
            Reply reply = api.get(url("/api/v1/reports?region=" + region + "&year=" + year
                    + "&kind=FINAL&size=1"), session.editor);
            if (reply.status() == 200 && reply.json().path("items").size() > 0) {
                return Optional.of(reply.json().path("items").get(0).path("id").asText());
            }
        } catch (Failure e) {
            // no list to read: generate one
        }
        return Optional.empty();
    }

    /**
     * Asks the report service for a final report of {@code region} and {@code year}: {@code POST
     * /api/v1/reports} answers 201 with the report's id (in the body, and in {@code Location}).
     * Each call makes a new snapshot of the data as it is now. Empty, with the reason printed,
     * when the service cannot generate reports yet (404) or refuses.
     */
    Optional<String> generateReport(String region, int year) {
        ObjectNode body = api.object().put("region", region).put("year", year).put("kind", "FINAL");
        Reply reply;
        try {
            reply = api.postJson(url("/api/v1/reports"), session.editor, body, Map.of());
        } catch (Failure e) {
            session.out.println("Could not ask report-service for the report: " + e.getMessage());
            return Optional.empty();
        }
        if (reply.status() == 404) {
            session.out.println("report-service cannot generate reports yet (POST /api/v1/reports answered 404); the demo "
                    + "data is loaded, ask for the report once the endpoint exists.");
            return Optional.empty();
        }
        if (reply.status() != 201 && reply.status() != 200) {
            session.out.println("report-service did not generate the report: HTTP " + reply.status() + " "
                    + JsonHttp.abbreviate(reply.body()));
            return Optional.empty();
        }
        String id = null;
        try {
            id = JsonHttp.text(reply.json(), "id");
        } catch (Failure e) {
            // no JSON body: fall back to Location
        }
        if (id == null) {
            id = reply.header("Location").map(l -> l.substring(l.lastIndexOf('/') + 1)).orElse(null);
        }
        if (id == null) {
            session.out.println("report-service answered " + reply.status() + " without a report id");
            return Optional.empty();
        }
        session.out.println("report-service generated the " + year + " report of " + region + ": " + id);
        return Optional.of(id);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", 0);
        }
    }
}
