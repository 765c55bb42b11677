package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Negotiated logout over the real WebSocket: a desktop agent whose SIPp phone is ringing with a progressive call
 * asks to log out, gets the countdown, and is authorized only once the call has ended.
 */
class NegotiatedLogoutIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    @Test
    void logoutDuringARingingCallCountsDownThenIsAuthorizedAfterTheCallEnds() throws Exception {
        // The agent's phone rings and nobody picks up; the contact answers and stays silent, so the call ends
        // (Silence, or the contact's BYE) while the agent's phone is still ringing.
        try (Sipp phone = Sipp.scenario("uas-ring-forever.xml").calls(1).timeout(Duration.ofMinutes(1)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(8)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, description: \"integration\", dialingMode: progressive, agents: [ann],"
                             + " autoLoad: false, autoStart: false }");
             CtiClient desk = new CtiClient(gw.ctiUrl())) {
            desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
            desk.await("LoggedIn", LIMIT);
            desk.send(new CtiCommand.Ready("2"));
            gw.uploadAndStart("it", "contact_info,first_name\n2005550111,Ann\n2005550112,Bob\n");

            desk.await("InteractionRinging", LIMIT);
            desk.send(new CtiCommand.Logout("3"));

            JsonNode pending = desk.await("LogoutPending", LIMIT);
            assertEquals("3", pending.path("requestId").asText());
            assertEquals("InteractionRinging", pending.path("reason").asText());
            int secondsLeft = pending.path("secondsLeft").asInt();
            assertTrue(secondsLeft > 20 && secondsLeft <= 30, "counts down from dialing.logoutDelayLimit (30 s): "
                    + secondsLeft);
            assertEquals(1.0, gw.metric("outdial_agents{state=\"Reserved\"}"), "still held by the ringing call");

            JsonNode authorized = desk.await("LogoutAuthorized", LIMIT);
            assertEquals("3", authorized.path("requestId").asText());
            assertEquals("CallFinished", authorized.path("reason").asText());
            assertEquals("3", desk.await("LoggedOut", LIMIT).path("requestId").asText());

            List<String> seen = desk.types();
            assertTrue(seen.indexOf("InteractionReleased") < seen.indexOf("LogoutAuthorized"),
                    "authorized only after the call ended: " + seen);
            assertFalse(seen.subList(seen.indexOf("LogoutPending"), seen.size()).contains("InteractionRinging"),
                    "no new call while the logout was pending: " + seen);
            contact.awaitExit(LIMIT);
            assertTrue(phone.awaitExit(LIMIT).passed(), "the ringing phone was cancelled");
            Await.until(LIMIT, "the agent logged out", () -> metricQuietly(gw, "outdial_agents{state=\"LoggedOut\"}") == 1.0);
            Await.until(LIMIT, "no call left", () -> gw.gateway().dialing().callsInProgress() == 0);
            assertEquals(1, gw.counts("it").getOrDefault(RecordStatus.UPDATED, 0));
            assertEquals(1, gw.counts("it").getOrDefault(RecordStatus.READY, 0), "Bob was never dialed");
        }
    }

    private static double metricQuietly(GatewayHarness gw, String sample) {
        try {
            return gw.metric(sample);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
