package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The ops pack under ops/ against a live gateway: Prometheus' own promtool checks the scrape, the alert rules and
 * their unit tests, and every metric the rules and the Grafana dashboard query is one the gateway exports.
 */
class OpsPackIT {
    private static final Path OPS = Path.of("..", "ops");
    private static final Pattern NAME = Pattern.compile("\\b(outdial_[a-z0-9_]+|jvm_[a-z0-9_]+|process_[a-z0-9_]+"
            + "|system_[a-z0-9_]+|hikaricp_[a-z0-9_]+)\\b");

    private static String promtool(String input, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("promtool"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "promtool " + args[0] + " finished");
        assertEquals(0, p.exitValue(), "promtool " + String.join(" ", args) + ":\n" + out);
        return out;
    }

    /** The metric names a scrape exports, with the _bucket/_count/_sum/_total series names as Prometheus sees them. */
    private static Set<String> exported(String scrape) {
        Set<String> names = new TreeSet<>();
        for (String line : scrape.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                names.add(line.split("[{ ]", 2)[0]);
            }
        }
        return names;
    }

    private static Set<String> queried(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void scrapeRulesAndDashboardHoldTogether() throws Exception {
        try (GatewayHarness gw = GatewayHarness.start("127.0.0.1:9",
                "  - { id: agent1, secret: s3cret, phone: \"sip:agent1@127.0.0.1:5081\" }",
                "  - { name: ops, dialingMode: predictive, agents: [agent1], autoLoad: true, autoStart: false }")) {
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "agent1", "s3cret", null));
                desk.await("LoggedIn", Duration.ofSeconds(10));
                desk.send(new CtiCommand.Ready("2"));
                desk.await("AgentStateChanged", Duration.ofSeconds(10));
            }
            assertTrue(gw.requiredMetric("outdial_cti_event_delivery_seconds_count") >= 1,
                    "the agent's state change was timed on its way to the desktop");
            String scrape = gw.get("/metrics");
            promtool(scrape, "check", "metrics");
            Set<String> exported = exported(scrape);
            assertTrue(exported.contains("jvm_memory_used_bytes") && exported.contains("process_cpu_usage")
                    && exported.contains("outdial_sip_requests_total") && exported.contains("outdial_sip_dropped_total"),
                    "JVM, process and SIP metrics: " + exported);
            assertTrue(exported.contains("hikaricp_connections_pending")
                    && exported.contains("hikaricp_connections_acquire_seconds_bucket")
                    && exported.contains("outdial_cti_event_delivery_seconds_bucket"),
                    "store pool use and wait, CTI fan-out histogram: " + exported);

            Path rules = OPS.resolve("prometheus/outdial-rules.yml");
            promtool(null, "check", "rules", rules.toString());
            promtool(null, "test", "rules", OPS.resolve("prometheus/outdial-rules.test.yml").toString());
            Set<String> ruleNames = queried(Files.readString(rules));
            assertTrue(ruleNames.size() >= 4, ruleNames.toString());
            assertTrue(exported.containsAll(ruleNames), "rules query only exported metrics; missing: "
                    + difference(ruleNames, exported));

            JsonNode dashboard = GatewayHarness.JSON.readTree(OPS.resolve("grafana/outdial-dashboard.json").toFile());
            Set<String> panelNames = new TreeSet<>();
            int panels = 0;
            for (JsonNode panel : dashboard.path("panels")) {
                panels++;
                assertTrue(panel.path("targets").size() > 0, "panel '" + panel.path("title").asText() + "' has a query");
                for (JsonNode target : panel.path("targets")) {
                    Set<String> names = queried(target.path("expr").asText());
                    assertTrue(!names.isEmpty(), "panel '" + panel.path("title").asText() + "' queries a metric");
                    panelNames.addAll(names);
                }
            }
            assertTrue(panels >= 8, "campaigns, pacing, abandonment, agents, SIP, media, JVM: " + panels + " panels");
            assertTrue(exported.containsAll(panelNames), "the dashboard queries only exported metrics; missing: "
                    + difference(panelNames, exported));
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> d = new TreeSet<>(a);
        d.removeAll(b);
        return d;
    }
}
