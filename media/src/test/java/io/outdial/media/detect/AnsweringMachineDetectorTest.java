package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.Talker;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsweringMachineDetectorTest {

    private final SplittableRandom random = new SplittableRandom(42);

    private static Detection.AmdDecision decide(Signal s) {
        return (Detection.AmdDecision) s.feed(new AnsweringMachineDetector()).orElseThrow();
    }

    @Test
    void helloThenSilenceIsHumanWithinASecondOfTheGreetingsEnd() {
        for (int i = 0; i < 10; i++) {
            Signal s = Signal.create().silence(400);
            s.append(Talker.random(random).word(2));
            double end = s.lengthMillis();
            Detection.AmdDecision d = decide(s.silence(3000).noise(-55, i));
            assertEquals(AmdOutcome.HUMAN, d.outcome());
            assertEquals(AmdCause.SILENCE_AFTER_GREETING, d.cause());
            double latency = d.at().toMillis() - end;
            assertTrue(latency > 0 && latency <= 1000, "decided " + latency + " ms after the greeting");
        }
    }

    @Test
    void longContinuousGreetingIsMachine() {
        for (int i = 0; i < 10; i++) {
            Signal s = Signal.create().silence(500);
            Talker talker = Talker.random(random);
            for (int p = 0; p < 4; p++) {
                talker.phrase(s, 5, 60, 200);
                s.silence(400);
            }
            Detection.AmdDecision d = decide(s.noise(-55, i));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
            // decided within the first 3 s of the call, long before the greeting ends
            assertTrue(d.at().toMillis() <= 3000, d::toString);
        }
    }

    @Test
    void beepAfterAShortGreetingIsMachine() {
        Signal s = Signal.create().silence(300);
        s.append(Talker.random(random).word(2));
        Detection.AmdDecision d = decide(s.silence(200).tone(500, -15, 1000).silence(2000));
        assertEquals(AmdOutcome.MACHINE, d.outcome());
        assertEquals(AmdCause.BEEP, d.cause());
    }

    @Test
    void nothingSaidIsNotSureAfterTheInitialSilence() {
        Detection.AmdDecision d = decide(Signal.create().silence(4000).noise(-60, 1));
        assertEquals(AmdOutcome.NOT_SURE, d.outcome());
        assertEquals(AmdCause.INITIAL_SILENCE, d.cause());
        assertEquals(2500, d.at().toMillis());
    }

    @Test
    void clickIsNotAWord() {
        Detection.AmdDecision d = decide(Signal.create().silence(500).tone(40, -20, 300, 700).silence(3000));
        assertEquals(AmdCause.INITIAL_SILENCE, d.cause());
    }

    @Test
    void speechFromTheFirstFrameIsHeard() {
        Signal s = Signal.create();
        s.append(Talker.random(random).word(2));
        assertEquals(AmdOutcome.HUMAN, decide(s.silence(2000).noise(-60, 4)).outcome());
    }

    @Test
    void noisyLineIsNotTakenForAGreeting() {
        Detection.AmdDecision d = decide(Signal.create().silence(4000).noise(-40, 5));
        assertEquals(AmdOutcome.NOT_SURE, d.outcome(), d::toString);
    }
}
