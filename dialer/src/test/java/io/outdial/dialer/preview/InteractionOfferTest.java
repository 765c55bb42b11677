package io.outdial.dialer.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.config.PreviewSettings;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The interaction preview's state machine: Accept, Reject, timeout and auto-answer, in virtual time. */
class InteractionOfferTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-01T09:00:00Z"));
    private final List<String> ends = new ArrayList<>();
    private final InteractionOffer.Outcome outcome = new InteractionOffer.Outcome() {
        @Override
        public void accepted(InteractionOffer offer, boolean auto) {
            ends.add(auto ? "auto-accepted" : "accepted");
        }

        @Override
        public void returned(InteractionOffer offer, OfferState why) {
            ends.add(why.name());
        }
    };

    private InteractionOffer offer(Duration acceptTimeout, Duration autoAnswer, boolean rejectDuring) {
        InteractionOffer o = new InteractionOffer(clock, new PreviewSettings(false, acceptTimeout, false, autoAnswer,
                rejectDuring), outcome);
        o.start();
        return o;
    }

    @Test
    void acceptBeforeTheTimeoutEndsItOnceAndCancelsTheTimer() {
        InteractionOffer o = offer(Duration.ofSeconds(30), null, true);
        assertEquals(30, o.acceptTimeoutSeconds());
        assertNull(o.autoAnswerSeconds());
        clock.advance(Duration.ofSeconds(29));
        assertNull(o.accept());
        assertEquals(OfferState.ACCEPTED, o.state());
        clock.advance(Duration.ofMinutes(5));
        assertEquals(List.of("accepted"), ends);
        assertEquals(0, clock.pending());
        assertTrue(o.reject().contains("already accepted"));
        assertTrue(o.accept().contains("already accepted"));
    }

    @Test
    void noAnswerWithinTheTimeoutReturnsTheRecord() {
        InteractionOffer o = offer(Duration.ofSeconds(30), null, true);
        clock.advance(Duration.ofMillis(29_999));
        assertEquals(List.of(), ends);
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("TIMED_OUT"), ends);
        assertTrue(o.accept().contains("already timed out"), "Accept after the timeout is refused");
        assertEquals(List.of("TIMED_OUT"), ends);
    }

    @Test
    void rejectReturnsTheRecordAndWithdrawAfterwardsDoesNothing() {
        InteractionOffer o = offer(Duration.ofSeconds(30), null, true);
        assertNull(o.reject());
        o.withdraw();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("REJECTED"), ends);
    }

    @Test
    void autoAnswerAcceptsWhenTheCountdownEndsInsteadOfTimingOut() {
        InteractionOffer o = offer(Duration.ofSeconds(5), Duration.ofSeconds(9), true);
        assertEquals(9, o.autoAnswerSeconds());
        assertNull(o.acceptTimeoutSeconds(), "no timeout during an auto-answer countdown");
        assertTrue(o.rejectAllowed());
        clock.advance(Duration.ofSeconds(8));
        assertEquals(List.of(), ends, "the shorter accept timeout does not apply");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(List.of("auto-accepted"), ends);
    }

    @Test
    void rejectDuringTheCountdownOnlyWhenConfigured() {
        InteractionOffer without = offer(Duration.ofSeconds(30), Duration.ofSeconds(9), false);
        assertFalse(without.rejectAllowed());
        assertTrue(without.reject().contains("auto-answer"));
        assertEquals(OfferState.OFFERED, without.state());
        InteractionOffer with = offer(Duration.ofSeconds(30), Duration.ofSeconds(9), true);
        assertNull(with.reject());
        clock.advance(Duration.ofSeconds(9));
        assertEquals(List.of("REJECTED", "auto-accepted"), ends, "only the offer without Reject auto-accepts");
    }

    @Test
    void theGatewayWithdrawsAnOfferOnce() {
        InteractionOffer o = offer(Duration.ofSeconds(30), null, true);
        o.withdraw();
        o.withdraw();
        clock.advance(Duration.ofMinutes(1));
        assertEquals(List.of("WITHDRAWN"), ends);
        assertThrows(IllegalStateException.class, o::start);
    }

    @Test
    void everyEndIsFinal() {
        for (OfferState end : List.of(OfferState.ACCEPTED, OfferState.REJECTED, OfferState.TIMED_OUT,
                OfferState.WITHDRAWN)) {
            assertTrue(OfferState.OFFERED.canMoveTo(end));
            for (OfferState next : OfferState.values()) {
                assertFalse(end.canMoveTo(next), end + " -> " + next);
            }
        }
    }
}
