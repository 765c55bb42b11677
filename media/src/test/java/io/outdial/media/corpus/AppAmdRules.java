package io.outdial.media.corpus;

import io.outdial.media.detect.AmdCause;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.PcmFrame;
import java.util.Optional;

/**
 * A re-implementation, for comparison only, of the decision rules of Asterisk's app_amd with its default parameters
 * (written from reading apps/app_amd.c, not copied): a frame is silent when its mean absolute sample is below 256
 * (Asterisk's DSP silence test); silence of 50 ms ends a word, voice of 100 ms starts one; the first word starts the
 * greeting. MACHINE on 2500 ms of initial silence, on more than 2 words, on 1500 ms of voice in the greeting, on one
 * word of 5000 ms; HUMAN on 800 ms of silence after the greeting began; NOT_SURE at 5000 ms. Causes are mapped to
 * the nearest {@link AmdCause}. app_amd has no beep detection.
 */
final class AppAmdRules implements FrameDetector {

    static final int INITIAL_SILENCE = 2500;
    static final int GREETING = 1500;
    static final int AFTER_GREETING_SILENCE = 800;
    static final int TOTAL_ANALYSIS_TIME = 5000;
    static final int MINIMUM_WORD_LENGTH = 100;
    static final int BETWEEN_WORDS_SILENCE = 50;
    static final int MAXIMUM_NUMBER_OF_WORDS = 2;
    static final int SILENCE_THRESHOLD = 256;
    static final int MAXIMUM_WORD_LENGTH = 5000;

    private int totalTime;
    private int silence;
    private int voice;
    private int consecutiveVoice;
    private int words;
    private boolean inWord = true;
    private boolean inInitialSilence = true;
    private boolean inGreeting;
    private boolean done;

    @Override
    public Optional<Detection> onFrame(short[] frame) {
        if (done) {
            return Optional.empty();
        }
        int ms = PcmFrame.MILLIS;
        totalTime += ms;
        if (totalTime >= TOTAL_ANALYSIS_TIME) {
            return decide(AmdOutcome.NOT_SURE, AmdCause.ANALYSIS_TIME_EXCEEDED);
        }
        long magnitude = 0;
        for (int i = 0; i < PcmFrame.SAMPLES; i++) {
            magnitude += Math.abs(frame[i]);
        }
        if (magnitude / PcmFrame.SAMPLES < SILENCE_THRESHOLD) {
            silence += ms;
            if (silence >= BETWEEN_WORDS_SILENCE) {
                inWord = false;
                consecutiveVoice = 0;
            }
            if (inInitialSilence && silence >= INITIAL_SILENCE) {
                return decide(AmdOutcome.MACHINE, AmdCause.INITIAL_SILENCE);
            }
            if (inGreeting && silence >= AFTER_GREETING_SILENCE) {
                return decide(AmdOutcome.HUMAN, AmdCause.SILENCE_AFTER_GREETING);
            }
        } else {
            consecutiveVoice += ms;
            voice += ms;
            if (consecutiveVoice >= MINIMUM_WORD_LENGTH && !inWord) {
                words++;
                inWord = true;
            }
            if (consecutiveVoice >= MAXIMUM_WORD_LENGTH) {
                return decide(AmdOutcome.MACHINE, AmdCause.LONG_GREETING);
            }
            if (words > MAXIMUM_NUMBER_OF_WORDS) {
                return decide(AmdOutcome.MACHINE, AmdCause.TOO_MANY_WORDS);
            }
            if (inGreeting && voice >= GREETING) {
                return decide(AmdOutcome.MACHINE, AmdCause.LONG_GREETING);
            }
            if (voice >= MINIMUM_WORD_LENGTH) {
                silence = 0;
            }
            if (consecutiveVoice >= MINIMUM_WORD_LENGTH && !inGreeting) {
                inInitialSilence = false;
                inGreeting = true;
            }
        }
        return Optional.empty();
    }

    @Override
    public void reset() {
        totalTime = 0;
        silence = 0;
        voice = 0;
        consecutiveVoice = 0;
        words = 0;
        inWord = true;
        inInitialSilence = true;
        inGreeting = false;
        done = false;
    }

    private Optional<Detection> decide(AmdOutcome outcome, AmdCause cause) {
        done = true;
        return Optional.of(new Detection.AmdDecision(outcome, cause, java.time.Duration.ofMillis(voice), words,
                java.time.Duration.ofMillis(totalTime)));
    }
}
