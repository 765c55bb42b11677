package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A real softphone (baresip) as the agent's phone: it registers with the gateway's registrar using digest
 * authentication, the agent logs in from the desktop with only an id and a secret, and a progressive call reaches
 * the phone where it registered, with audio both ways.
 */
class SoftphoneIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String SIP_PASSWORD = "ann-phone-pw";

    private static final String AGENT = "  - { id: ann, secret: s3cret, sipPassword: \"" + SIP_PASSWORD + "\" }";
    private static final String CAMPAIGN = "  - { name: it, description: \"softphone\", dialingMode: progressive,"
            + " agents: [ann], autoLoad: false, autoStart: false }";
    /** baresip 1.0 (Debian 12) speaks MD5 only and gives up on any SHA-256 challenge: MD5 only, as old phones need. */
    private static final String MD5_ONLY = "  registrar: { algorithms: [MD5] }";

    private static GatewayHarness gateway(Sipp contact) throws Exception {
        return GatewayHarness.startWithSip(contact.hostPort(), AGENT, CAMPAIGN, MD5_ONLY);
    }

    @Test
    void aRegisteredSoftphoneTakesAProgressiveCallWithAudioBothWays() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(6)).calls(1).start();
             GatewayHarness gw = gateway(contact);
             Baresip phone = Baresip.register("ann", SIP_PASSWORD, "127.0.0.1:" + gw.sipPort())) {
            phone.awaitOutput("ann@127\\.0\\.0\\.1.*200 OK", LIMIT);
            JsonNode registration = agent(gw, "ann").path("registration");
            assertEquals("127.0.0.1:" + phone.sipPort(), registration.path("source").asText(), registration.toString());
            assertEquals(1.0, gw.metric("outdial_sip_registered_agents"));

            gw.post("/api/campaigns/it/records", "contact_info,first_name\n2005550111,Cy\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", null));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionRinging", LIMIT).path("interaction").path("interactionId").asText();
                desk.await("InteractionEstablished", LIMIT);
                phone.awaitOutput("(?i)call established", LIMIT);
                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("3", ix));
                desk.await("InteractionDone", LIMIT);
            }
            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(CallResult.ANSWER, r.callResult());
            assertEquals("ann", r.agentId());
            // The gateway saw packets both ways on the agent's leg, and the phone decoded audio from it.
            String packets = gw.get("/metrics").lines().filter(l -> l.startsWith("outdial_rtp_leg_packets_total"))
                    .reduce("", (a, b) -> a + "\n" + b);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"agent\"}") > 20, packets);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"agent\"}") > 20, packets);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"contact\"}") > 20, packets);
            assertTrue(gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}") > 20,
                    "the phone's audio (its loop of the contact's) reached the contact: " + packets);
            Await.until(LIMIT, "baresip's received-audio file", () -> {
                try {
                    return phone.receivedAudioBytes() > 8_000;
                } catch (java.io.IOException e) {
                    return false;
                }
            });
            Await.until(LIMIT, "legs released", () -> gw.gateway().userAgent().activeLegs() == 0);
        }
    }

    @Test
    void aWrongPasswordIsRefusedAndTheAgentIsToldNoPhoneIsRegistered() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").calls(1).start();
             GatewayHarness gw = gateway(contact);
             Baresip phone = Baresip.register("ann", "not-the-password", "127.0.0.1:" + gw.sipPort())) {
            phone.awaitOutput("403 Forbidden", LIMIT);
            Await.until(LIMIT, "the failure counted", () -> metric(gw, "outdial_sip_register_failures_total") >= 1);
            assertTrue(agent(gw, "ann").path("registration").isNull());
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", null));
                JsonNode error = desk.await("Error", LIMIT);
                assertEquals("NO_PHONE_REGISTERED", error.path("code").asText(), error.toString());
                assertTrue(error.path("message").asText().contains("sip:ann@"), error.toString());
            }
        }
    }

    private static double metric(GatewayHarness gw, String sample) {
        try {
            return gw.metric(sample);
        } catch (Exception e) {
            return -1;
        }
    }

    private static JsonNode agent(GatewayHarness gw, String id) throws Exception {
        for (JsonNode a : GatewayHarness.JSON.readTree(gw.get("/api/agents"))) {
            if (a.path("id").asText().equals(id)) {
                return a;
            }
        }
        throw new AssertionError("no agent " + id);
    }
}
