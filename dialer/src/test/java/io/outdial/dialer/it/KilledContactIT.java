package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No stuck call when a contact's side dies mid-call (SIPp killed with SIGKILL: no BYE, no more RTP). The RTP
 * inactivity timeout (2 s here) ends the contact's leg, the call finishes with its result and frees the agent, and
 * calls in progress, SIP legs and RTP endpoints all read 0 on /metrics once our unanswered BYE has timed out (32 s).
 */
class KilledContactIT {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    /** The BYE to the dead contact is only given up after Timer F (64*T1 = 32 s): the leg is held until then. */
    private static final Duration BYE_GIVEN_UP = Duration.ofSeconds(50);

    @Test
    void aContactKilledMidCallIsHungUpByTheRtpInactivityTimeoutAndNothingIsLeft() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp contact = Sipp.scenario("uas-answer-wait-bye.xml").calls(1).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(contact.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }",
                     "  - { name: it, dialingMode: progressive, agents: [agent1], autoLoad: false, autoStart: false }",
                     "", 40, "2s")) {
            gw.uploadAndStart("it", "contact_info\n2005550131\n");
            Await.until(LIMIT, "the call bridged", () -> gw.leftovers().equals(List.of(1, 2, 2)));

            contact.kill();

            CallingRecord r = gw.awaitAllUpdated("it", LIMIT).get(0);
            assertEquals(RecordStatus.UPDATED, r.status());
            assertEquals(CallResult.ANSWER, r.callResult(), "the contact talked to the agent before it vanished");
            Await.until(LIMIT, "the agent Ready again",
                    () -> metric(gw, "outdial_agents{state=\"Ready\"}") == 1);
            Await.until(BYE_GIVEN_UP, "no call, leg or endpoint left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
            assertEquals(0.0, gw.requiredMetric("outdial_calls_reaped_total"), "the timeout ended it, not the reaper");
        }
    }

    private static double metric(GatewayHarness gw, String sample) {
        try {
            return gw.requiredMetric(sample);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
