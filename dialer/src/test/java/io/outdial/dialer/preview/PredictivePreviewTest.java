package io.outdial.dialer.preview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.outdial.dialer.config.PreviewSettings;
import io.outdial.core.exec.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Predictive's interaction preview never outlasts the connect window that is left, in virtual time. */
class PredictivePreviewTest {
    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-03-01T09:00:00Z"));

    @Test
    void theAcceptTimeoutIsCutToWhatIsLeftOfTheConnectWindow() {
        PreviewSettings terms = new PreviewSettings(true, Duration.ofSeconds(30), true, null, true);
        PreviewSettings cut = PredictivePreview.withinWindow(terms, Duration.ofMillis(1400));
        assertEquals(Duration.ofMillis(1400), cut.acceptTimeout());
        assertNull(cut.autoAnswer());
        assertEquals(true, cut.autoReject());

        List<String> ends = new ArrayList<>();
        InteractionOffer offer = new InteractionOffer(clock, cut, new InteractionOffer.Outcome() {
            @Override
            public void accepted(InteractionOffer o, boolean auto) {
                ends.add("accepted");
            }

            @Override
            public void returned(InteractionOffer o, OfferState why) {
                ends.add(why.name());
            }
        });
        offer.start();
        assertEquals(2, offer.acceptTimeoutSeconds(), "shown rounded up");
        clock.advance(Duration.ofMillis(1399));
        assertEquals(List.of(), ends);
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("TIMED_OUT"), ends);
    }

    @Test
    void aShorterTimeoutAndTheAutoAnswerCountdownAreKeptOrCut() {
        PreviewSettings terms = new PreviewSettings(true, Duration.ofSeconds(1), false, Duration.ofSeconds(5), false);
        PreviewSettings cut = PredictivePreview.withinWindow(terms, Duration.ofMillis(1800));
        assertEquals(Duration.ofSeconds(1), cut.acceptTimeout());
        assertEquals(Duration.ofMillis(1800), cut.autoAnswer());
        PreviewSettings quick = new PreviewSettings(true, Duration.ofSeconds(1), false, Duration.ZERO, false);
        assertEquals(Duration.ZERO, PredictivePreview.withinWindow(quick, Duration.ofSeconds(2)).autoAnswer());
    }
}
