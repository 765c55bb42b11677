package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A progressive campaign's chains and treatments against the SIPp contact farm: a busy first number moves the contact
 * to its next number, a wrong number is retried up to the list's maximum, and a contact reached on its first number
 * never has its second one dialed.
 */
class ChainsAndTreatmentsIT {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void nextInChainRetryAndAContactReachedEndItsChain() throws Exception {
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(10).timeout(Duration.ofMinutes(2)).start();
             Sipp farm = Sipp.scenario("contact-farm.xml").calls(5).timeout(Duration.ofMinutes(2)).start();
             GatewayHarness gw = GatewayHarness.start(farm.hostPort(),
                     "  - { id: agent1, phone: \"" + phone.uri("agent1") + "\", autoReady: true, wrapUp: 0s }",
                     """
                       - name: ch
                         dialingMode: progressive
                         agents: [agent1]
                         autoLoad: false
                         maxAttempts: 2
                         treatments:
                           - { result: busy, action: next_in_chain, after: 0s }
                           - { result: wrong_number, action: retry, after: 1s }
                     """)) {
            gw.uploadAndStart("ch", "contact_info,chain_id,chain_n\n"
                    + "2005550102,ann,1\n4865550101,ann,0\n"
                    + "4045550201,bob,0\n"
                    + "2005550301,carl,0\n2005550302,carl,1\n");

            Await.until(LIMIT, "every contact settled", () -> gw.records("ch").stream()
                    .noneMatch(r -> r.status() == RecordStatus.READY || r.status() == RecordStatus.RETRIEVED));
            Map<String, CallingRecord> byPhone = gw.records("ch").stream()
                    .collect(Collectors.toMap(CallingRecord::contactInfo, Function.identity()));

            // ann: busy on her first number, answered on her second.
            assertEquals(CallResult.BUSY, byPhone.get("4865550101").callResult());
            assertEquals(CallResult.ANSWER, byPhone.get("2005550102").callResult());
            assertTrue(byPhone.get("4865550101").callTime().isBefore(byPhone.get("2005550102").callTime()),
                    "chain order: chain_n 0 before chain_n 1");
            // bob: a wrong number retried once, then done at maxAttempts.
            CallingRecord bob = byPhone.get("4045550201");
            assertEquals(CallResult.WRONG_NUMBER, bob.callResult());
            assertEquals(2, bob.attempt());
            assertEquals(RecordType.CAMPAIGN_RESCHEDULED, bob.recordType());
            assertEquals(RecordStatus.UPDATED, bob.status());
            // carl: reached on his first number; his second is never dialed.
            assertEquals(CallResult.ANSWER, byPhone.get("2005550301").callResult());
            assertEquals(RecordStatus.CHAIN_UPDATED, byPhone.get("2005550302").status());
            assertEquals(0, byPhone.get("2005550302").attempt());

            Sipp.Result contacts = farm.awaitExit(LIMIT);
            assertEquals(5, contacts.successful() + contacts.failed(),
                    "five INVITEs: ann twice, bob twice, carl once: " + contacts.describe());
            assertEquals(List.of(), gw.records("ch").stream()
                    .filter(r -> r.contactInfo().equals("2005550302") && r.callTime() != null).toList());
        }
    }
}
