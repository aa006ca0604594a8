package cn.eduduty.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.embedded.KafkaAccess;

/** deploy/k8s: the kustomization, and each service's (and the console's) Deployment, Service, ConfigMap and Secrets. */
class KubernetesManifestsTest {

    static final List<String> SERVICES = DeployFiles.SERVICES;
    static final List<String> APPLICATIONS = DeployFiles.APPLICATIONS;
    static final Map<Path, List<JsonNode>> MANIFESTS = readManifests();
    /** The keys of the Secret the Strimzi User Operator makes for a SCRAM-SHA-512 KafkaUser. */
    static final Set<String> STRIMZI_USER_SECRET_KEYS = Set.of("password", "sasl.jaas.config");

    @Test
    void everyManifestParsesIntoNamedResources() {
        assertThat(MANIFESTS).isNotEmpty();
        MANIFESTS.forEach((file, documents) -> {
            assertThat(documents).as("%s", file).isNotEmpty();
            for (JsonNode document : documents) {
                assertThat(document.path("apiVersion").asText()).as("apiVersion in %s", file).isNotEmpty();
                assertThat(document.path("kind").asText()).as("kind in %s", file).isNotEmpty();
                if (!file.getFileName().toString().equals("kustomization.yaml")) {
                    assertThat(document.path("metadata").path("name").asText()).as("a name in %s", file).isNotEmpty();
                }
            }
        });
    }

    @Test
    void kustomizationListsEveryFileInTheDirectory() {
        JsonNode kustomization = single(DeployFiles.K8S_DIR.resolve("kustomization.yaml"));
        Set<String> listed = new TreeSet<>();
        kustomization.path("resources").forEach(r -> listed.add(r.asText()));
        Set<String> files = new TreeSet<>();
        MANIFESTS.keySet().forEach(f -> files.add(f.getFileName().toString()));
        files.remove("kustomization.yaml");

        assertThat(kustomization.path("kind").asText()).isEqualTo("Kustomization");
        assertThat(listed).isEqualTo(files);
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void deploymentRunsTheImageItsJibConfigurationBuilds(String service) {
        assertThat(container(service).path("image").asText()).isEqualTo(DeployFiles.jibImage(service));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void deploymentProbesTheQuarkusHealthEndpointsOnItsManagementPort(String service) {
        JsonNode container = container(service);

        assertThat(container.path("readinessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/ready");
        assertThat(container.path("livenessProbe").path("httpGet").path("path").asText()).isEqualTo("/q/health/live");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            JsonNode httpGet = container.path(probe).path("httpGet");
            if (!httpGet.isMissingNode()) {
                assertThat(httpGet.path("path").asText()).as(probe).startsWith("/q/health/");
                assertThat(containerPortOf(container, httpGet.path("port"))).as("%s port", probe)
                        .contains(DeployFiles.managementPort(service));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void deploymentRequestsAndLimitsCpuAndMemoryAboveItsHeap(String service) {
        JsonNode resources = container(service).path("resources");

        for (String resource : List.of("cpu", "memory")) {
            String request = resources.path("requests").path(resource).asText();
            String limit = resources.path("limits").path(resource).asText();
            assertThat(request).as("%s request", resource).isNotEmpty();
            assertThat(limit).as("%s limit", resource).isNotEmpty();
            assertThat(quantity(request)).as("%s request ≤ limit", resource).isLessThanOrEqualTo(quantity(limit));
        }
        String javaOpts = environment(service).get("JAVA_OPTS_APPEND");
        assertThat(javaOpts).as("JAVA_OPTS_APPEND").contains(DeployFiles.LOG_MANAGER_ARGUMENT);
        assertThat(BigDecimal.valueOf(DeployFiles.maxHeapBytes(javaOpts)))
                .isPositive()
                .isLessThan(quantity(resources.path("limits").path("memory").asText()));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void deploymentTakesItsEnvironmentFromConfigMapsAndSecretsThatExist(String service) {
        JsonNode container = container(service);
        JsonNode pod = deployment(service).path("spec").path("template").path("spec");

        assertThat(container.path("envFrom")).isNotEmpty();
        for (JsonNode from : container.path("envFrom")) {
            if (from.has("configMapRef")) {
                assertThat(resource("ConfigMap", from.path("configMapRef").path("name").asText())).isPresent();
            } else {
                assertThat(resource("Secret", from.path("secretRef").path("name").asText())).isPresent();
            }
        }
        for (JsonNode env : container.path("env")) {
            JsonNode valueFrom = env.path("valueFrom");
            for (String[] ref : new String[][] { { "configMapKeyRef", "ConfigMap" }, { "secretKeyRef", "Secret" } }) {
                if (valueFrom.has(ref[0])) {
                    JsonNode keyRef = valueFrom.path(ref[0]);
                    String name = keyRef.path("name").asText();
                    if (ref[1].equals("Secret") && resource("KafkaUser", name).isPresent()) {
                        // made by the Strimzi User Operator for the KafkaUser of that name
                        assertThat(STRIMZI_USER_SECRET_KEYS).contains(keyRef.path("key").asText());
                        continue;
                    }
                    Optional<JsonNode> target = resource(ref[1], name);
                    assertThat(target).as("%s %s", ref[1], name).isPresent();
                    assertThat(dataKeys(target.get())).contains(keyRef.path("key").asText());
                }
            }
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("secret")) {
                assertThat(resource("Secret", volume.path("secret").path("secretName").asText())).isPresent();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void connectsAsTheApplicationRoleAndMigratesAsTheOwner(String service) {
        String database = DeployFiles.database(service);
        assertThat(environment(service)).containsEntry("QUARKUS_DATASOURCE_USERNAME", database + "_app")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", database + "_owner")
                .containsKey("QUARKUS_DATASOURCE_PASSWORD").containsKey("QUARKUS_FLYWAY_PASSWORD");
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void everyEnvironmentVariableSetsAConfigKeyTheServiceReads(String service) {
        DeployFiles.assertEveryVariableIsAConfigKey(service, environment(service));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void serviceSelectsTheDeploymentsPodsAndTargetsTheContainerPort(String service) {
        JsonNode svc = resource("Service", service).orElseThrow();
        JsonNode container = container(service);
        JsonNode podLabels = deployment(service).path("spec").path("template").path("metadata").path("labels");

        svc.path("spec").path("selector").properties().forEach(
                e -> assertThat(podLabels.path(e.getKey()).asText()).as("pod label %s", e.getKey()).isEqualTo(e.getValue().asText()));
        assertThat(svc.path("spec").path("selector")).isNotEmpty();
        assertThat(svc.path("spec").path("ports")).isNotEmpty().allSatisfy(
                port -> assertThat(containerPortOf(container, port.path("targetPort"))).contains(DeployFiles.httpPort(service)));
        assertThat(environment(service)).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(DeployFiles.httpPort(service)));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void podsAnnounceTheirMetricsOnTheManagementPort(String service) {
        JsonNode annotations = deployment(service).path("spec").path("template").path("metadata").path("annotations");

        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo("/q/metrics");
        assertThat(annotations.path("prometheus.io/port").asText())
                .isEqualTo(Integer.toString(DeployFiles.managementPort(service)));
    }

    @Test
    void podMonitorScrapesEveryServicesAndTheConsolesManagementPortAndLabelsItsService() {
        JsonNode monitor = DeployFiles.readYaml(DeployFiles.ROOT.resolve("deploy/observability/k8s/podmonitor.yaml"));
        List<String> selected = new ArrayList<>();
        stream(monitor.path("spec").path("selector").path("matchExpressions"))
                .filter(e -> e.path("key").asText().equals("app.kubernetes.io/name"))
                .forEach(e -> e.path("values").forEach(v -> selected.add(v.asText())));
        JsonNode endpoint = monitor.path("spec").path("podMetricsEndpoints").path(0);

        assertThat(monitor.path("kind").asText()).isEqualTo("PodMonitor");
        assertThat(selected).containsExactlyInAnyOrderElementsOf(APPLICATIONS);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        for (String service : APPLICATIONS) {
            assertThat(containerPortOf(container(service), endpoint.path("port"))).as(service)
                    .contains(DeployFiles.managementPort(service));
        }
        assertThat(stream(endpoint.path("relabelings")).map(r -> r.path("targetLabel").asText())).contains("service");
    }

    @Test
    void consoleSignsInThroughTheIdentityProviderAndNeverLocally() {
        JsonNode container = container(DeployFiles.CONSOLE);
        Map<String, String> env = environment(DeployFiles.CONSOLE);

        assertThat(env).containsEntry("QUARKUS_OIDC_TENANT_ENABLED", "true")
                .containsEntry("QUARKUS_OIDC_AUTHENTICATION_FORCE_REDIRECT_HTTPS_SCHEME", "true")
                .containsKey("QUARKUS_OIDC_CLIENT_ID");
        assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).startsWith("https://");
        // the client secret comes from a Secret, never from the ConfigMap
        JsonNode secret = stream(container.path("env"))
                .filter(e -> e.path("name").asText().equals("QUARKUS_OIDC_CREDENTIALS_SECRET"))
                .findFirst().orElseThrow(() -> new AssertionError("no QUARKUS_OIDC_CREDENTIALS_SECRET in the console"));
        assertThat(secret.path("valueFrom").path("secretKeyRef").path("name").asText()).isNotEmpty();
        assertThat(dataKeys(resource("ConfigMap", "console-config").orElseThrow())).doesNotContain("QUARKUS_OIDC_CREDENTIALS_SECRET");
        // the local sign-in page (deploy/run) offers accounts to anyone: neither its key nor a private key here
        assertThat(env).doesNotContainKey(DeployFiles.envName("eduduty.console.local-sign-in.key"));
        assertThat(deployment(DeployFiles.CONSOLE).path("spec").path("template").path("spec").path("volumes")).isEmpty();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceTrustsTheIdentityProviderTheConsoleSignsInAtNotTheLocalIssuer(String service) {
        String issuer = environment(service).get("MP_JWT_VERIFY_ISSUER");

        // the console forwards the IdP's access token (an unexpected issuer: 401 on every page); by OIDC
        // Discovery its issuer is the URL the console discovers it at
        assertThat(issuer).as("MP_JWT_VERIFY_ISSUER of %s", service).startsWith("https://")
                .isNotEqualTo(DeployFiles.applicationProperties(service).getProperty("mp.jwt.verify.issuer"))
                .isEqualTo(environment(DeployFiles.CONSOLE).get("QUARKUS_OIDC_AUTH_SERVER_URL"));
    }

    @Test
    void consoleCallsTheServicesThroughTheirServices() {
        Map<String, String> env = environment(DeployFiles.CONSOLE);

        DeployFiles.CONSOLE_CLIENTS.forEach((client, service) -> {
            String url = env.get(DeployFiles.envName("quarkus.rest-client." + client + ".url"));
            assertThat(url).as("the %s client's URL", client)
                    .isEqualTo("http://" + service + ":" + DeployFiles.httpPort(service));
            JsonNode svc = resource("Service", service).orElseThrow();
            assertThat(stream(svc.path("spec").path("ports")).map(p -> p.path("port").asInt()))
                    .contains(DeployFiles.httpPort(service));
        });
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void jwtPublicKeyIsReadFromAMountedSecret(String service) {
        String location = Optional.ofNullable(environment(service).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION"))
                .orElse(DeployFiles.applicationProperties(service).getProperty("mp.jwt.verify.publickey.location"));
        Path file = Path.of(URI.create(location).getPath());
        JsonNode pod = deployment(service).path("spec").path("template").path("spec");

        JsonNode mount = stream(container(service).path("volumeMounts"))
                .filter(m -> file.getParent().equals(Path.of(m.path("mountPath").asText())))
                .findFirst().orElseThrow(() -> new AssertionError("nothing mounted at " + file.getParent()));
        JsonNode volume = stream(pod.path("volumes"))
                .filter(v -> v.path("name").asText().equals(mount.path("name").asText()))
                .findFirst().orElseThrow();
        JsonNode secret = resource("Secret", volume.path("secret").path("secretName").asText()).orElseThrow();
        assertThat(dataKeys(secret)).contains(file.getFileName().toString());
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void postgresAndKafkaAreReachedThroughServicesTheManifestsDeclare(String service) {
        Map<String, String> env = environment(service);
        Matcher jdbc = Pattern.compile("jdbc:postgresql://([^:/]+)(?::\\d+)?/(\\w+).*").matcher(env.get("QUARKUS_DATASOURCE_JDBC_URL"));

        assertThat(jdbc.matches()).isTrue();
        assertThat(resource("Service", jdbc.group(1))).as("Service %s", jdbc.group(1)).isPresent();
        assertThat(jdbc.group(2)).isEqualTo(DeployFiles.database(service));
        for (String broker : env.get("KAFKA_BOOTSTRAP_SERVERS").split(",")) {
            String host = broker.substring(0, broker.indexOf(':'));
            assertThat(resource("Service", host)).as("Service %s", host).isPresent();
        }
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceLogsInToKafkaWithTheSecretOfItsOwnKafkaUser(String service) {
        JsonNode env = stream(container(service).path("env"))
                .filter(e -> e.path("name").asText().equals("KAFKA_SASL_JAAS_CONFIG"))
                .findFirst().orElseThrow(() -> new AssertionError("no KAFKA_SASL_JAAS_CONFIG in " + service));
        JsonNode keyRef = env.path("valueFrom").path("secretKeyRef");

        assertThat(keyRef.path("name").asText()).isEqualTo(service);
        assertThat(keyRef.path("key").asText()).isEqualTo("sasl.jaas.config");
        JsonNode user = resource("KafkaUser", service).orElseThrow();
        assertThat(user.path("spec").path("authentication").path("type").asText()).isEqualTo("scram-sha-512");
        assertThat(user.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo("eduduty-kafka");
    }

    @Test
    void kafkaUsersGrantExactlyTheAclsOfTheEmbeddedBroker() {
        List<JsonNode> users = resources("KafkaUser");

        assertThat(users).extracting(u -> u.path("metadata").path("name").asText())
                .containsExactlyInAnyOrderElementsOf(KafkaAccess.SERVICES.stream().map(KafkaAccess.User::name).toList());
        for (KafkaAccess.User expected : KafkaAccess.SERVICES) {
            JsonNode authorization = resource("KafkaUser", expected.name()).orElseThrow().path("spec").path("authorization");
            assertThat(authorization.path("type").asText()).isEqualTo("simple");
            Set<String> granted = new TreeSet<>();
            for (JsonNode acl : authorization.path("acls")) {
                JsonNode resource = acl.path("resource");
                assertThat(acl.path("type").asText("allow")).isEqualTo("allow");
                if (!resource.path("type").asText().equals("cluster")) {
                    assertThat(resource.path("patternType").asText()).isEqualTo("literal");
                }
                for (JsonNode op : acl.path("operations")) {
                    granted.add(aclText(resource.path("type").asText(), resource.path("name").asText("kafka-cluster"), op.asText()));
                }
            }
            Set<String> wanted = new TreeSet<>();
            expected.acls().forEach(b -> wanted.add(aclText(b.pattern().resourceType().name(), b.pattern().name(),
                    b.entry().operation().name())));
            assertThat(granted).as(expected.name()).isEqualTo(wanted);
        }
    }

    /** One granted operation, e.g. {@code topic funding.events write}, spelled alike for Strimzi and Kafka's enums. */
    private static String aclText(String type, String name, String operation) {
        return type.toLowerCase(Locale.ROOT) + " " + name + " "
                + operation.replace("_", "").toLowerCase(Locale.ROOT);
    }

    @Test
    void reportServiceRunsMoreReplicasThanOneAndNoFewerThanAnyOther() {
        // report generation at a deadline is a burst: every county of a province at once
        int report = deployment("report-service").path("spec").path("replicas").asInt();

        assertThat(report).isGreaterThan(1);
        for (String service : SERVICES) {
            assertThat(deployment(service).path("spec").path("replicas").asInt()).as(service)
                    .isPositive().isLessThanOrEqualTo(report);
        }
    }

    @Test
    void secretsHoldOnlyMarkedPlaceholders() {
        List<JsonNode> secrets = resources("Secret");

        assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.has("data")).as("base64 data in %s", secret.path("metadata").path("name")).isFalse();
            secret.path("stringData").forEach(value -> assertThat(value.asText()).contains("PLACEHOLDER"));
        });
    }

    private static Map<Path, List<JsonNode>> readManifests() {
        Map<Path, List<JsonNode>> manifests = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(DeployFiles.K8S_DIR)) {
            files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .forEach(f -> manifests.put(f, DeployFiles.readYamlDocuments(f)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return manifests;
    }

    private static JsonNode single(Path file) {
        assertThat(MANIFESTS.get(file)).hasSize(1);
        return MANIFESTS.get(file).get(0);
    }

    private static List<JsonNode> resources(String kind) {
        List<JsonNode> found = new ArrayList<>();
        MANIFESTS.values().forEach(docs -> docs.stream().filter(d -> kind.equals(d.path("kind").asText())).forEach(found::add));
        return found;
    }

    private static Optional<JsonNode> resource(String kind, String name) {
        return resources(kind).stream().filter(r -> name.equals(r.path("metadata").path("name").asText())).findFirst();
    }

    private static JsonNode deployment(String service) {
        return resource("Deployment", service).orElseThrow(() -> new AssertionError("no Deployment " + service));
    }

    private static JsonNode container(String service) {
        JsonNode containers = deployment(service).path("spec").path("template").path("spec").path("containers");
        return stream(containers).filter(c -> service.equals(c.path("name").asText())).findFirst()
                .orElseThrow(() -> new AssertionError("no container " + service + " in its Deployment"));
    }

    /** The container's environment: its ConfigMaps' and Secrets' keys (envFrom), then env. */
    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode container = container(service);
        for (JsonNode from : container.path("envFrom")) {
            Optional<JsonNode> source = from.has("configMapRef")
                    ? resource("ConfigMap", from.path("configMapRef").path("name").asText())
                    : resource("Secret", from.path("secretRef").path("name").asText());
            source.ifPresent(s -> {
                s.path("data").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
                s.path("stringData").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
            });
        }
        for (JsonNode e : container.path("env")) {
            env.put(e.path("name").asText(), e.path("value").asText());
        }
        return env;
    }

    private static Set<String> dataKeys(JsonNode configMapOrSecret) {
        Set<String> keys = new TreeSet<>();
        configMapOrSecret.path("data").fieldNames().forEachRemaining(keys::add);
        configMapOrSecret.path("stringData").fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    /** The containerPort a probe's or Service's port refers to, by number or by name. */
    private static Optional<Integer> containerPortOf(JsonNode container, JsonNode port) {
        return stream(container.path("ports"))
                .filter(p -> port.isInt() ? p.path("containerPort").asInt() == port.asInt()
                        : port.asText().equals(p.path("name").asText()))
                .map(p -> p.path("containerPort").asInt())
                .findFirst();
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    /** A Kubernetes quantity (250m, 1, 512Mi, 1G) as a number. */
    static BigDecimal quantity(String text) {
        Matcher m = Pattern.compile("(\\d+(?:\\.\\d+)?)(m|k|M|G|Ki|Mi|Gi)?").matcher(text);
        assertThat(m.matches()).as("quantity %s", text).isTrue();
        BigDecimal n = new BigDecimal(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "m" -> n.movePointLeft(3);
            case "k" -> n.scaleByPowerOfTen(3);
            case "M" -> n.scaleByPowerOfTen(6);
            case "G" -> n.scaleByPowerOfTen(9);
            case "Ki" -> n.multiply(BigDecimal.valueOf(1L << 10));
            case "Mi" -> n.multiply(BigDecimal.valueOf(1L << 20));
            case "Gi" -> n.multiply(BigDecimal.valueOf(1L << 30));
            default -> n;
        };
    }
}
