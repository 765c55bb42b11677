package io.outdial.dialer.treatment;

import io.outdial.dialer.store.TreatmentStep;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.outdial.dialer.record.CallResult;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class TreatmentsTest {
    private static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Treatments T = new Treatments(List.of(
            Treatment.retry(CallResult.BUSY, Duration.ofMinutes(5), Duration.ofMinutes(10)),
            Treatment.nextInChain(CallResult.NO_ANSWER, Duration.ofMinutes(1)),
            Treatment.retryAt(CallResult.ANSWERING_MACHINE, LocalTime.of(10, 0)),
            Treatment.retryAt(CallResult.FAX, LocalDateTime.of(2030, 6, 1, 7, 0)),
            Treatment.cancel(CallResult.WRONG_NUMBER)));

    @Test
    void aRetryWaitsLongerAtEachAttemptAndStopsAtTheListsMaximum() {
        assertEquals(TreatmentStep.retry(NOW.plus(Duration.ofMinutes(5))), T.decide(CallResult.BUSY, 1, 3, NOW, NEW_YORK));
        assertEquals(TreatmentStep.retry(NOW.plus(Duration.ofMinutes(15))), T.decide(CallResult.BUSY, 2, 3, NOW, NEW_YORK));
        assertEquals(TreatmentStep.DONE, T.decide(CallResult.BUSY, 3, 3, NOW, NEW_YORK), "3 of 3 attempts made");
    }

    @Test
    void retryAtATimeOfDayTakesTheNextOneInTheContactsZone() {
        // 12:00Z is 08:00 in New York (EDT): 10:00 is still to come today.
        assertEquals(TreatmentStep.retry(Instant.parse("2030-06-01T14:00:00Z")),
                T.decide(CallResult.ANSWERING_MACHINE, 1, 3, NOW, NEW_YORK));
        // In UTC 10:00 has passed: tomorrow's.
        assertEquals(TreatmentStep.retry(Instant.parse("2030-06-02T10:00:00Z")),
                T.decide(CallResult.ANSWERING_MACHINE, 1, 3, NOW, ZoneId.of("UTC")));
    }

    @Test
    void retryAtADateThatHasPassedIsNotARetry() {
        // 07:00 New York is 11:00Z, an hour ago.
        assertEquals(TreatmentStep.DONE, T.decide(CallResult.FAX, 1, 3, NOW, NEW_YORK));
        // 07:00 in Tokyo (UTC+9) was 22:00Z the day before; 07:00 in Honolulu (UTC-10) is 17:00Z, ahead.
        assertEquals(TreatmentStep.retry(Instant.parse("2030-06-01T17:00:00Z")),
                T.decide(CallResult.FAX, 1, 3, NOW, ZoneId.of("Pacific/Honolulu")));
    }

    @Test
    void nextInChainCancelAndUntreatedResults() {
        assertEquals(TreatmentStep.nextInChain(NOW.plusSeconds(60)), T.decide(CallResult.NO_ANSWER, 3, 3, NOW, NEW_YORK),
                "the chain's next number is another record: this record's attempts do not limit it");
        assertEquals(TreatmentStep.CANCEL, T.decide(CallResult.WRONG_NUMBER, 1, 3, NOW, NEW_YORK));
        assertEquals(TreatmentStep.DONE, T.decide(CallResult.ANSWER, 1, 3, NOW, NEW_YORK));
        assertEquals(TreatmentStep.DONE, Treatments.NONE.decide(CallResult.BUSY, 1, 3, NOW, NEW_YORK));
    }

    @Test
    void oneTreatmentPerResultAndRetryAtNeedsExactlyOneTime() {
        assertThrows(IllegalArgumentException.class, () -> new Treatments(List.of(
                Treatment.cancel(CallResult.BUSY), Treatment.retry(CallResult.BUSY, Duration.ZERO, Duration.ZERO))));
        assertThrows(IllegalArgumentException.class, () -> new Treatment(CallResult.BUSY, TreatmentAction.RETRY_AT,
                null, null, null, null));
        assertThrows(IllegalArgumentException.class, () -> Treatment.retry(CallResult.BUSY, Duration.ofSeconds(-1),
                Duration.ZERO));
    }
}
