package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A trunk that wants its customer registered: Kamailio as the provider's registrar challenges every REGISTER and
 * refuses INVITEs (403) from a customer that is not registered. The gateway registers with the trunk's credentials,
 * answers 423 with the Min-Expires asked for, refreshes before the binding expires, and dials nothing while it is
 * not registered; the admin API, the campaign list and /metrics say why.
 */
class TrunkRegistrationIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String PASSWORD = "trunk-reg-pass";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CAMPAIGN = "  - { name: it, description: \"trunk registration\","
            + " dialingMode: progressive, agents: [agent1], autoLoad: false, autoStart: false }";

    private static String trunk(String password, String registration) {
        return "  username: outdial\n  password: \"" + password + "\"\n  realm: trunk.test\n"
                + (registration.isEmpty() ? "" : "  registration: " + registration);
    }

    private static String agent(Sipp phone) {
        return "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }";
    }

    private static JsonNode registration(GatewayHarness gw) throws Exception {
        return JSON.readTree(gw.get("/api/trunks")).get(0).get("registration");
    }

    @Test
    void theGatewayRegistersWithTheIntervalTheRegistrarAsksForThenItsCallsGoThrough() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).calls(1).start();
             Kamailio registrar = Kamailio.trunkRegistrar(contact.hostPort(), PASSWORD, 120, 3600);
             GatewayHarness gw = GatewayHarness.startWithTrunk(registrar.hostPort(), agent(phone), CAMPAIGN,
                     trunk(PASSWORD, "{ domain: trunk.test, expires: 60s }"))) {
            Await.until(LIMIT, "registered", () -> registrar.count("REG saved sip:outdial@trunk.test") >= 1);
            // We asked for 60 s, the registrar's 423 asked for at least 120: the binding saved is the 120 s one.
            assertEquals(1, registrar.count("expires 120"), registrar.output());
            assertTrue(registrar.count("REG challenge sip:outdial@trunk.test") >= 1, registrar.output());
            Await.until(LIMIT, "the gateway sees it registered",
                    () -> "REGISTERED".equals(text(gw, "state")));
            JsonNode r = registration(gw);
            assertEquals("sip:outdial@trunk.test", r.get("aor").asText());
            assertEquals(0, r.get("failures").asInt());
            assertTrue(r.hasNonNull("expiresAt") && r.hasNonNull("nextAttempt"), r.toString());
            assertEquals(1.0, gw.requiredMetric("outdial_trunk_registered{trunk=\"default\"}"));
            assertEquals(1.0, gw.requiredMetric("outdial_trunk_registration_required{trunk=\"default\"}"));

            gw.uploadAndStart("it", "contact_info\n2005550131\n");
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult(),
                    registrar.output());
            assertEquals(1, registrar.count("EDGE registered INVITE 2005550131"), registrar.output());
            assertTrue(contact.awaitExit(LIMIT).passed(), "the contact behind the trunk took the call");
        }
    }

    @Test
    void aBindingTheRegistrarGrantsShortIsRefreshedBeforeItExpires() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio registrar = Kamailio.trunkRegistrar(contact.hostPort(), PASSWORD, 1, 4);
             GatewayHarness gw = GatewayHarness.startWithTrunk(registrar.hostPort(),
                     "  - { id: agent1, autoReady: false }", CAMPAIGN,
                     trunk(PASSWORD, "{ domain: trunk.test, expires: 60s }"))) {
            // Granted 4 s: refreshed after 2 s each time, always with the same credentials and no failure between.
            Await.until(LIMIT, "three bindings saved",
                    () -> registrar.count("REG saved sip:outdial@trunk.test") >= 3);
            assertTrue(java.util.Set.of("REGISTERED", "REFRESHING").contains(text(gw, "state")), text(gw, "state"));
            assertEquals(0, registration(gw).get("failures").asInt(), registrar.output());
        }
    }

    @Test
    void aRefusedRegistrationDialsNothingAndSaysWhy() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio registrar = Kamailio.trunkRegistrar(contact.hostPort(), PASSWORD, 60, 3600);
             GatewayHarness gw = GatewayHarness.startWithTrunk(registrar.hostPort(), agent(phone), CAMPAIGN,
                     trunk("not-the-password", "{ domain: trunk.test, retryMin: 1s, retryMax: 2s }"))) {
            gw.uploadAndStart("it", "contact_info\n2005550132\n");
            // Two failed rounds (the second after its back-off): the campaign has been paced in between.
            Await.until(LIMIT, "two failed attempts", () -> Integer.parseInt(text(gw, "failures")) >= 2);
            JsonNode r = registration(gw);
            assertEquals("FAILED", r.get("state").asText(), r.toString());
            assertTrue(r.get("reason").asText().contains("refused our credentials"), r.toString());
            assertEquals(0.0, gw.requiredMetric("outdial_trunk_registered{trunk=\"default\"}"));
            assertTrue(gw.requiredMetric("outdial_trunk_registration_failures{trunk=\"default\"}") >= 2);
            JsonNode campaign = JSON.readTree(gw.get("/api/campaigns")).get(0);
            assertTrue(campaign.get("blockedBy").asText().startsWith("trunk 'default' not registered"), campaign.toString());
            assertEquals(0, registrar.count("INVITE"), "no INVITE before registration: " + registrar.output());
            assertEquals(RecordStatus.READY, gw.records("it").get(0).status());
            assertEquals(0, gw.records("it").get(0).attempt());
        }
    }

    @Test
    void aPreviewCallWhileTheTrunkIsNotRegisteredIsRefusedAndTheRecordStaysWithTheAgent() throws Exception {
        String preview = "  - { name: pv, dialingMode: preview, agents: [ann], autoLoad: false }";
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio registrar = Kamailio.trunkRegistrar(contact.hostPort(), PASSWORD, 60, 3600);
             GatewayHarness gw = GatewayHarness.startWithTrunk(registrar.hostPort(), PreviewCampaignIT.AGENTS,
                     preview, trunk("not-the-password", "{ domain: trunk.test, retryMin: 1s, retryMax: 2s }"))) {
            gw.uploadAndStart("pv", "contact_info\n2005550134\n");
            Await.until(LIMIT, "a failed attempt", () -> Integer.parseInt(text(gw, "failures")) >= 1);
            try (CtiClient desk = PreviewCampaignIT.login(gw, phone)) {
                String id = PreviewCampaignIT.ixOf(PreviewCampaignIT.getRecord(desk, "g1"));
                desk.send(new CtiCommand.Call("c1", id, null));
                JsonNode error = desk.await("Error", LIMIT);
                assertEquals("TRUNK_NOT_REGISTERED", error.path("code").asText(), error.toString());
                assertEquals("c1", error.path("requestId").asText(), error.toString());
                assertTrue(error.path("message").asText().contains("trunk 'default' not registered"),
                        error.toString());
                // Nothing was dialed, and the record is still the agent's preview: Decline gives it back unspent.
                assertEquals(0, gw.gateway().userAgent().activeLegs());
                assertEquals("Reserved", PreviewCampaignIT.agentState(gw));
                desk.send(new CtiCommand.Decline("d1", id, "later"));
                desk.await("InteractionDeclined", LIMIT);
            }
            Await.until(LIMIT, "the record back to Ready",
                    () -> gw.records("pv").get(0).status() == RecordStatus.READY);
            assertEquals(0, registrar.count("INVITE"), "no INVITE before registration: " + registrar.output());
            assertEquals(0, gw.records("pv").get(0).attempt());
        }
    }

    @Test
    void withoutRegistrationTheTrunkRefusesTheCall() throws Exception {
        // The trunk of the test really does refuse an unregistered customer: what the dial gate protects against.
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             Kamailio registrar = Kamailio.trunkRegistrar(contact.hostPort(), PASSWORD, 60, 3600);
             GatewayHarness gw = GatewayHarness.startWithTrunk(registrar.hostPort(), agent(phone), CAMPAIGN,
                     trunk(PASSWORD, ""))) {
            assertEquals(false, registration(gw).get("required").asBoolean());
            assertEquals(0.0, gw.requiredMetric("outdial_trunk_registration_required{trunk=\"default\"}"));
            gw.uploadAndStart("it", "contact_info\n2005550133\n");
            gw.awaitAllUpdated("it", LIMIT);
            assertEquals(1, registrar.count("EDGE refused unregistered INVITE 2005550133"), registrar.output());
        }
    }

    private static String text(GatewayHarness gw, String field) {
        try {
            JsonNode r = registration(gw);
            return r.hasNonNull(field) ? r.get(field).asText() : "";
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
