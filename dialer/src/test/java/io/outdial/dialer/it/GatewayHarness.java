package io.outdial.dialer.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.auth.ApiTokens;
import io.outdial.bridge.auth.PasswordHashes;
import io.outdial.dialer.Gateway;
import io.outdial.dialer.config.ConfigLoader;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The real gateway started in-process on free loopback ports with a fresh in-memory store, plus the HTTP client a
 * supervisor would use. Contacts and phones are real SIPp processes started by the tests.
 */
final class GatewayHarness implements AutoCloseable {
    private static final AtomicInteger RUN = new AtomicInteger();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The users and tokens every test gateway has (http.auth); the harness's own requests use ADMIN_TOKEN. */
    static final String SUPERVISOR_USER = "it-supervisor";
    static final String SUPERVISOR_PASSWORD = "it-supervisor-password";
    static final String ADMIN_USER = "it-admin";
    static final String ADMIN_PASSWORD = "it-admin-password";
    static final String ADMIN_TOKEN = ApiTokens.generate();
    static final String SUPERVISOR_TOKEN = ApiTokens.generate();
    static final String SCRAPE_TOKEN = ApiTokens.generate();
    private static final String SUPERVISOR_HASH = PasswordHashes.hash(SUPERVISOR_PASSWORD, PasswordHashes.MIN_COST);
    private static final String ADMIN_HASH = PasswordHashes.hash(ADMIN_PASSWORD, PasswordHashes.MIN_COST);

    /** The {@code auth:} keys of {@code http:} (indented by two spaces), with {@code more} auth keys appended. */
    static String authYaml(String more) {
        return """
                  auth:
                    users:
                      - { name: %s, role: supervisor, passwordHash: "%s" }
                      - { name: %s, role: admin, passwordHash: "%s" }
                    tokens:
                      - { name: it-admin-token, role: admin, sha256: %s }
                      - { name: it-supervisor-token, role: supervisor, sha256: %s }
                    scrapeTokenSha256: %s
                %s""".formatted(SUPERVISOR_USER, SUPERVISOR_HASH, ADMIN_USER, ADMIN_HASH,
                ApiTokens.sha256(ADMIN_TOKEN), ApiTokens.sha256(SUPERVISOR_TOKEN), ApiTokens.sha256(SCRAPE_TOKEN), more);
    }

    private final Gateway gateway;
    private final int sipPort;
    private final HttpClient http = HttpClient.newHttpClient();

    private GatewayHarness(Gateway gateway, int sipPort) {
        this.gateway = gateway;
        this.sipPort = sipPort;
    }

    /**
     * Starts a gateway whose trunk is {@code trunkHostPort}; {@code agentsYaml} and {@code campaignsYaml} are the
     * YAML list items of {@code agents:} and {@code campaigns:} (indented by four spaces).
     */
    static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "");
    }

    /** As above, with more top-level YAML sections ({@code audio:}, ...) appended. */
    static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml, String moreYaml)
            throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, moreYaml, 40, "60s", "", "");
    }

    /** With more keys of the {@code sip:} section ({@code sipYaml} indented by two spaces). */
    static GatewayHarness startWithSip(String trunkHostPort, String agentsYaml, String campaignsYaml, String sipYaml)
            throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", sipYaml, "");
    }

    /** With more keys of both the {@code sip:} and the {@code trunk:} sections (indented by two spaces). */
    static GatewayHarness startWithSipAndTrunk(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                               String sipYaml, String trunkYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", sipYaml, trunkYaml, "", "");
    }

    /**
     * With more keys of the {@code http:} section ({@code httpYaml}, indented by two spaces) and more keys of
     * {@code http.auth} ({@code authYaml}, indented by four).
     */
    static GatewayHarness startWithHttp(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                        String httpYaml, String authYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", "", "", httpYaml, authYaml);
    }

    /** With more keys of the {@code trunk:} section ({@code trunkYaml} indented by two spaces). */
    static GatewayHarness startWithTrunk(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                         String trunkYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", "", trunkYaml);
    }

    /**
     * As above, with {@code rtpPorts} RTP ports (more than 40 take a range of their own, up to 250, for load tests)
     * and the RTP inactivity timeout {@code rtpInactivity} (a YAML duration).
     */
    static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml, String moreYaml,
                                int rtpPorts, String rtpInactivity) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, moreYaml, rtpPorts, rtpInactivity, "", "");
    }

    /**
     * One of several gateways on a shared store: {@code databaseYaml} is the body of the {@code database:} section
     * (indented by two spaces: url, user, cluster, ...).
     */
    static GatewayHarness startOnStore(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                       String databaseYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", "", "", "", "", databaseYaml);
    }

    private static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                        String moreYaml, int rtpPorts, String rtpInactivity, String sipYaml,
                                        String trunkYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, moreYaml, rtpPorts, rtpInactivity, sipYaml, trunkYaml,
                "", "");
    }

    private static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                        String moreYaml, int rtpPorts, String rtpInactivity, String sipYaml,
                                        String trunkYaml, String httpYaml, String moreAuthYaml) throws IOException {
        return start(trunkHostPort, agentsYaml, campaignsYaml, moreYaml, rtpPorts, rtpInactivity, sipYaml, trunkYaml,
                httpYaml, moreAuthYaml, null);
    }

    private static GatewayHarness start(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                        String moreYaml, int rtpPorts, String rtpInactivity, String sipYaml,
                                        String trunkYaml, String httpYaml, String moreAuthYaml, String databaseYaml)
            throws IOException {
        String yaml = configYaml(trunkHostPort, agentsYaml, campaignsYaml, moreYaml, rtpPorts, rtpInactivity,
                sipYaml, trunkYaml, httpYaml, moreAuthYaml, databaseYaml, 0);
        Path dir = Files.createTempDirectory("outdial-it");
        Gateway gateway = Gateway.start(ConfigLoader.parse(yaml, dir));
        return new GatewayHarness(gateway, gateway.config().sip().udpPort());
    }

    /**
     * The configuration a harness gateway runs on, for a gateway started in a JVM of its own: free SIP and RTP
     * ports, HTTP on {@code httpPort} (0: any free one) with the harness's users and tokens, the store of
     * {@code databaseYaml} as in {@link #startOnStore}.
     */
    static String configYaml(String trunkHostPort, String agentsYaml, String campaignsYaml, String databaseYaml,
                             int httpPort) {
        return configYaml(trunkHostPort, agentsYaml, campaignsYaml, "", 40, "60s", "", "", "", "", databaseYaml,
                httpPort);
    }

    private static String configYaml(String trunkHostPort, String agentsYaml, String campaignsYaml,
                                     String moreYaml, int rtpPorts, String rtpInactivity, String sipYaml,
                                     String trunkYaml, String httpYaml, String moreAuthYaml, String databaseYaml,
                                     int httpPort) {
        int run = RUN.incrementAndGet();
        int rtpMin = rtpPorts <= 40
                ? 30000 + (int) (ProcessHandle.current().pid() % 50) * 400 + (run % 10) * 40
                : 20000 + (int) (ProcessHandle.current().pid() % 40) * 250;
        int rtpCount = Math.min(rtpPorts, 250);
        int sipPort = FreePorts.sip();
        String[] trunk = trunkHostPort.split(":");
        return """
                sip:
                  host: 127.0.0.1
                  udpPort: %d
                  tcpPort: %d
                %s
                trunk:
                  host: %s
                  port: %s
                  callerId: "18005550100"
                %s
                rtp:
                  bindAddress: 127.0.0.1
                  portMin: %d
                  portMax: %d
                  inactivityTimeout: %s
                http:
                  host: 127.0.0.1
                  port: %d
                %s
                database:
                %s
                dialing:
                  ringTimeout: 15s
                  agentRingTimeout: 15s
                  defaultCallingHours: "00:00-24:00"
                agents:
                %s
                campaigns:
                %s
                %s
                """.formatted(sipPort, sipPort, sipYaml, trunk[0], trunk[1], trunkYaml, rtpMin,
                rtpMin + rtpCount - 1, rtpInactivity, httpPort, httpYaml + "\n" + authYaml(moreAuthYaml),
                databaseYaml != null ? databaseYaml
                        : "  url: \"jdbc:h2:mem:it-" + ProcessHandle.current().pid() + "-" + run
                        + ";DB_CLOSE_DELAY=-1\"", agentsYaml, campaignsYaml, moreYaml);
    }

    /** The gateway's SIP port (UDP and TCP). */
    int sipPort() {
        return gateway.config().sip().udpPort();
    }

    Gateway gateway() {
        return gateway;
    }

    String baseUrl() {
        return (tls() ? "https" : "http") + "://127.0.0.1:" + gateway.httpPort();
    }

    String ctiUrl() {
        return (tls() ? "wss" : "ws") + "://127.0.0.1:" + gateway.httpPort() + "/cti";
    }

    private boolean tls() {
        return gateway.config().http().tls() != null;
    }

    /** POSTs {@code body} and returns the JSON answer; fails on a non-2xx status. */
    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("POST " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** GETs {@code path} as text; fails on a non-2xx status. */
    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new AssertionError("GET " + path + " -> " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Uploads records, then loads and starts the campaign, as a supervisor does. */
    void uploadAndStart(String campaign, String csv) throws IOException, InterruptedException {
        JsonNode report = post("/api/campaigns/" + campaign + "/records", csv);
        if (report.path("rejected").size() > 0) {
            throw new AssertionError("rows rejected: " + report);
        }
        post("/api/campaigns/" + campaign + "/load", "");
        post("/api/campaigns/" + campaign + "/start", "");
    }

    /** The value of one Prometheus sample line (name with its labels as printed), or 0 if absent. */
    double metric(String sample) throws IOException, InterruptedException {
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return 0;
    }

    /** As {@link #metric}, but a sample missing from /metrics fails (a renamed meter must not read as 0). */
    double requiredMetric(String sample) throws IOException, InterruptedException {
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError(sample + " is not in /metrics");
    }

    /** The sum of every series of the family {@code name} (all its labels), failing if /metrics has none. */
    double metricSum(String name) throws IOException, InterruptedException {
        double sum = 0;
        boolean found = false;
        for (String line : get("/metrics").split("\n")) {
            if (line.startsWith(name + " ") || line.startsWith(name + "{")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1).trim());
                found = true;
            }
        }
        if (!found) {
            throw new AssertionError(name + " is not in /metrics");
        }
        return sum;
    }

    /** Calls in progress, SIP legs and open RTP endpoints as /metrics shows them, e.g. {@code [0, 0, 0]}. */
    List<Integer> leftovers() {
        try {
            return List.of((int) requiredMetric("outdial_calls_in_progress"),
                    (int) requiredMetric("outdial_sip_legs_active"), (int) requiredMetric("outdial_rtp_endpoints_open"));
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    List<CallingRecord> records(String campaign) {
        return gateway.store().records(campaign);
    }

    Map<RecordStatus, Integer> counts(String campaign) {
        return gateway.store().countByStatus(campaign);
    }

    /** Waits until every record of the campaign is Updated and no call is up. */
    List<CallingRecord> awaitAllUpdated(String campaign, Duration limit) {
        Await.until(limit, "every record Updated", () -> gateway.dialing().callsInProgress() == 0
                && records(campaign).stream().allMatch(r -> r.status() == RecordStatus.UPDATED));
        return records(campaign);
    }

    @Override
    public void close() {
        gateway.close();
    }
}
