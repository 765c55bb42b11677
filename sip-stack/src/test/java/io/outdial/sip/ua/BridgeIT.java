package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.media.StreamStats;
import io.outdial.sip.Bridge;
import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.core.exec.CallExecutor;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BridgeIT {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration RING = Duration.ofSeconds(30);

    private GatewayUnderTest gateway;

    @BeforeEach
    void start() {
        gateway = GatewayUnderTest.start();
    }

    @AfterEach
    void stop() throws Exception {
        try {
            gateway.awaitIdle(STEP);
        } finally {
            gateway.close();
        }
    }

    @Test
    void bridgedLegsRelayRtpBothWaysAndTheContactsByeHangsUpTheAgent() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(1500)).start();
             Sipp agent = Sipp.scenario("agent-phone.xml").start()) {
            CallExecutor call = gateway.newCall();
            LegEvents contactEvents = new LegEvents();
            LegEvents agentEvents = new LegEvents();
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "100", null);
            Leg contactLeg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5551234", RING), call,
                    contactEvents);
            Leg agentLeg = gateway.ua().dial(
                    DialRequest.agentPhone(agent.uri("agent7"), Transport.UDP, "100", "Campaign", RING), call,
                    agentEvents);
            contactEvents.awaitType(LegEvent.Answered.class, STEP);
            agentEvents.awaitType(LegEvent.Answered.class, STEP);

            Bridge bridge = onCall(call, () -> gateway.ua().bridge(contactLeg, agentLeg));

            assertEquals(LegEvent.EndReason.REMOTE_HANGUP,
                    contactEvents.awaitType(LegEvent.Ended.class, STEP).reason());
            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, agentEvents.awaitType(LegEvent.Ended.class, STEP).reason());
            StreamStats contactSide = contactLeg.media().stats();
            StreamStats agentSide = agentLeg.media().stats();
            // 1.5 s of 20 ms packets each way is about 75; allow for start-up.
            assertTrue(contactSide.packetsReceived() > 30, "from the contact: " + contactSide);
            assertTrue(agentSide.packetsReceived() > 30, "from the agent: " + agentSide);
            assertTrue(agentSide.packetsSent() > 30, "relayed to the agent: " + agentSide);
            assertTrue(contactSide.packetsSent() > 30, "relayed to the contact: " + contactSide);
            assertTrue(bridge.relay().packetsRelayed() > 60, "relayed: " + bridge.relay().packetsRelayed());
            assertTrue(contact.awaitExit(STEP).passed());
            Sipp.Result agentResult = agent.awaitExit(STEP);
            assertTrue(agentResult.passed(), agentResult::describe);
        }
    }

    @Test
    void bridgeRefusesLegsThatAreNotAnswered() throws Exception {
        try (Sipp ringing = Sipp.scenario("uas-ring-forever.xml").start();
             Sipp agent = Sipp.scenario("agent-phone.xml").start()) {
            CallExecutor call = gateway.newCall();
            LegEvents ringingEvents = new LegEvents();
            LegEvents agentEvents = new LegEvents();
            Leg ringingLeg = gateway.ua().dial(
                    DialRequest.agentPhone(ringing.uri("999"), Transport.UDP, "100", null, RING), call, ringingEvents);
            Leg agentLeg = gateway.ua().dial(
                    DialRequest.agentPhone(agent.uri("agent7"), Transport.UDP, "100", null, RING), call, agentEvents);
            ringingEvents.awaitType(LegEvent.Ringing.class, STEP);
            agentEvents.awaitType(LegEvent.Answered.class, STEP);

            assertThrows(IllegalStateException.class,
                    () -> onCall(call, () -> gateway.ua().bridge(ringingLeg, agentLeg)));

            ringingLeg.hangup();
            agentLeg.hangup();
            assertEquals(LegEvent.FailureKind.CANCELLED, ringingEvents.awaitType(LegEvent.Failed.class, STEP).kind());
            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, agentEvents.awaitType(LegEvent.Ended.class, STEP).reason());
            assertTrue(ringing.awaitExit(STEP).passed());
            assertTrue(agent.awaitExit(STEP).passed());
        }
    }

    /** Runs {@code action} on the call's executor, as the contract asks of bridge(), and returns its result. */
    private static <T> T onCall(CallExecutor call, java.util.function.Supplier<T> action) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        call.execute(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(STEP.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
