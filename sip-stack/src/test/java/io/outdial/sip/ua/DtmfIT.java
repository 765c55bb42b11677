package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.Leg;
import io.outdial.sip.LegEvent;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.Transport;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import io.outdial.sip.testing.TelephoneEventReceiver;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DTMF from the gateway to a SIPp contact: RFC 4733 events when it negotiated telephone-event, else SIP INFO. */
class DtmfIT {
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

    private Leg answeredCallTo(Sipp contact, LegEvents events) throws InterruptedException {
        TrunkConfig trunk = new TrunkConfig("127.0.0.1", contact.sipPort(), Transport.UDP, null, "15550001000", null);
        Leg leg = gateway.ua().dial(DialRequest.contactViaTrunk(trunk, "5551234", RING), gateway.newCall(), events);
        events.awaitType(LegEvent.Answered.class, STEP);
        return leg;
    }

    @Test
    void aContactWithTelephoneEventHearsTheDigitsAsRfc4733EventsWithItsPayloadType() throws Exception {
        try (TelephoneEventReceiver rtp = new TelephoneEventReceiver(96);
             Sipp contact = Sipp.scenario("uas-answer-telephone-event.xml")
                     .set("contact_rtp_port", Integer.toString(rtp.port())).start()) {
            LegEvents events = new LegEvents();
            Leg leg = answeredCallTo(contact, events);

            leg.sendDtmf("159#", Duration.ofMillis(100)).get(5, TimeUnit.SECONDS);
            leg.sendDtmf("*D", Duration.ofMillis(60)).get(5, TimeUnit.SECONDS);
            List<TelephoneEventReceiver.Event> heard = rtp.awaitEvents(6, STEP, Duration.ofMillis(300));

            assertEquals("159#*D", heard.stream().map(e -> String.valueOf(e.key())).reduce("", String::concat));
            int ssrc = heard.get(0).ssrc();
            for (TelephoneEventReceiver.Event e : heard) {
                int samples = heard.indexOf(e) < 4 ? 800 : 480;
                assertEquals(96, e.payloadType(), "the contact's negotiated telephone-event type, not our 101");
                assertEquals(ssrc, e.ssrc(), "one stream");
                assertEquals(3, e.endPackets(), e::toString);
                assertEquals(samples, e.finalDuration(), e::toString);
                assertTrue(e.packets().get(0).marker(), "marker on the first packet: " + e);
                assertTrue(e.packets().stream().skip(1).noneMatch(TelephoneEventReceiver.Packet::marker), e::toString);
                assertTrue(e.packets().stream().limit(e.packets().size() - 3).noneMatch(
                        TelephoneEventReceiver.Packet::end), "E bit only on the last three: " + e);
            }
            assertEquals(0, rtp.otherPackets(), "nothing but the digits: no audio source was bridged");

            leg.hangup();
            events.untilTerminal(STEP);
            Sipp.Result result = contact.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void aContactWithoutTelephoneEventGetsOneSipInfoPerDigitInOrder() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-info-dtmf.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = answeredCallTo(contact, events);

            leg.sendDtmf("7#", Duration.ofMillis(250)).get(5, TimeUnit.SECONDS);

            leg.hangup();
            events.untilTerminal(STEP);
            Sipp.Result result = contact.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String trace = Files.readString(result.messageFile());
            assertTrue(trace.contains("Content-Type: application/dtmf-relay"), trace);
        }
    }

    @Test
    void badDigitsAndALegNotAnsweredAreRefused() throws Exception {
        try (Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").start()) {
            LegEvents events = new LegEvents();
            Leg leg = answeredCallTo(contact, events);

            ExecutionException bad = assertThrows(ExecutionException.class,
                    () -> leg.sendDtmf("12x", Duration.ofMillis(160)).get(5, TimeUnit.SECONDS));
            assertTrue(bad.getCause().getMessage().contains("'x' at position 3"), bad.getCause().getMessage());
            ExecutionException tooShort = assertThrows(ExecutionException.class,
                    () -> leg.sendDtmf("1", Duration.ofMillis(10)).get(5, TimeUnit.SECONDS));
            assertTrue(tooShort.getCause().getMessage().contains("40 to 2000 ms"));

            leg.hangup();
            events.untilTerminal(STEP);
            ExecutionException over = assertThrows(ExecutionException.class,
                    () -> leg.sendDtmf("1", Duration.ofMillis(160)).get(5, TimeUnit.SECONDS));
            assertTrue(over.getCause().getMessage().contains("not answered"), over.getCause().getMessage());
            assertTrue(contact.awaitExit(STEP).passed());
        }
    }
}
