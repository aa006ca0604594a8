package cn.eduduty.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.eduduty.embedded.KafkaAccess;

/** deploy/compose/compose.yaml against the services' own configuration. */
class ComposeFileTest {

    static final List<String> SERVICES = DeployFiles.SERVICES;
    static final List<String> APPLICATIONS = DeployFiles.APPLICATIONS;
    static final Path COMPOSE_FILE = DeployFiles.COMPOSE_DIR.resolve("compose.yaml");
    static final JsonNode COMPOSE = DeployFiles.readYaml(COMPOSE_FILE);

    /** The demo loader's contract (cn.eduduty.launcher.demo.DemoLoader): env variable → service. */
    static final Map<String, String> DEMO_LOADER_URLS = Map.of(
            "INDICATOR_URL", "indicator-service",
            "REGISTRY_URL", "school-registry-service",
            "FUNDING_URL", "funding-service",
            "REPORT_URL", "report-service");

    @Test
    void composeFileDeclaresTheInfrastructureTheServicesTheConsoleAndTheDemoLoader() {
        assertThat(fieldNames(COMPOSE.path("services")))
                .containsExactlyInAnyOrder("postgres", "kafka", "kafka-init", "indicator-service", "school-registry-service",
                        "funding-service", "report-service", "console", "demo-loader");
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void serviceRunsTheImageItsJibConfigurationBuilds(String service) {
        assertThat(service(service).path("image").asText()).isEqualTo(DeployFiles.jibImage(service));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void serviceIsHealthyOnlyWhenItsReadinessEndpointAnswers(String service) {
        JsonNode healthcheck = service(service).path("healthcheck");
        String test = commandLine(healthcheck.path("test"));
        int port = DeployFiles.httpPort(service);
        int management = DeployFiles.managementPort(service);

        // readiness answers on the management port, which stays inside the container's network
        assertThat(test).contains("/q/health/ready").contains("127.0.0.1/" + management);
        assertThat(healthcheck.path("interval").asText()).isNotEmpty();
        assertThat(environment(service)).containsEntry("QUARKUS_HTTP_PORT", Integer.toString(port));
        // the API port on every interface, or on this machine's only (the console)
        assertThat(texts(service(service).path("ports")))
                .anyMatch(published -> published.matches("(127\\.0\\.0\\.1:)?" + port + ":" + port))
                .noneMatch(published -> published.contains(Integer.toString(management)));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceStartsAfterPostgresAndKafkaAreHealthy(String service) {
        JsonNode dependsOn = service(service).path("depends_on");

        for (String infrastructure : List.of("postgres", "kafka")) {
            assertThat(dependsOn.path(infrastructure).path("condition").asText())
                    .as("%s depends_on %s", service, infrastructure)
                    .isEqualTo("service_healthy");
            // service_healthy never comes true for a service without a healthcheck
            assertThat(commandLine(service(infrastructure).path("healthcheck").path("test"))).isNotBlank();
        }
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void everyEnvironmentVariableSetsAConfigKeyTheServiceReads(String service) {
        assertThat(service(service).path("environment").isObject()).as("environment as a map").isTrue();
        DeployFiles.assertEveryVariableIsAConfigKey(service, environment(service));
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void heapSettingKeepsTheImagesLogManagerAndFitsTheMemoryLimit(String service) {
        String javaOpts = environment(service).get("JAVA_OPTS_APPEND");

        assertThat(javaOpts).contains(DeployFiles.LOG_MANAGER_ARGUMENT);
        long heap = DeployFiles.maxHeapBytes(javaOpts);
        assertThat(heap).isPositive().isLessThan(bytes(service(service).path("mem_limit").asText()));
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceUsesItsOwnDatabaseWhichTheInitScriptCreates(String service) throws Exception {
        String database = DeployFiles.database(service);
        Map<String, String> env = environment(service);
        String initScript = Files.readString(DeployFiles.COMPOSE_DIR.resolve("init-databases.sh"));

        // Flyway migrates as the owner; the service connects as the application role, which owns nothing
        assertThat(env).containsEntry("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://postgres:5432/" + database)
                .containsEntry("QUARKUS_DATASOURCE_USERNAME", database + "_app")
                .containsEntry("QUARKUS_FLYWAY_USERNAME", database + "_owner");
        Matcher appPassword = Pattern.compile("\\$\\{(\\w+)").matcher(env.get("QUARKUS_DATASOURCE_PASSWORD"));
        Matcher ownerPassword = Pattern.compile("\\$\\{(\\w+)").matcher(env.get("QUARKUS_FLYWAY_PASSWORD"));
        assertThat(appPassword.find()).as("password from a compose variable").isTrue();
        assertThat(ownerPassword.find()).as("owner password from a compose variable").isTrue();
        assertThat(ownerPassword.group(1)).isNotEqualTo(appPassword.group(1));
        // the roles are created with the same variables the service logs in with
        assertThat(initScript).containsPattern("(?m)^create " + database + " \"\\$" + ownerPassword.group(1)
                + "\" \"\\$" + appPassword.group(1) + "\"$");
        assertThat(environment("postgres")).containsKey(appPassword.group(1)).containsKey(ownerPassword.group(1));
    }

    @Test
    void postgresRunsTheInitScript() {
        assertThat(texts(service("postgres").path("volumes")))
                .contains("./init-databases.sh:/docker-entrypoint-initdb.d/init-databases.sh:ro");
        assertThat(DeployFiles.COMPOSE_DIR.resolve("init-databases.sh")).isExecutable();
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void jwtPublicKeyIsAMountedSecret(String service) {
        String location = environment(service).get("MP_JWT_VERIFY_PUBLICKEY_LOCATION");

        assertThat(location).startsWith("file:/run/secrets/");
        String secret = location.substring("file:/run/secrets/".length());
        assertThat(secretTargets(service)).containsKey(secret);
        assertThat(COMPOSE.path("secrets").path(secretTargets(service).get(secret)).path("file").asText())
                .endsWith("public-key.pem");
    }

    @Test
    void kafkaIsASingleKRaftNodeThatAdvertisesTheAddressTheServicesUse() {
        Map<String, String> kafka = environment("kafka");

        assertThat(kafka.get("KAFKA_PROCESS_ROLES")).contains("broker").contains("controller");
        for (String service : SERVICES) {
            assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS"))
                    .contains("//" + environment(service).get("KAFKA_BOOTSTRAP_SERVERS"));
        }
    }

    @Test
    void kafkaAuthenticatesEveryClientAndAllowsOnlyWhatAnAclGrants() {
        Map<String, String> kafka = environment("kafka");

        // no listener without SASL: an unauthenticated client is not served
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP").split(","))
                .allSatisfy(mapping -> assertThat(mapping).endsWith(":SASL_PLAINTEXT"));
        assertThat(kafka).containsEntry("KAFKA_LISTENER_NAME_CLIENTS_SASL_ENABLED_MECHANISMS", KafkaAccess.MECHANISM)
                .containsEntry("KAFKA_AUTHORIZER_CLASS_NAME", "org.apache.kafka.metadata.authorizer.StandardAuthorizer")
                .containsEntry("KAFKA_ALLOW_EVERYONE_IF_NO_ACL_FOUND", "false")
                .containsEntry("KAFKA_SUPER_USERS", "User:" + KafkaAccess.ADMIN)
                .containsEntry("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        assertThat(texts(service("kafka").path("volumes"))).contains("./kafka-start.sh:/opt/eduduty/kafka-start.sh:ro");
        assertThat(texts(service("kafka").path("command"))).containsExactly("/opt/eduduty/kafka-start.sh");
        assertThat(DeployFiles.COMPOSE_DIR.resolve("kafka-start.sh")).isExecutable();
        assertThat(commandLine(service("kafka").path("healthcheck").path("test"))).contains("--command-config");
    }

    @Test
    void kafkaInitGrantsExactlyTheAclsOfTheEmbeddedBroker() throws Exception {
        String script = Files.readString(DeployFiles.COMPOSE_DIR.resolve("init-kafka.sh"));
        Map<String, Set<String>> writes = new TreeMap<>();
        Map<String, Set<String>> reads = new TreeMap<>();
        Map<String, Set<String>> groups = new TreeMap<>();
        Matcher owner = Pattern.compile("(?m)^owner (\\S+) (\\S+)$").matcher(script);
        while (owner.find()) {
            writes.computeIfAbsent(owner.group(1), u -> new TreeSet<>()).add(owner.group(2));
        }
        Matcher reader = Pattern.compile("(?m)^reader (\\S+) (\\S+) (.+)$").matcher(script);
        while (reader.find()) {
            groups.computeIfAbsent(reader.group(1), u -> new TreeSet<>()).add(reader.group(2));
            reads.computeIfAbsent(reader.group(1), u -> new TreeSet<>()).addAll(List.of(reader.group(3).trim().split(" +")));
        }

        for (KafkaAccess.User user : KafkaAccess.SERVICES) {
            assertThat(writes.getOrDefault(user.name(), Set.of())).as("%s writes", user.name()).isEqualTo(user.writes());
            assertThat(reads.getOrDefault(user.name(), Set.of())).as("%s reads", user.name()).isEqualTo(user.reads());
            assertThat(groups.getOrDefault(user.name(), Set.of())).as("%s groups", user.name()).isEqualTo(user.groups());
        }
        assertThat(writes.keySet()).allSatisfy(u -> assertThat(KafkaAccess.service(u)).as(u).isPresent());
        assertThat(texts(service("kafka-init").path("volumes"))).contains("./init-kafka.sh:/opt/eduduty/init-kafka.sh:ro");
        assertThat(DeployFiles.COMPOSE_DIR.resolve("init-kafka.sh")).isExecutable();
        assertThat(service("kafka-init").path("depends_on").path("kafka").path("condition").asText()).isEqualTo("service_healthy");
    }

    @ParameterizedTest
    @FieldSource("SERVICES")
    void serviceLogsInToKafkaAsItsOwnUserWhichKafkaInitCreates(String service) throws Exception {
        String jaas = environment(service).get("KAFKA_SASL_JAAS_CONFIG");
        String script = Files.readString(DeployFiles.COMPOSE_DIR.resolve("init-kafka.sh"));

        assertThat(jaas).as("KAFKA_SASL_JAAS_CONFIG").isNotNull()
                .startsWith("org.apache.kafka.common.security.scram.ScramLoginModule required ")
                .contains("username=\"" + service + "\"");
        assertThat(KafkaAccess.service(service)).isPresent();
        Matcher password = Pattern.compile("password=\"\\$\\{(\\w+)").matcher(jaas);
        assertThat(password.find()).as("password from a compose variable").isTrue();
        // kafka-init creates the user with the same variable the service logs in with
        assertThat(script).containsPattern("(?m)^user " + service + " \"\\$" + password.group(1) + "\"$");
        assertThat(environment("kafka-init")).containsKey(password.group(1));
        assertThat(service(service).path("depends_on").path("kafka-init").path("condition").asText())
                .isEqualTo("service_completed_successfully");
    }

    @Test
    void consoleStartsOnceTheFourServicesAreHealthyAndCallsThemByName() {
        JsonNode dependsOn = service(DeployFiles.CONSOLE).path("depends_on");
        Map<String, String> env = environment(DeployFiles.CONSOLE);
        Set<String> consoleKeys = DeployFiles.applicationProperties(DeployFiles.CONSOLE).stringPropertyNames();

        for (String service : SERVICES) {
            assertThat(dependsOn.path(service).path("condition").asText()).as("console depends_on %s", service)
                    .isEqualTo("service_healthy");
        }
        // each generated client's URL, at the compose name and API port of the service it calls
        DeployFiles.CONSOLE_CLIENTS.forEach((client, service) -> {
            assertThat(consoleKeys).contains("quarkus.rest-client." + client + ".url");
            assertThat(env).containsEntry(DeployFiles.envName("quarkus.rest-client." + client + ".url"),
                    "http://" + service + ":" + DeployFiles.httpPort(service));
        });
    }

    @Test
    void consoleSignsInLocallyWithTheStacksKeyAndIsPublishedOnLoopbackOnly() {
        Map<String, String> env = environment(DeployFiles.CONSOLE);
        String key = env.get(DeployFiles.envName("eduduty.console.local-sign-in.key"));

        // the private key the demo loader signs with, whose public half the services verify with
        assertThat(key).as("EDUDUTY_CONSOLE_LOCAL_SIGN_IN_KEY").startsWith("/run/secrets/");
        String secret = secretTargets(DeployFiles.CONSOLE).get(key.substring("/run/secrets/".length()));
        assertThat(secret).as("a secret mounted at %s", key).isNotNull();
        assertThat(COMPOSE.path("secrets").path(secret).path("file").asText()).endsWith("private-key.pem");
        assertThat(secretTargets("demo-loader")).containsValue(secret);
        // not the identity provider's sign-in: this stack has none, and its services trust only that key pair
        assertThat(env.keySet()).noneMatch(name -> name.startsWith("QUARKUS_OIDC_"));
        // anyone who reaches the page can sign in: nothing but this machine may
        int port = DeployFiles.httpPort(DeployFiles.CONSOLE);
        assertThat(texts(service(DeployFiles.CONSOLE).path("ports"))).containsExactly("127.0.0.1:" + port + ":" + port);
    }

    @Test
    void demoLoaderRunsOnceWithTheAgreedEnvironment() {
        JsonNode loader = service("demo-loader");
        Map<String, String> env = environment("demo-loader");

        assertThat(loader.path("restart").asText()).isEqualTo("no");
        assertThat(loader.path("image").asText()).startsWith("eclipse-temurin:17-jre");
        assertThat(env.keySet()).containsExactlyInAnyOrder("INDICATOR_URL", "REGISTRY_URL", "FUNDING_URL",
                "REPORT_URL", "EDUDUTY_TOKEN_KEY");
        DEMO_LOADER_URLS.forEach((variable, service) -> assertThat(env.get(variable))
                .isEqualTo("http://" + service + ":" + DeployFiles.httpPort(service)));
        // the loader reads the key pair from a directory (TokenIssuer.inDirectory): both files must be in it
        assertThat(env.get("EDUDUTY_TOKEN_KEY")).isEqualTo("/run/secrets");
        for (String file : List.of("private-key.pem", "public-key.pem")) {
            String secret = secretTargets("demo-loader").get(file);
            assertThat(secret).as(file).isNotNull();
            assertThat(COMPOSE.path("secrets").path(secret).path("file").asText()).endsWith(file);
        }
    }

    @Test
    void demoLoaderRunsTheLauncherModulesMainClassAfterEveryServiceIsHealthy() {
        JsonNode loader = service("demo-loader");

        assertThat(texts(loader.path("volumes"))).anySatisfy(v -> assertThat(v).startsWith("../launcher/target:/opt/launcher"));
        assertThat(texts(loader.path("command")))
                .contains("cn.eduduty.launcher.demo.DemoLoader", "/opt/launcher/launcher.jar:/opt/launcher/lib/*");
        for (String service : SERVICES) {
            assertThat(loader.path("depends_on").path(service).path("condition").asText()).isEqualTo("service_healthy");
        }
        assertThat(texts(loader.path("profiles"))).contains("demo");
    }

    private static JsonNode service(String name) {
        JsonNode service = COMPOSE.path("services").path(name);
        assertThat(service.isObject()).as("service %s in %s", name, COMPOSE_FILE).isTrue();
        return service;
    }

    private static Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        service(service).path("environment").properties().forEach(e -> env.put(e.getKey(), e.getValue().asText()));
        return env;
    }

    /** A service's secrets as target name → secret name (short syntax: both the same). */
    private static Map<String, String> secretTargets(String service) {
        Map<String, String> targets = new LinkedHashMap<>();
        for (JsonNode secret : service(service).path("secrets")) {
            if (secret.isTextual()) {
                targets.put(secret.asText(), secret.asText());
            } else {
                String source = secret.path("source").asText();
                targets.put(secret.path("target").asText(source), source);
            }
        }
        return targets;
    }

    private static String commandLine(JsonNode test) {
        return test.isArray() ? String.join(" ", texts(test)) : test.asText();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static long bytes(String composeSize) {
        Matcher m = Pattern.compile("(\\d+)([mg])").matcher(composeSize.toLowerCase());
        assertThat(m.matches()).as("size %s", composeSize).isTrue();
        return Long.parseLong(m.group(1)) << (m.group(2).equals("g") ? 30 : 20);
    }
}
