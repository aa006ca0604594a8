package cn.eduduty.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * deploy/observability as the tests read it: the series that the alert rules ({@code rules.yml}) and
 * the dashboard ({@code dashboard.json}) read, which service {@code metrics.txt} says exposes each,
 * and the series a {@code /q/metrics} page exposes. {@link ServiceContract} puts them together.
 */
public final class ObservabilityFiles {

    /** In metrics.txt: a series every service exposes, and one Prometheus makes itself ({@code up}). */
    public static final String ALL = "all";
    public static final String PROMETHEUS = "prometheus";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_:][A-Za-z0-9_:]*");
    /** Label lists after an aggregation or a vector match: {@code by (service, le)}. */
    private static final Pattern GROUPING = Pattern
            .compile("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "offset", "bool", "and", "or", "unless", "inf", "nan", "atan2");
    /** A Grafana variable query: {@code label_values(series{...}, label)}. */
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([A-Za-z_:][A-Za-z0-9_:]*)");
    private static final Pattern SAMPLE = Pattern.compile("^([A-Za-z_:][A-Za-z0-9_:]*)[{ ]");

    private ObservabilityFiles() {
    }

    /** deploy/observability, found from the working directory (a module's) upwards. */
    public static Path directory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("deploy/observability");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no deploy/observability above " + Path.of("").toAbsolutePath());
    }

    /** Every series an alert rule's or a dashboard panel's (or variable's) expression reads. */
    public static Set<String> referencedSeries() {
        Set<String> series = new TreeSet<>();
        JsonNode rules = read(new ObjectMapper(new YAMLFactory()), "rules.yml");
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                series.addAll(seriesIn(rule.path("expr").asText()));
            }
        }
        JsonNode dashboard = read(new ObjectMapper(), "dashboard.json");
        dashboard.findValues("expr").forEach(e -> series.addAll(seriesIn(e.asText())));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            Matcher m = LABEL_VALUES.matcher(variable.path("definition").asText());
            if (m.find()) {
                series.add(m.group(1));
            }
        }
        return series;
    }

    /**
     * The series names in a PromQL expression: its identifiers once strings, label matchers, ranges,
     * Grafana variables and grouping label lists are taken out, except functions (followed by a
     * parenthesis) and keywords.
     */
    public static Set<String> seriesIn(String expression) {
        String e = expression.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`", "\"\"")
                .replaceAll("\\{[^}]*}", " ")
                .replaceAll("\\[[^]]*]", " ")
                .replaceAll("\\$\\{?\\w+}?", " ");
        e = GROUPING.matcher(e).replaceAll(" ");
        Set<String> series = new TreeSet<>();
        Matcher m = IDENTIFIER.matcher(e);
        while (m.find()) {
            boolean digitBefore = m.start() > 0 && Character.isLetterOrDigit(e.charAt(m.start() - 1));
            boolean function = e.substring(m.end()).stripLeading().startsWith("(");
            if (!digitBefore && !function && !KEYWORDS.contains(m.group())) {
                series.add(m.group());
            }
        }
        return series;
    }

    /** metrics.txt: each series and who exposes it (a service's name, {@link #ALL} or {@link #PROMETHEUS}). */
    public static Map<String, String> exposedBy() {
        Map<String, String> exposedBy = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(directory().resolve("metrics.txt"))) {
                String[] fields = line.strip().split("\\s+");
                if (!line.isBlank() && !line.startsWith("#")) {
                    if (fields.length != 2) {
                        throw new IllegalStateException("metrics.txt: not 'series exposed-by': " + line);
                    }
                    exposedBy.put(fields[0], fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exposedBy;
    }

    /** The series a Prometheus text page (/q/metrics) has samples of. */
    public static Set<String> exposed(String page) {
        Set<String> series = new TreeSet<>();
        page.lines().map(SAMPLE::matcher).filter(Matcher::find).forEach(m -> series.add(m.group(1)));
        return series;
    }

    private static JsonNode read(ObjectMapper mapper, String file) {
        try {
            return mapper.readTree(directory().resolve(file).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
