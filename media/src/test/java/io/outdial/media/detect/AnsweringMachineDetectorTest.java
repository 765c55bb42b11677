package io.outdial.media.detect;

import io.outdial.media.corpus.Signal;
import io.outdial.media.corpus.Talker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnsweringMachineDetectorTest {

    private final SplittableRandom random = new SplittableRandom(42);

    private static Detection.AmdDecision decide(Signal s) {
        return decide(s, AmdSettings.DEFAULTS);
    }

    private static Detection.AmdDecision decide(Signal s, AmdSettings settings) {
        return (Detection.AmdDecision) s.feed(new AnsweringMachineDetector(settings)).orElseThrow();
    }

    /**
     * About 3.5 s of words, as a business greeting or a voicemail greeting starts, then its last word, whose pitch
     * glides as given (a statement falls below the talker's other words, as speech does at its end).
     */
    private Signal longGreetingEnding(Talker talker, double fromHz, double toHz) {
        Signal s = Signal.create().silence(400);
        talker.phrase(s, 4, 60, 150);
        s.silence(250);
        talker.phrase(s, 4, 60, 150);
        s.silence(150);
        s.append(talker.glide(450, fromHz, toHz));
        return s;
    }

    @Test
    void accurateIsTheDefaultMode() {
        assertEquals(AmdMode.ACCURATE, AmdSettings.DEFAULTS.mode());
        assertEquals(AmdSettings.FAST, AmdSettings.defaults(AmdMode.FAST));
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
            assertTrue(latency > 800 && latency <= 1000, "decided " + latency + " ms after the greeting");
        }
    }

    @Test
    void longGreetingEndingInAQuestionIsHuman() {
        for (int i = 0; i < 5; i++) {
            Talker talker = new Talker(random, 150, 1, -22);
            Signal s = longGreetingEnding(talker, 140, 190);
            assertTrue(s.lengthMillis() > 2700, "longer than shortGreeting: " + s.lengthMillis());
            Detection.AmdDecision d = decide(s.silence(3000).noise(-55, i));
            assertEquals(AmdOutcome.HUMAN, d.outcome(), d::toString);
            assertEquals(AmdCause.QUESTION_AFTER_GREETING, d.cause(), d::toString);
        }
    }

    @Test
    void questionVerdictWaitsOutTheBeepWindow() {
        for (int i = 0; i < 5; i++) {
            Talker talker = new Talker(random, 150, 1, -22);
            Signal s = longGreetingEnding(talker, 140, 190);
            double end = s.lengthMillis();
            Detection.AmdDecision d = decide(s.silence(3000).noise(-55, i));
            assertEquals(AmdCause.QUESTION_AFTER_GREETING, d.cause(), d::toString);
            // beepWindow (850 ms) plus four frames after the last frame of speech, not afterGreetingSilence (800 ms)
            double latency = d.at().toMillis() - end;
            assertTrue(latency > 850 && latency <= 1000, "decided " + latency + " ms after the greeting");
        }
    }

    @Test
    void aSoundTooShortForAWordDuringTheBeepWindowDoesNotChangeTheVerdict() {
        // "how can I help?", then a short low "mm" 850 ms later, while the verdict waits out the beep window: judged
        // again, its low pitch would end the contour and make a statement of the question
        for (int i = 0; i < 3; i++) {
            Talker talker = new Talker(random, 150, 1, -22);
            Signal s = longGreetingEnding(talker, 140, 190).silence(850);
            s.append(talker.glide(60, 150, 148));
            Detection.AmdDecision d = decide(s.silence(3000).noise(-55, i));
            assertEquals(AmdOutcome.HUMAN, d.outcome(), d::toString);
            assertEquals(AmdCause.QUESTION_AFTER_GREETING, d.cause(), d::toString);
        }
    }

    @Test
    void beepAfterAGreetingEndingInAQuestionIsMachine() {
        // a voicemail greeting whose voice happens to rise at the end: 800 ms of silence alone would make a person
        for (int gap : new int[]{500, 700, 840}) {
            Talker talker = new Talker(random, 150, 1, -22);
            Signal s = longGreetingEnding(talker, 140, 190);
            Detection.AmdDecision d = decide(s.silence(gap).tone(400, -18, 1000).silence(2000).noise(-55, gap));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
            assertEquals(AmdCause.BEEP, d.cause(), d::toString);
        }
    }

    @Test
    void lowBeepAfterAShortGreetingIsMachine() {
        for (double hz : new double[]{400, 415, 430}) {
            Signal s = Signal.create().silence(300);
            s.append(Talker.random(random).word(2));
            Detection.AmdDecision d = decide(s.silence(500).tone(600, -18, hz).silence(2000).noise(-58, 7));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), () -> hz + " Hz: " + d);
            assertEquals(AmdCause.BEEP, d.cause(), () -> hz + " Hz: " + d);
        }
    }

    @Test
    void longGreetingEndingInAStatementIsMachine() {
        for (int i = 0; i < 5; i++) {
            Talker talker = new Talker(random, 150, 1, -22);
            Detection.AmdDecision d = decide(longGreetingEnding(talker, 170, 100).silence(3000).noise(-55, i));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
            assertEquals(AmdCause.STATEMENT_GREETING, d.cause(), d::toString);
        }
    }

    @Test
    void fastModeTakesALongGreetingForAMachineAtTwoSeconds() {
        Talker talker = new Talker(random, 150, 1, -22);
        Detection.AmdDecision d = decide(longGreetingEnding(talker, 140, 190).silence(3000).noise(-55, 1),
                AmdSettings.FAST);
        assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
        assertEquals(AmdCause.LONG_GREETING, d.cause(), d::toString);
        assertTrue(d.at().toMillis() <= 2600, d::toString);
    }

    @Test
    void speechPastTheCapIsMachine() {
        for (int i = 0; i < 5; i++) {
            Signal s = Signal.create().silence(500);
            Talker talker = Talker.random(random);
            while (s.lengthMillis() < 12_000) {
                talker.phrase(s, 5, 60, 200);
                s.silence(300);
            }
            Detection.AmdDecision d = decide(s.noise(-55, i));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
            assertEquals(AmdCause.LONG_GREETING, d.cause(), d::toString);
            // the cap is 8 s from the first word
            assertTrue(d.at().toMillis() >= 8000 && d.at().toMillis() <= 9000, d::toString);
        }
    }

    @Test
    void fastModeDecidesALongContinuousGreetingWithinThreeSeconds() {
        for (int i = 0; i < 10; i++) {
            Signal s = Signal.create().silence(500);
            Talker talker = Talker.random(random);
            for (int p = 0; p < 4; p++) {
                talker.phrase(s, 5, 60, 200);
                s.silence(400);
            }
            Detection.AmdDecision d = decide(s.noise(-55, i), AmdSettings.FAST);
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
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

    private Signal shortGreetingThenBeep(int gapMillis) {
        Signal s = Signal.create().silence(300);
        s.append(Talker.random(random).word(2));
        return s.silence(gapMillis).tone(400, -18, 850).silence(2000).noise(-58, gapMillis);
    }

    @Test
    void beepLateInTheWindowTakesTheHumanVerdictBack() {
        // 820 and 850 ms of silence would make a person by afterGreetingSilence alone (800 ms): the beep window holds
        // the verdict until 850 + 80 ms
        for (int gap : new int[]{820, 850}) {
            Detection.AmdDecision d = decide(shortGreetingThenBeep(gap));
            assertEquals(AmdOutcome.MACHINE, d.outcome(), d::toString);
            assertEquals(AmdCause.BEEP, d.cause(), d::toString);
        }
    }

    @Test
    void withoutABeepWindowTheSameBeepComesTooLate() {
        AmdSettings noWindow = new AmdSettings(AmdMode.ACCURATE, Duration.ofMillis(2500), Duration.ofSeconds(8),
                Duration.ofMillis(800), Duration.ofSeconds(10), Duration.ofMillis(100), Duration.ofMillis(60), 60,
                Duration.ofMillis(2200), 1.10, Duration.ZERO, VoiceActivitySettings.DEFAULTS, BeepSettings.DEFAULTS);
        Detection.AmdDecision d = decide(shortGreetingThenBeep(850), noWindow);
        assertEquals(AmdOutcome.HUMAN, d.outcome(), d::toString);
    }

    @Test
    void beepAfterTheWindowComesTooLate() {
        Signal s = Signal.create().silence(300);
        s.append(Talker.random(random).word(2));
        Detection.AmdDecision d = decide(s.silence(1200).tone(400, -18, 850).silence(2000).noise(-58, 3));
        assertEquals(AmdOutcome.HUMAN, d.outcome(), d::toString);
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

    @Test
    void resetForgetsTheGreeting() {
        AnsweringMachineDetector amd = new AnsweringMachineDetector();
        Talker talker = new Talker(random, 150, 1, -22);
        Signal.feed(amd, longGreetingEnding(talker, 170, 100).silence(3000).noise(-55, 9).pcm());
        amd.reset();
        Signal s = Signal.create().silence(300);
        s.append(talker.word(2));
        Detection.AmdDecision d = (Detection.AmdDecision) s.silence(2000).noise(-58, 2).feed(amd).orElseThrow();
        assertEquals(AmdCause.SILENCE_AFTER_GREETING, d.cause(), d::toString);
    }
}
