package io.outdial.dialer.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * docker/compose.yaml (two gateways, PostgreSQL, Prometheus, Grafana) cannot be run here (no container engine): it
 * is parsed instead, and what it points at is checked: every mounted file exists, both gateway configurations load
 * with the gateway's own loader, share one PostgreSQL store under different gateway ids and ports, and Prometheus
 * scrapes both.
 */
class ComposeFileTest {
    // Surefire runs with the module folder (dialer/) as working directory.
    private static final Path DOCKER = Path.of("..", "docker");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode read(Path file) throws IOException {
        return YAML.readTree(Files.readString(file));
    }

    @Test
    void composeHasTwoGatewaysOnePostgresPrometheusAndGrafanaAndEveryMountExists() throws IOException {
        JsonNode services = read(DOCKER.resolve("compose.yaml")).path("services");
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        assertEquals(Set.of("postgres", "gateway-a", "gateway-b", "prometheus", "grafana"), names);
        for (String name : names) {
            JsonNode s = services.path(name);
            assertTrue(s.path("image").isTextual(), name + " has an image");
            for (JsonNode volume : s.path("volumes")) {
                String source = volume.asText().split(":")[0];
                if (source.startsWith(".")) {
                    assertTrue(Files.exists(DOCKER.resolve(source)), name + " mounts " + source + ": missing");
                }
            }
        }
        assertEquals("docker/Dockerfile", services.path("gateway-a").path("build").path("dockerfile").asText());
        assertTrue(Files.isRegularFile(DOCKER.resolve("..").resolve("docker/Dockerfile")));
        assertEquals("service_healthy",
                services.path("gateway-b").path("depends_on").path("postgres").path("condition").asText());
    }

    @Test
    void bothGatewaysShareOnePostgresStoreUnderTheirOwnIdsAndPorts() throws IOException {
        GatewayConfig a = ConfigLoader.load(DOCKER.resolve("gateway-a.yaml"));
        GatewayConfig b = ConfigLoader.load(DOCKER.resolve("gateway-b.yaml"));
        assertTrue(a.database().url().startsWith("jdbc:postgresql://"));
        assertEquals(a.database().url(), b.database().url());
        assertNotEquals(a.database().cluster().gatewayId(), b.database().cluster().gatewayId());
        assertNotEquals(a.sip().udpPort(), b.sip().udpPort());
        assertNotEquals(a.http().port(), b.http().port());
        assertTrue(a.rtp().portMax() < b.rtp().portMin() || b.rtp().portMax() < a.rtp().portMin(),
                "RTP ranges overlap");
        JsonNode pg = read(DOCKER.resolve("compose.yaml")).path("services").path("postgres").path("environment");
        assertEquals(pg.path("POSTGRES_USER").asText(), a.database().user());
        assertEquals(pg.path("POSTGRES_PASSWORD").asText(), a.database().password());
        assertTrue(a.database().url().endsWith("/" + pg.path("POSTGRES_DB").asText()));

        List<String> targets = new ArrayList<>();
        for (JsonNode t : read(DOCKER.resolve("prometheus.yml")).path("scrape_configs").get(0)
                .path("static_configs").get(0).path("targets")) {
            targets.add(t.asText());
        }
        assertEquals(List.of(a.http().host() + ":" + a.http().port(), b.http().host() + ":" + b.http().port()),
                targets);
        assertTrue(Files.isRegularFile(Path.of("..", "ops", "grafana", "outdial-dashboard.json")));
    }
}
