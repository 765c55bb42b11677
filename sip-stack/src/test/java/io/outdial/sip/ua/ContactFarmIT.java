package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo's contact farm: one SIPp whose behaviour per call follows the dialed number. */
class ContactFarmIT {
    private static final Duration STEP = Duration.ofSeconds(10);
    private static final Duration RING = Duration.ofSeconds(30);

    @Test
    void dialedNumberChoosesBusyWrongNumberNoAnswerTrunkBusyRingingOrAnswer() throws Exception {
        try (GatewayUnderTest gateway = GatewayUnderTest.start();
             Sipp farm = Sipp.scenario("contact-farm.xml").calls(7).start()) {
            TrunkConfig trunk = new TrunkConfig("127.0.0.1", farm.sipPort(), Transport.UDP, null, "100", null);
            LegEvents busy = dial(gateway, trunk, "4865550001");
            LegEvents busyEverywhere = dial(gateway, trunk, "6005550001");
            LegEvents wrong = dial(gateway, trunk, "4045550001");
            LegEvents noAnswer = dial(gateway, trunk, "4805550001");
            LegEvents trunkBusy = dial(gateway, trunk, "5035550001");
            LegEvents ringing = new LegEvents();
            Leg ringingLeg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "9995550001", RING),
                    gateway.newCall(), ringing);
            LegEvents live = new LegEvents();
            Leg liveLeg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5550001", RING), gateway.newCall(),
                    live);

            assertEquals(486, busy.awaitType(LegEvent.Failed.class, STEP).status());
            assertEquals(600, busyEverywhere.awaitType(LegEvent.Failed.class, STEP).status());
            assertEquals(404, wrong.awaitType(LegEvent.Failed.class, STEP).status());
            assertEquals(480, noAnswer.awaitType(LegEvent.Failed.class, STEP).status());
            assertEquals(503, trunkBusy.awaitType(LegEvent.Failed.class, STEP).status());
            ringing.awaitType(LegEvent.Ringing.class, STEP);
            ringingLeg.hangup();
            assertEquals(LegEvent.FailureKind.CANCELLED, ringing.awaitType(LegEvent.Failed.class, STEP).kind());
            live.awaitType(LegEvent.Answered.class, STEP);
            liveLeg.hangup();
            assertEquals(LegEvent.EndReason.LOCAL_HANGUP, live.awaitType(LegEvent.Ended.class, STEP).reason());

            Sipp.Result result = farm.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            assertEquals(7, result.successful());
            gateway.awaitIdle(STEP);
        }
    }

    private static LegEvents dial(GatewayUnderTest gateway, TrunkConfig trunk, String number) {
        LegEvents events = new LegEvents();
        gateway.ua().dial(DialRequest.contactViaTrunk(trunk, number, RING), gateway.newCall(), events);
        return events;
    }
}
