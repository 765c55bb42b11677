package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.Transport;
import io.outdial.sip.testing.FreePorts;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import io.outdial.core.exec.CallExecutor;
import java.nio.file.Files;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactCallIT {
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
            assertEquals(0, gateway.ua().activeLegs());
        } finally {
            gateway.close();
        }
    }

    private static DialRequest viaTrunk(Sipp sipp, String number, Transport transport) {
        TrunkConfig trunk = new TrunkConfig("127.0.0.1", sipp.sipPort(), transport, null, "15550001000", "Outdial Test");
        return DialRequest.contactViaTrunk(trunk, number, RING);
    }

    @Test
    void answeredCallReportsProgressInOrderReceivesRtpAndEndsOnRemoteBye() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5551234", Transport.UDP), gateway.newCall(), events);

            List<LegEvent> all = events.untilTerminal(STEP);

            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
            assertEquals(180, ((LegEvent.Ringing) all.get(1)).status());
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) all.get(3)).reason());
            assertEquals(LegState.ENDED, leg.state());
            long packets = leg.media().stats().packetsReceived();
            assertTrue(packets > 10, "RTP packets received during a 1 s call: " + packets);
            Sipp.Result result = contact.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            assertEquals(1, result.successful());
        }
    }

    @Test
    void busyContactFailsAsRejectedWith486() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-busy.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(viaTrunk(contact, "4865550000", Transport.UDP), gateway.newCall(), events);

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);

            assertEquals(486, failed.status());
            assertEquals(LegEvent.FailureKind.REJECTED, failed.kind());
            assertEquals("Busy Here", failed.reason());
            assertSippPassed(contact);
        }
    }

    @Test
    void outboundProxyGetsTheInviteWithALooseRoute() throws Exception {
        try (Sipp proxy = Sipp.scenario("uas-busy.xml").start()) {
            // The trunk itself is unreachable: only the Route header can bring the INVITE to SIPp.
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", FreePorts.udp(), Transport.UDP, proxy.hostPort(), "100",
                    null);
            LegEvents events = new LegEvents();
            gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "4865550000", RING), gateway.newCall(), events);

            assertEquals(486, events.awaitType(LegEvent.Failed.class, STEP).status());
            Sipp.Result result = proxy.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String trace = Files.readString(result.messageFile());
            assertTrue(trace.contains("Route: <sip:" + proxy.hostPort() + ";lr>"), trace);
            assertTrue(trace.contains("INVITE sip:4865550000@127.0.0.1:" + trunk.port() + " SIP/2.0"), trace);
        }
    }

    @Test
    void unknownNumberFailsAsRejectedWith404() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-not-found.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "4045550000", Transport.UDP), gateway.newCall(), events);

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);

            assertEquals(404, failed.status());
            assertEquals(LegEvent.FailureKind.REJECTED, failed.kind());
            assertEquals(LegState.FAILED, leg.state());
            assertSippPassed(contact);
        }
    }

    @Test
    void earlyMediaReachesTheEndpointBeforeA404() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-early-media-then-404.xml").talkTime(Duration.ofMillis(800)).start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5550000", Transport.UDP), gateway.newCall(), events);

            events.untilTerminal(STEP);

            assertEquals(List.of("Trying", "EarlyMedia", "Failed"), events.names());
            assertEquals(183, ((LegEvent.EarlyMedia) events.seen().get(1)).status());
            LegEvent.Failed failed = (LegEvent.Failed) events.seen().get(2);
            assertEquals(404, failed.status());
            assertEquals(LegEvent.FailureKind.REJECTED, failed.kind());
            long packets = leg.media().stats().packetsReceived();
            assertTrue(packets > 5, "early-media RTP packets received: " + packets);
            assertSippPassed(contact);
        }
    }

    @Test
    void ownerHangingUpWhileRingingCancelsTheInvite() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-ring-forever.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "9995550000", Transport.UDP), gateway.newCall(), events);
            events.awaitType(LegEvent.Ringing.class, STEP);

            leg.hangup();
            leg.hangup(); // idempotent

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);
            assertEquals(LegEvent.FailureKind.CANCELLED, failed.kind());
            assertEquals(487, failed.status());
            assertSippPassed(contact);
        }
    }

    @Test
    void hangupBeforeAnyResponseHoldsTheCancelUntilTheFirstProvisional() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-late-ring.xml").talkTime(Duration.ofMillis(700)).start()) {
            CountDownLatch inviteSent = new CountDownLatch(1);
            // The leg's first task on its executor opens media and sends the INVITE; hang up right after it.
            CallExecutor call = new CallExecutor("late-ring", task -> gateway.newCall().execute(() -> {
                task.run();
                inviteSent.countDown();
            }), gateway.ua().scheduler());
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5550000", Transport.UDP), call, events);
            assertTrue(inviteSent.await(STEP.toSeconds(), TimeUnit.SECONDS));

            leg.hangup();

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);
            assertEquals(LegEvent.FailureKind.CANCELLED, failed.kind());
            assertEquals(487, failed.status());
            assertSippPassed(contact); // a CANCEL before the 180 would have failed the call
        }
    }

    @Test
    void answerCrossingOurCancelIsAckedThenHungUpAndReportedAsCancelled() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-crossing-cancel.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5550000", Transport.UDP), gateway.newCall(), events);
            events.awaitType(LegEvent.Ringing.class, STEP);

            leg.hangup();

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);
            assertEquals(LegEvent.FailureKind.CANCELLED, failed.kind());
            assertTrue(failed.reason().contains("sent BYE"), failed.reason());
            assertSippPassed(contact); // SIPp insists on the ACK of its 200 and on the BYE
        }
    }

    @Test
    void answerWithoutACommonCodecIsAckedThenHungUpAsMediaMismatch() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-no-common-codec.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(viaTrunk(contact, "5550000", Transport.UDP), gateway.newCall(), events);

            LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);

            assertEquals(LegEvent.FailureKind.MEDIA_MISMATCH, failed.kind());
            assertTrue(failed.reason().contains("no common codec"), failed.reason());
            assertSippPassed(contact); // SIPp insists on the ACK and the BYE
        }
    }

    @Test
    void retransmittedTwoHundredIsAckedAgain() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-retransmit-200.xml").talkTime(Duration.ofMillis(300)).args("-nr").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(viaTrunk(contact, "5550000", Transport.UDP), gateway.newCall(), events);

            events.untilTerminal(STEP);

            assertEquals(List.of("Ringing", "Answered", "Ended"), events.names());
            assertSippPassed(contact); // SIPp fails the call unless the second 200 gets its own ACK
        }
    }

    @Test
    void callOverTcpIsAnsweredAndEnds() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer.xml").transport(Transport.TCP).start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5551234", Transport.TCP), gateway.newCall(), events);

            events.untilTerminal(STEP);

            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
            assertTrue(leg.media().stats().packetsReceived() > 10);
            assertSippPassed(contact);
        }
    }

    @Test
    void farEndReInviteInfoAndUpdateAreAnsweredInsideTheDialog() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-reinvite-info.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(contact, "5551234", Transport.UDP), gateway.newCall(), events);

            events.untilTerminal(STEP);

            assertEquals(List.of("Trying", "Ringing", "Answered", "Ended"), events.names());
            // The re-INVITE offered PCMA first, but PCMU too: the call keeps PCMU, as our answer lists it first.
            assertEquals(io.outdial.media.Codec.PCMU, leg.media().peer().codec());
            assertSippPassed(contact);
        }
    }

    @Test
    void closingTheUserAgentHangsUpItsAnsweredLegs() throws Exception {
        try (Sipp agent = Sipp.scenario("agent-phone.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(DialRequest.agentPhone(agent.uri("agent1"), Transport.UDP, "100", null, RING),
                    gateway.newCall(), events);
            events.awaitType(LegEvent.Answered.class, STEP);

            gateway.ua().close();

            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, events.awaitType(LegEvent.Ended.class, STEP).reason());
            assertEquals(0, gateway.ua().activeLegs());
            assertSippPassed(agent); // the phone got its BYE
        }
    }

    @Test
    void unreachableTcpTrunkFailsWithNoResponse() throws Exception {
        TrunkConfig nobody = new TrunkConfig("127.0.0.1", FreePorts.sip(), Transport.TCP, null, "100", null);
        LegEvents events = new LegEvents();
        gateway.ua().dial(DialRequest.contactViaTrunk(nobody, "5550000", RING), gateway.newCall(), events);

        LegEvent.Failed failed = events.awaitType(LegEvent.Failed.class, STEP);

        assertEquals(LegEvent.FailureKind.NO_RESPONSE, failed.kind());
        assertEquals(503, failed.status());
    }

    private static void assertSippPassed(Sipp sipp) throws InterruptedException {
        Sipp.Result result = sipp.awaitExit(STEP);
        assertTrue(result.passed(), result::describe);
    }
}
