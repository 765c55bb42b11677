package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.LegState;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A gateway behind NAT gives peers its public address, not the one it binds: 127.0.0.2 stands for the public SIP
 * address and 127.0.0.3 for the public RTP address of a gateway bound to 127.0.0.1. The SIPp trunk's message trace
 * shows what it was given, in the INVITE and in the in-dialog BYE the stack builds itself.
 */
class AdvertisedAddressIT {
    private static final Duration STEP = Duration.ofSeconds(10);

    @Test
    void viaContactFromAndSdpCarryTheAdvertisedAddresses() throws Exception {
        try (GatewayUnderTest gateway = GatewayUnderTest.advertising("127.0.0.2", "127.0.0.3");
             Sipp trunk = Sipp.scenario("uas-answer-wait-bye.xml").start()) {
            LegEvents events = new LegEvents();
            TrunkConfig config = new TrunkConfig("127.0.0.1", trunk.sipPort(), Transport.UDP, null, "15550001000",
                    null);
            Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(config, "5551300", Duration.ofSeconds(30)),
                    gateway.newCall(), events);
            events.awaitType(LegEvent.Answered.class, STEP);
            leg.executor().execute(leg::hangup);
            events.untilTerminal(STEP);
            assertEquals(LegState.ENDED, leg.state());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result.describe());

            String trace = Files.readString(result.messageFile(), StandardCharsets.ISO_8859_1);
            String invite = message(trace, "INVITE sip:5551300");
            int port = gateway.sipPort();
            assertTrue(invite.contains("Via: SIP/2.0/UDP 127.0.0.2:" + port), invite);
            assertTrue(invite.contains("Contact: <sip:outdial@127.0.0.2:" + port), invite);
            assertTrue(invite.contains("From: <sip:15550001000@127.0.0.2>"), invite);
            assertTrue(invite.contains("c=IN IP4 127.0.0.3"), invite);
            assertTrue(!invite.contains("127.0.0.1:" + port), "the bound address is not given out: " + invite);
            String bye = message(trace, "BYE sip:");
            assertTrue(bye.contains("Via: SIP/2.0/UDP 127.0.0.2:" + port), bye);
            gateway.awaitIdle(STEP);
            assertEquals(0, gateway.ua().activeLegs());
        }
    }

    /** The first message in a SIPp trace whose first line starts with {@code start}, up to the next message. */
    private static String message(String trace, String start) {
        int at = trace.indexOf(start);
        assertTrue(at >= 0, "no " + start + " in the trace: " + trace);
        int end = trace.indexOf("----------------------------------------------", at);
        return trace.substring(at, end < 0 ? trace.length() : end);
    }
}
