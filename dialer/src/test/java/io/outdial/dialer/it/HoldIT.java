package io.outdial.dialer.it;

import io.outdial.bridge.cti.CtiCommand;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.outdial.dialer.record.CallResult;
import io.outdial.sip.testing.Sipp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Hold and Retrieve from the desktop on a connected progressive call: while held the relay stops and the contact hears
 * the configured hold music (a real WAV, looped, as RTP); after Retrieve agent and contact talk again.
 */
class HoldIT {
    private static final Duration LIMIT = Duration.ofSeconds(40);

    private static double relayed(GatewayHarness gw) {
        try {
            return gw.metric("outdial_rtp_packets_relayed_total");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void heldContactHearsHoldMusicThenTalksToTheAgentAgain() throws Exception {
        Path music = ContactAudio.messageWav();
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(7)).calls(1).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(), "  - { id: ann, secret: s3cret }",
                     "  - { name: it, dialingMode: progressive, agents: [ann], autoLoad: false }",
                     "audio:\n  holdMusic: \"" + music + "\"\n")) {
            gw.post("/api/campaigns/it/records", "contact_info\n2005550301\n");
            gw.post("/api/campaigns/it/load", "");
            try (CtiClient desk = new CtiClient(gw.ctiUrl())) {
                desk.send(new CtiCommand.Login("1", "ann", "s3cret", phone.uri("ann")));
                desk.await("LoggedIn", LIMIT);
                gw.post("/api/campaigns/it/start", "");
                desk.send(new CtiCommand.Ready("2"));
                String ix = desk.await("InteractionEstablished", LIMIT).path("interaction").path("interactionId")
                        .asText();
                Await.until(LIMIT, "a second of audio relayed both ways", () -> relayed(gw) > 100);

                desk.send(new CtiCommand.Hold("3", ix));
                JsonNode held = desk.await("InteractionHeld", LIMIT);
                assertEquals("OnHold", held.path("interaction").path("state").asText());
                double relayedAtHold = relayed(gw);
                // The one fixed wait: how long the hold is watched. Nothing should change in it, so there is no
                // condition to await; 2 s is 200 packets both ways had the relay gone on.
                Thread.sleep(2000);
                double relayedDuringHold = relayed(gw) - relayedAtHold;
                assertTrue(relayedDuringHold < 10, "nothing relayed while held: " + relayedDuringHold);

                desk.send(new CtiCommand.Hold("4", ix));
                assertEquals("NOT_ALLOWED", desk.await("Error", LIMIT).path("code").asText(), "already on hold");

                desk.send(new CtiCommand.Retrieve("5", ix));
                assertEquals("Established", desk.await("InteractionRetrieved", LIMIT).path("interaction")
                        .path("state").asText());
                double relayedAtRetrieve = relayed(gw);
                Await.until(Duration.ofSeconds(3), "relaying both ways again after Retrieve",
                        () -> relayed(gw) - relayedAtRetrieve > 60);

                desk.await("InteractionReleased", LIMIT);
                desk.send(new CtiCommand.MarkDone("6", ix));
                desk.await("InteractionDone", LIMIT);
            }
            assertEquals(CallResult.ANSWER, gw.awaitAllUpdated("it", LIMIT).get(0).callResult());
            // The agent's phone sent audio all along; the contact got it relayed, except while held, when it got the
            // hold music instead. Without the music the contact would have had about 100 packets (2 s) fewer.
            double agentIn = gw.metric("outdial_rtp_leg_packets_total{direction=\"in\",leg=\"agent\"}");
            double contactOut = gw.metric("outdial_rtp_leg_packets_total{direction=\"out\",leg=\"contact\"}");
            assertTrue(contactOut > agentIn - 40, "hold music filled the hold: contact got " + contactOut
                    + " packets, the agent sent " + agentIn);
        }
    }
}
