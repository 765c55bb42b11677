package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.ReliableProvisional;
import io.outdial.sip.SessionOptions;
import io.outdial.sip.SessionTimerSettings;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 3262 against a SIPp trunk that sends its 183 and 180 reliably. */
class ReliableProvisionalIT {
    private static final Duration STEP = Duration.ofSeconds(10);

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

    /** Waits for the answer; if it does not come, the failure says what the trunk saw and sent. */
    private static void awaitAnswer(LegEvents events, Sipp trunk) throws Exception {
        try {
            events.awaitType(LegEvent.Answered.class, STEP);
        } catch (AssertionError e) {
            Sipp.Result result = trunk.stop();
            String trace = Files.exists(result.messageFile()) ? Files.readString(result.messageFile()) : "(no trace)";
            throw new AssertionError(e.getMessage() + "\n" + result.describe() + "\n" + trace, e);
        }
    }

    @Test
    void eachReliableProvisionalGetsOnePrackAndTheEarlyAnswerCarriesTheCall() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-reliable-183.xml").start()) {
            TrunkConfig config = new TrunkConfig("127.0.0.1", trunk.sipPort(), Transport.UDP, null, "15550001000",
                    null);
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(config, "5551234", Duration.ofSeconds(30)),
                    gateway.newCall(), events);

            awaitAnswer(events, trunk);
            List<String> names = events.names();
            assertEquals(1, names.stream().filter("EarlyMedia"::equals).count(),
                    "the retransmitted 183 is no second event: " + names);
            assertTrue(names.contains("Ringing"), names::toString);
            assertTrue(leg.media().peer() != null && leg.media().peer().remote().getPort() == trunk.mediaPort(),
                    "the 183's SDP answer stands though the 200 has none: " + leg.media().peer());
            assertTrue(leg.media().stats().packetsReceived() > 0, "early media reached the leg");

            leg.hangup();
            events.untilTerminal(STEP);
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String trace = Files.readString(result.messageFile());
            assertEquals(2, trace.lines().filter(l -> l.startsWith("PRACK ")).count(), "one PRACK per RSeq");
        }
    }

    @Test
    void aTrunkConfiguredToRequire100relIsToldSoInTheInvite() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-reliable-183.xml").start()) {
            TrunkConfig config = new TrunkConfig("127.0.0.1", trunk.sipPort(), Transport.UDP, null, "15550001000",
                    null, null, null, new SessionOptions(ReliableProvisional.REQUIRE, SessionTimerSettings.OFF));
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(config, "5551234", Duration.ofSeconds(30)),
                    gateway.newCall(), events);
            awaitAnswer(events, trunk);
            leg.hangup();
            events.untilTerminal(STEP);
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String invite = Files.readString(result.messageFile()).split("\n\n", 3)[1];
            assertTrue(invite.startsWith("INVITE ") && invite.contains("\nRequire: 100rel"), invite);
            assertTrue(!invite.contains("Session-Expires"), "session timers off: " + invite);
        }
    }
}
