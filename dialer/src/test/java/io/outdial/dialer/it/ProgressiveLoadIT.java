package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.sip.testing.Sipp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A bounded load in the suite: a progressive campaign of {@value #RECORDS} answering contacts (0.5 s of talk, then
 * BYE) worked by {@value #AGENTS} phone-only agents, all served by one auto-answering SIPp agent phone, about 30
 * calls/s on this machine. It asserts counts, never times: every record gets its result, all Answer (none
 * Abandoned, none failed), the reaper had nothing to do, and calls in progress, SIP legs and RTP endpoints all
 * return to 0. Speed is the benchmark's (sipp-scenarios/load/), not this test's.
 */
class ProgressiveLoadIT {
    private static final int AGENTS = 30;
    private static final int RECORDS = 450;
    /** A bound, not a speed: a busy machine gets there much later than the ~15 s this takes when idle. */
    private static final Duration LIMIT = Duration.ofSeconds(120);

    @Test
    void aShortBurstOfProgressiveCallsEndsEveryRecordAsAnswerAndLeavesNothingBehind() throws Exception {
        String agents = IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "a" + i).collect(Collectors.joining(", "));
        try (Sipp phone = Sipp.scenario("agent-phone.xml").calls(RECORDS).timeout(Duration.ofMinutes(3)).start();
             Sipp contacts = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofMillis(500)).calls(RECORDS)
                     .timeout(Duration.ofMinutes(3)).start();
             GatewayHarness gw = GatewayHarness.start(contacts.hostPort(),
                     IntStream.rangeClosed(1, AGENTS).mapToObj(i -> "  - { id: a" + i + ", phone: \""
                             + phone.uri("a" + i) + "\", autoReady: true, wrapUp: 0s }")
                             .collect(Collectors.joining("\n")),
                     "  - { name: load, dialingMode: progressive, agents: [" + agents + "], autoLoad: false,"
                             + " autoStart: false }",
                     "", 250, "10s")) {
            StringBuilder csv = new StringBuilder("contact_info\n");
            for (int i = 1; i <= RECORDS; i++) {
                csv.append(String.format("200%07d%n", i));
            }
            gw.uploadAndStart("load", csv.toString());

            List<CallingRecord> records = gw.awaitAllUpdated("load", LIMIT);

            Map<CallResult, Long> results = new TreeMap<>(records.stream()
                    .collect(Collectors.groupingBy(CallingRecord::callResult, Collectors.counting())));
            assertEquals(Map.of(CallResult.ANSWER, (long) RECORDS), results, "every contact talked to an agent");
            assertEquals(RECORDS, records.stream().filter(r -> r.status() == RecordStatus.UPDATED).count());
            assertEquals((double) RECORDS,
                    gw.requiredMetric("outdial_call_results_total{campaign=\"load\",result=\"ANSWER\"}"));
            Await.until(LIMIT, "no call, leg or endpoint left", () -> gw.leftovers().equals(List.of(0, 0, 0)));
            assertEquals(0.0, gw.requiredMetric("outdial_calls_reaped_total"), "no call was stranded");
            Sipp.Result contactSide = contacts.awaitExit(LIMIT);
            assertEquals(RECORDS, contactSide.successful(), contactSide::describe);
        }
    }
}
