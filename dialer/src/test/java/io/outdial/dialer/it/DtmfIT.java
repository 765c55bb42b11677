package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.sip.testing.Sipp;
import io.outdial.sip.testing.TelephoneEventReceiver;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SendDtmf from the agent's desktop (CTI) on a connected progressive call: a contact that negotiated telephone-event
 * hears RFC 4733 events (decoded at its RTP port by a JDK socket, since SIPp cannot), one without gets SIP INFO
 * (checked by the SIPp scenario itself).
 */
class DtmfIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);
    private static final String AGENTS = "  - { id: ann, secret: s3cret }";
    private static final String CAMPAIGNS = "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }";

    /** Logs ann in, starts the campaign, goes Ready and returns the connected interaction's id. */
    private static String connected(GatewayHarness gw, CtiClient desk, Sipp phone) throws Exception {
        gw.post("/api/campaigns/it/records", "contact_info\n2005550301\n");
        gw.post("/api/campaigns/it/load", "");
        desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
        desk.await("LoggedIn", LIMIT);
        gw.post("/api/campaigns/it/start", "");
        desk.send(new CtiCommand.Ready("2"));
        return desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId").asText();
    }

    @Test
    void digitsFromTheDesktopReachTheContactAsRfc4733EventsInOrderWithItsPayloadType() throws Exception {
        try (TelephoneEventReceiver contactRtp = new TelephoneEventReceiver(96);
             Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-telephone-event.xml").timeout(Duration.ofMinutes(2))
                     .set("contact_rtp_port", Integer.toString(contactRtp.port())).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGNS);
             CtiClient desk = new CtiClient(gw.ctiUrl())) {
            String ix = connected(gw, desk, phone);

            desk.send(new CtiCommand.SendDtmf("3", ix, "12x", null));
            JsonNode bad = desk.await("Error", LIMIT);
            assertEquals("INVALID_DTMF", bad.path("code").asText());
            assertTrue(bad.path("message").asText().contains("'x' at position 3"), bad.toString());
            desk.send(new CtiCommand.SendDtmf("4", ix, "1", 5000));
            assertEquals("INVALID_DTMF", desk.await("Error", LIMIT).path("code").asText());
            desk.send(new CtiCommand.SendDtmf("5", "ix-nope", "1", null));
            assertEquals("UNKNOWN_INTERACTION", desk.await("Error", LIMIT).path("code").asText());

            desk.send(new CtiCommand.SendDtmf("6", ix, "2580", 100));
            desk.send(new CtiCommand.SendDtmf("7", ix, "*#", null));
            JsonNode first = desk.await("DtmfSent", LIMIT);
            assertEquals("6", first.path("requestId").asText());
            assertEquals("2580", first.path("digits").asText());
            assertEquals("*#", desk.await("DtmfSent", LIMIT).path("digits").asText());

            List<TelephoneEventReceiver.Event> heard = contactRtp.awaitEvents(6, LIMIT, Duration.ofMillis(300));
            assertEquals("2580*#", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat));
            for (int i = 0; i < heard.size(); i++) {
                TelephoneEventReceiver.Event e = heard.get(i);
                assertEquals(96, e.payloadType(), "the contact's telephone-event type");
                assertEquals(3, e.endPackets(), e::toString);
                assertEquals(i < 4 ? 800 : 1280, e.finalDuration(), "100 ms, then the default 160 ms: " + e);
                assertTrue(e.packets().get(0).marker(), e::toString);
                assertEquals(0, contactRtp.otherPacketsDuring(e), "the agent's audio is held back during " + e);
            }
            assertTrue(contactRtp.otherPackets() > 0, "the agent's audio reached the contact around the digits");

            desk.send(new CtiCommand.ReleaseCall("8", ix));
            desk.await("InteractionReleased", LIMIT);
            desk.send(new CtiCommand.SendDtmf("9", ix, "1", null));
            assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText(), "no connected contact");
            desk.send(new CtiCommand.MarkDone("10", ix));
            desk.await("InteractionDone", LIMIT);
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void aContactWithoutTelephoneEventGetsTheDigitsAsSipInfo() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-info-dtmf.xml").timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGNS);
             CtiClient desk = new CtiClient(gw.ctiUrl())) {
            String ix = connected(gw, desk, phone);

            desk.send(new CtiCommand.SendDtmf("3", ix, "7#", 250));
            assertEquals("7#", desk.await("DtmfSent", LIMIT).path("digits").asText());

            desk.send(new CtiCommand.ReleaseCall("4", ix));
            desk.await("InteractionReleased", LIMIT);
            desk.send(new CtiCommand.MarkDone("5", ix));
            desk.await("InteractionDone", LIMIT);
            // the scenario fails unless it got exactly INFO "7" then INFO "#", each application/dtmf-relay, 250 ms
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void digitsTheContactPressesReachTheAgentsPhoneWithThePhonesPayloadType() throws Exception {
        try (TelephoneEventReceiver agentRtp = new TelephoneEventReceiver(100);
             Sipp phone = Sipp.scenario("agent-phone-telephone-event.xml").calls(2).timeout(Duration.ofMinutes(2))
                     .set("agent_rtp_port", Integer.toString(agentRtp.port())).start();
             Sipp contact = Sipp.scenario("uas-answer-sends-dtmf.xml").timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGNS);
             CtiClient desk = new CtiClient(gw.ctiUrl())) {
            String ix = connected(gw, desk, phone);

            // the contact's 1 and # (SIPp's captures: payload type 101, duration 2240, three end packets each)
            List<TelephoneEventReceiver.Event> heard = agentRtp.awaitEvents(2, LIMIT, Duration.ofMillis(300));
            assertEquals("1#", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat));
            for (TelephoneEventReceiver.Event e : heard) {
                assertEquals(100, e.payloadType(), "re-stamped with the phone's telephone-event type");
                assertEquals(heard.get(0).ssrc(), e.ssrc(), "the agent leg's one stream");
                assertEquals(2240, e.finalDuration(), e::toString);
                assertEquals(3, e.endPackets(), e::toString);
            }

            desk.send(new CtiCommand.ReleaseCall("3", ix));
            desk.await("InteractionReleased", LIMIT);
            desk.send(new CtiCommand.MarkDone("4", ix));
            desk.await("InteractionDone", LIMIT);
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void digitsTheContactSendsInSipInfoReachTheAgentsPhoneAsRfc4733Events() throws Exception {
        try (TelephoneEventReceiver agentRtp = new TelephoneEventReceiver(100);
             Sipp phone = Sipp.scenario("agent-phone-telephone-event.xml").calls(2).timeout(Duration.ofMinutes(2))
                     .set("agent_rtp_port", Integer.toString(agentRtp.port())).start();
             Sipp contact = Sipp.scenario("uas-answer-sends-info-dtmf.xml").timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), AGENTS, CAMPAIGNS);
             CtiClient desk = new CtiClient(gw.ctiUrl())) {
            String ix = connected(gw, desk, phone);

            // INFO Signal=4 Duration=200 and Signal=11 (#) Duration=160: no RTP event from the contact at all.
            List<TelephoneEventReceiver.Event> heard = agentRtp.awaitEvents(2, LIMIT, Duration.ofMillis(300));
            assertEquals("4#", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat));
            assertEquals(1600, heard.get(0).finalDuration(), "200 ms at 8 kHz: " + heard.get(0));
            assertEquals(1280, heard.get(1).finalDuration(), "160 ms at 8 kHz: " + heard.get(1));
            for (TelephoneEventReceiver.Event e : heard) {
                assertEquals(100, e.payloadType(), "the phone's telephone-event type");
                assertTrue(e.complete(), e::toString);
            }

            desk.send(new CtiCommand.ReleaseCall("3", ix));
            desk.await("InteractionReleased", LIMIT);
            Sipp.Result result = contact.awaitExit(LIMIT);
            assertTrue(result.passed(), result::describe);
        }
    }
}
