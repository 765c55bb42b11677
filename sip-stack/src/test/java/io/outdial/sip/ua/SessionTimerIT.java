package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.DialRequest;
import io.outdial.sip.LegEvent;
import io.outdial.sip.ReliableProvisional;
import io.outdial.sip.SessionOptions;
import io.outdial.sip.SessionTimerSettings;
import io.outdial.sip.Transport;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.auth.DigestClient;
import io.outdial.sip.testing.GatewayUnderTest;
import io.outdial.sip.testing.LegEvents;
import io.outdial.sip.testing.Sipp;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Session timers (RFC 4028) against SIPp trunks, with seconds-long intervals (below RFC 4028's 90 s floor, which only
 * the configuration enforces) so that refreshes and expiry happen within the test.
 */
class SessionTimerIT {
    private static final Duration STEP = Duration.ofSeconds(15);
    private static final SessionOptions SHORT = new SessionOptions(ReliableProvisional.SUPPORTED,
            new SessionTimerSettings(Duration.ofSeconds(3), Duration.ofSeconds(2)));

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

    /**
     * Places a call to a SIPp trunk running {@code scenario}, which must end it with its BYE and pass; returns SIPp's
     * message trace.
     */
    private String traceOfACallTheTrunkEnds(String scenario) throws Exception {
        try (Sipp trunk = Sipp.scenario(scenario).start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(callTo(trunk), gateway.newCall(), events);
            List<LegEvent> seen = events.untilTerminal(STEP);
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) seen.get(seen.size() - 1)).reason(),
                    events.names()::toString);
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            return Files.readString(result.messageFile());
        }
    }

    private DialRequest callTo(Sipp trunk) {
        TrunkConfig config = new TrunkConfig("127.0.0.1", trunk.sipPort(), Transport.UDP, null, "15550001000", null);
        return DialRequest.contactViaTrunk(config, "5551234", Duration.ofSeconds(30)).withSession(SHORT);
    }

    @Test
    void after422WeAskForTheTrunksMinSeAndAsRefresherKeepTheSessionAliveWithUpdates() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-session-timer-refresh.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(callTo(trunk), gateway.newCall(), events);

            List<LegEvent> seen = events.untilTerminal(STEP);
            LegEvent.Ended ended = (LegEvent.Ended) seen.get(seen.size() - 1);
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ended.reason(),
                    "the trunk hung up after two refreshes, the session never expired: " + events.names());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String trace = Files.readString(result.messageFile());
            assertEquals(2, trace.lines().filter(l -> l.startsWith("UPDATE ")).count(), trace);
        }
    }

    @Test
    void aTrunkThatDoesNotAllowUpdateIsRefreshedWithAReInviteCarryingOurSdp() throws Exception {
        String trace = traceOfACallTheTrunkEnds("uas-session-timer-reinvite.xml");
        assertEquals(2, trace.lines().filter(l -> l.startsWith("INVITE ")).count(), "the INVITE and one refresh");
        assertEquals(2, trace.lines().filter(l -> l.startsWith("ACK ")).count(), "both 200s ACKed");
    }

    @Test
    void aTrunkReInviteCrossingOurRefreshGets491AndOurRefreshStillCompletes() throws Exception {
        String trace = traceOfACallTheTrunkEnds("uas-session-timer-crossing.xml");
        assertEquals(1, trace.lines().filter(l -> l.startsWith("SIP/2.0 491 ")).count(), "glare answered 491");
        assertEquals(1, trace.lines().filter(l -> l.startsWith("INVITE sip:contact@")).count(),
                "one refresh re-INVITE from the gateway, not repeated after the glare");
        assertEquals(3, trace.lines().filter(l -> l.startsWith("ACK ")).count(),
                "the gateway ACKed the 200s of its INVITE and its refresh; the trunk ACKed the 491");
    }

    @Test
    void aTrunkUpdateWithAnOfferCrossingOurRefreshGets491() throws Exception {
        String trace = traceOfACallTheTrunkEnds("uas-session-timer-crossing-update.xml");
        assertEquals(1, trace.lines().filter(l -> l.startsWith("SIP/2.0 491 ")).count(), "the crossing offer answered 491");
    }

    @Test
    void eachRefreshOfATrunkThatRefreshesRestartsOurClockAndIsAnsweredWithItsSessionExpires() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-session-timer-peer-refresh.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(callTo(trunk), gateway.newCall(), events);

            List<LegEvent> seen = events.untilTerminal(STEP);
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) seen.get(seen.size() - 1)).reason(),
                    "its refreshes kept the session up until it hung up: " + events.names());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void aRefreshTheTrunkChallengesGoesAgainWithItsCredentials() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-session-timer-challenge.xml").start()) {
            TrunkConfig config = new TrunkConfig("127.0.0.1", trunk.sipPort(), Transport.UDP, null, "15550001000",
                    null, new DigestClient("outdial", "refresh-pass", "trunk.test"));
            LegEvents events = new LegEvents();
            DialRequest dial = DialRequest.contactViaTrunk(config, "5551234", Duration.ofSeconds(30)).withSession(SHORT);
            gateway.ua().dial(dial, gateway.newCall(), events);

            List<LegEvent> seen = events.untilTerminal(STEP);
            assertEquals(LegEvent.EndReason.REMOTE_HANGUP, ((LegEvent.Ended) seen.get(seen.size() - 1)).reason(),
                    "the authorized refresh kept the session up: " + events.names());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
        }
    }

    @Test
    void aTrunkThatTakesTheRefresherRoleAndNeverRefreshesGetsOurByeWhenTheSessionExpires() throws Exception {
        try (Sipp trunk = Sipp.scenario("uas-session-timer-silent.xml").start()) {
            LegEvents events = new LegEvents();
            gateway.ua().dial(callTo(trunk), gateway.newCall(), events);

            events.awaitType(LegEvent.Answered.class, STEP);
            LegEvent.Ended ended = events.awaitType(LegEvent.Ended.class, STEP);
            assertEquals(LegEvent.EndReason.SESSION_EXPIRED, ended.reason());
            Sipp.Result result = trunk.awaitExit(STEP);
            assertTrue(result.passed(), result::describe);
            String trace = Files.readString(result.messageFile());
            assertEquals(0, trace.lines().filter(l -> l.startsWith("UPDATE ") || l.startsWith("INVITE ")).count()
                    - 1, "one INVITE, no refresh of ours: " + trace);
        }
    }
}
