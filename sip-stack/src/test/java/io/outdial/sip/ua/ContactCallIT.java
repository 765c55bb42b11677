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
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
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
}
