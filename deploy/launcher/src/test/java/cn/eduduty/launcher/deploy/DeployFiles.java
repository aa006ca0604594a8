package cn.eduduty.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import cn.eduduty.runtime.outbox.OutboxConfig;

/**
 * The repository's deployment files and the service configuration they must agree with, read from
 * the source tree (this module is {@code deploy/launcher}, so the root is two levels up).
 */
final class DeployFiles {

    static final List<String> SERVICES = List.of(
            "indicator-service", "school-registry-service", "funding-service", "report-service");

    /** The web console: deployed like the services, but without database, Kafka or service-runtime. */
    static final String CONSOLE = "console";

    /** Everything the deployment files run from an image of this repository: the services and the console. */
    static final List<String> APPLICATIONS = List.of(
            "indicator-service", "school-registry-service", "funding-service", "report-service", CONSOLE);

    /** The console's generated clients: configKey ({@code quarkus.rest-client.<key>.url}) → the service it calls. */
    static final Map<String, String> CONSOLE_CLIENTS = Map.of(
            "indicator", "indicator-service",
            "registry", "school-registry-service",
            "funding", "funding-service",
            "report", "report-service");

    static final Path ROOT = Path.of(System.getProperty("basedir", ".")).toAbsolutePath().resolve("../..").normalize();
    static final Path COMPOSE_DIR = ROOT.resolve("deploy/compose");
    static final Path K8S_DIR = ROOT.resolve("deploy/k8s");

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Standard Quarkus keys the deployment files set although no application.properties does. Kept
     * small on purpose, and each is checked against the config models Quarkus ships (see
     * {@link #quarkusConfigKeys()}), so a typo or a key a Quarkus upgrade removed fails a test:
     * <ul>
     * <li>{@code quarkus.shutdown.timeout}: Kubernetes sends SIGTERM on every rolling update; this
     * lets requests in flight finish within terminationGracePeriodSeconds.</li>
     * </ul>
     */
    static final Set<String> STANDARD_KEYS_ALLOWED = Set.of("quarkus.shutdown.timeout");

    /**
     * Standard Quarkus keys the deployment files set for the console only: its sign-in through the
     * province's identity provider (quarkus-oidc), whose values are the deployment's own (the IdP's
     * URL, the client registered there, its secret) and so in no application.properties; and, since
     * TLS ends in front of the pod, an https redirect URI and Secure session cookies. Checked against
     * the Quarkus config models like {@link #STANDARD_KEYS_ALLOWED}.
     */
    static final Set<String> CONSOLE_KEYS_ALLOWED = Set.of(
            "quarkus.oidc.auth-server-url", "quarkus.oidc.client-id", "quarkus.oidc.credentials.secret",
            "quarkus.oidc.authentication.force-redirect-https-scheme", "quarkus.oidc.authentication.cookie-force-secure");

    /**
     * Environment variables that are not config keys: read by the base image's
     * {@code run-java.sh} (UBI OpenJDK runtime images), not by Quarkus.
     */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND");

    /** The JVM argument the Jib image sets in JAVA_OPTS_APPEND (quarkus.jib.jvm-arguments' default). */
    static final String LOG_MANAGER_ARGUMENT = "-Djava.util.logging.manager=org.jboss.logmanager.LogManager";

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)}");

    private DeployFiles() {
    }

    /** MicroProfile Config's environment variable for a key: non-alphanumerics to _, upper case. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /**
     * A service's configuration as its files give it: the defaults every service shares
     * (service-runtime's {@code META-INF/microprofile-config.properties}), overridden by its own
     * application.properties. The console, which does not use service-runtime, has only its own.
     */
    static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        Path own = ROOT.resolve(service).resolve("src/main/resources/application.properties");
        List<Path> files = CONSOLE.equals(service) ? List.of(own)
                : List.of(ROOT.resolve("service-runtime/src/main/resources/META-INF/microprofile-config.properties"), own);
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return properties;
    }

    /**
     * Keys a service reads that an environment variable may set: its application.properties,
     * {@code eduduty.outbox.*} as {@link OutboxConfig} declares them, and the allow-listed standard
     * keys; for the console its application.properties, its allow-listed keys and the standard ones.
     */
    static Map<String, String> configKeysByEnvName(String service) {
        Map<String, String> keys = new TreeMap<>();
        for (String key : applicationProperties(service).stringPropertyNames()) {
            keys.put(envName(key), key);
        }
        for (String key : CONSOLE.equals(service) ? CONSOLE_KEYS_ALLOWED : outboxKeys()) {
            keys.put(envName(key), key);
        }
        for (String key : STANDARD_KEYS_ALLOWED) {
            keys.put(envName(key), key);
        }
        return keys;
    }

    /** Asserts that a deployment file sets a service only environment variables it reads (or its image does). */
    static void assertEveryVariableIsAConfigKey(String service, Map<String, String> environment) {
        Map<String, String> keys = configKeysByEnvName(service);
        assertThat(environment.keySet())
                .isNotEmpty()
                .allSatisfy(name -> assertThat(keys.containsKey(name) || IMAGE_VARIABLES.contains(name))
                        .as("%s: %s is no config key of the service (application.properties, OutboxConfig, allow-lists)",
                                service, name)
                        .isTrue());
    }

    /** {@code eduduty.outbox.<method in kebab case>}, SmallRye's default naming of a @ConfigMapping. */
    static Set<String> outboxKeys() {
        Set<String> keys = new HashSet<>();
        for (Method m : OutboxConfig.class.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && !m.isSynthetic()) {
                keys.add("eduduty.outbox." + m.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    /**
     * Every property of the Quarkus config models on the class path
     * ({@code META-INF/quarkus-config-doc/quarkus-config-model.json}, one per extension jar): here
     * quarkus-core, the container-image and Jib deployment modules and quarkus-oidc.
     */
    static Set<String> quarkusConfigKeys() {
        Set<String> keys = new HashSet<>();
        try {
            Enumeration<URL> models = DeployFiles.class.getClassLoader()
                    .getResources("META-INF/quarkus-config-doc/quarkus-config-model.json");
            for (URL url : Collections.list(models)) {
                try (InputStream in = url.openStream()) {
                    collectProperties(JSON.readTree(in), keys);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    private static void collectProperties(JsonNode node, Set<String> keys) {
        if (node.isObject()) {
            JsonNode property = node.path("path").path("property");
            if (property.isTextual()) {
                keys.add(property.asText());
            }
        }
        node.forEach(child -> collectProperties(child, keys));
    }

    /** The suite's version, from the root pom. */
    static String projectVersion() {
        try {
            var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
            var children = document.getDocumentElement().getChildNodes();
            for (int i = 0; i < children.getLength(); i++) {
                if ("version".equals(children.item(i).getNodeName())) {
                    return children.item(i).getTextContent().trim();
                }
            }
            throw new IllegalStateException("no <version> in the root pom");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A property of a service with {@code ${key}} expressions expanded from its application.properties,
     * and {@code quarkus.application.version} from the pom (the Quarkus Maven plugin sets it so).
     */
    static String resolvedProperty(String service, String key) {
        Properties properties = applicationProperties(service);
        String value = properties.getProperty(key);
        if (value == null) {
            return null;
        }
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement = "quarkus.application.version".equals(name) ? projectVersion() : properties.getProperty(name);
            if (replacement == null) {
                throw new IllegalStateException(key + " refers to ${" + name + "}, which nothing sets");
            }
            m.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(resolved);
        return resolved.toString();
    }

    /** The image the service's Jib configuration names: group/name:tag. */
    static String jibImage(String service) {
        return resolvedProperty(service, "quarkus.container-image.group") + "/"
                + resolvedProperty(service, "quarkus.container-image.name") + ":"
                + resolvedProperty(service, "quarkus.container-image.tag");
    }

    static int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** The port of the service's management interface (health, metrics), which is never published. */
    static int managementPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.management.port"));
    }

    /** The database name of the service's default JDBC URL, e.g. {@code indicator}. */
    static String database(String service) {
        String url = applicationProperties(service).getProperty("quarkus.datasource.jdbc.url");
        return url.substring(url.lastIndexOf('/') + 1);
    }

    static JsonNode readYaml(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
    }

    /** Every document of a multi-document YAML file, empty ones left out. */
    static List<JsonNode> readYamlDocuments(Path file) {
        List<JsonNode> documents = new ArrayList<>();
        try (var parser = YAML.getFactory().createParser(file.toFile());
                var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(parser)) {
            while (values.hasNext()) {
                JsonNode document = values.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    documents.add(document);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse " + file, e);
        }
        return documents;
    }

    /** -Xmx of a JVM argument string, in bytes, or -1 when there is none. */
    static long maxHeapBytes(String jvmArguments) {
        Matcher m = Pattern.compile("-Xmx(\\d+)([kKmMgG]?)").matcher(jvmArguments);
        if (!m.find()) {
            return -1;
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            default -> n;
        };
    }
}
