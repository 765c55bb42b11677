package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.auth.DigestClient;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A trunk that authenticates in-dialog requests as well as the INVITE: our BYE gets 407 and goes again with the
 * trunk's credentials (the SIPp trunk fails unless the second BYE carries them); without credentials the leg still
 * ends, and no BYE loop follows.
 */
class InDialogChallengeIT {
    private static final Duration STEP = Duration.ofSeconds(10);

    private static DialRequest viaTrunk(Sipp sipp, DigestClient credentials) {
        TrunkConfig trunk = new TrunkConfig("127.0.0.1", sipp.sipPort(), Transport.UDP, null, "15550001000", null,
                credentials);
        return DialRequest.contactViaTrunk(trunk, "5551299", Duration.ofSeconds(30));
    }

    @Test
    void aChallengedByeIsSentAgainWithTheTrunksCredentials() throws Exception {
        try (GatewayUnderTest gateway = GatewayUnderTest.start();
             Sipp trunk = Sipp.scenario("uas-answer-challenge-bye.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(trunk, new DigestClient("outdial", "bye-pass", "trunk.test")),
                    gateway.newCall(), events);
            events.awaitType(LegEvent.Answered.class, STEP);
            leg.executor().execute(leg::hangup);
            events.untilTerminal(STEP);
            assertEquals(LegState.ENDED, leg.state());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), "the second BYE carried Proxy-Authorization: " + result.describe());
            gateway.awaitIdle(STEP);
            assertEquals(0, gateway.ua().activeLegs());
        }
    }

    @Test
    void withoutCredentialsAChallengedByeStillEndsTheLeg() throws Exception {
        try (GatewayUnderTest gateway = GatewayUnderTest.start();
             Sipp trunk = Sipp.scenario("uas-answer-challenge-bye.xml").timeout(Duration.ofSeconds(3)).start()) {
            LegEvents events = new LegEvents();
            Leg leg = gateway.ua().dial(viaTrunk(trunk, null), gateway.newCall(), events);
            events.awaitType(LegEvent.Answered.class, STEP);
            leg.executor().execute(leg::hangup);
            events.untilTerminal(STEP);
            assertEquals(LegState.ENDED, leg.state());
            gateway.awaitIdle(STEP);
            assertEquals(0, gateway.ua().activeLegs());
            assertTrue(!trunk.awaitExit(STEP).passed(), "no second BYE: the SIPp trunk waits for it in vain");
        }
    }
}
