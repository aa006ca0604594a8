package cn.eduduty.launcher.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/**
 * The container image configuration of the services and the console. Quarkus only warns about an unknown
 * {@code quarkus.*} key, and no image is built here (no Docker, no registry), so these tests are
 * what catches a misspelt or stale key.
 */
class JibConfigurationTest {

    static final List<String> APPLICATIONS = DeployFiles.APPLICATIONS;

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void serviceDependsOnTheJibExtension(String service) throws Exception {
        String pom = Files.readString(DeployFiles.ROOT.resolve(service).resolve("pom.xml"));

        assertThat(pom).contains("<artifactId>quarkus-container-image-jib</artifactId>");
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void imageIsBuiltOnlyOnRequest(String service) {
        Properties properties = DeployFiles.applicationProperties(service);

        assertThat(properties.getProperty("quarkus.container-image.build"))
                .as("%s: the normal build must not try to build an image", service)
                .isEqualTo("false");
        assertThat(properties.getProperty("quarkus.container-image.push")).isNull();
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void imageIsNamedEdudutySlashServiceColonVersion(String service) {
        assertThat(DeployFiles.applicationProperties(service))
                .containsKeys("quarkus.container-image.group", "quarkus.container-image.name", "quarkus.container-image.tag");

        assertThat(DeployFiles.jibImage(service)).isEqualTo("eduduty/" + service + ":" + DeployFiles.projectVersion());
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void everyContainerImageAndJibKeyIsOneQuarkusKnows(String service) {
        Set<String> known = DeployFiles.quarkusConfigKeys();

        assertThat(DeployFiles.applicationProperties(service).stringPropertyNames())
                .filteredOn(key -> key.startsWith("quarkus.container-image.") || key.startsWith("quarkus.jib."))
                .isNotEmpty()
                .allSatisfy(key -> assertThat(known.contains(key))
                        .as("%s: %s is no config key of the container-image or Jib extension", service, key)
                        .isTrue());
    }

    @ParameterizedTest
    @FieldSource("APPLICATIONS")
    void baseImageIsTheUbiOpenJdkRuntimeWhoseRunJavaReadsJavaOptsAppend(String service) {
        // compose and Kubernetes set the heap through JAVA_OPTS_APPEND, which only run-java.sh reads
        assertThat(DeployFiles.applicationProperties(service).getProperty("quarkus.jib.base-jvm-image"))
                .startsWith("registry.access.redhat.com/ubi9/openjdk-17-runtime:");
    }

    @Test
    void configModelsAreOnTheClassPath() {
        // without them every "known key" assertion above would fail for the wrong reason
        assertThat(DeployFiles.quarkusConfigKeys())
                .contains("quarkus.container-image.build", "quarkus.jib.base-jvm-image", "quarkus.application.version")
                .doesNotContain("quarkus.container-image.bulid");
    }

    @Test
    void allowListedStandardKeysExistInQuarkus() {
        assertThat(DeployFiles.quarkusConfigKeys()).containsAll(DeployFiles.STANDARD_KEYS_ALLOWED)
                .containsAll(DeployFiles.CONSOLE_KEYS_ALLOWED);
    }
}
