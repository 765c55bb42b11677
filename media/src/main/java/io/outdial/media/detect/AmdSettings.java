package io.outdial.media.detect;

import java.time.Duration;

/**
 * Thresholds of the {@link AnsweringMachineDetector}. The defaults follow how people and machines answer: a person
 * says a word or two ("Hello?") and waits for a reply; a machine talks on for several seconds, often with a beep at
 * the end.
 *
 * @param initialSilence       no word within this time of the answer: NOT_SURE (2.5 s); a person speaks within a
 *                             second or so, but so does most equipment, so silence alone proves nothing
 * @param maximumGreeting      a greeting still going after this (first to latest speech): MACHINE (2 s; "Hello,
 *                             this is Anna speaking" takes about 1.5 s, a machine's greeting 3 to 15 s)
 * @param afterGreetingSilence this much silence after a greeting shorter than that: HUMAN (800 ms; a person who said
 *                             "Hello?" waits, a machine pauses between sentences mostly for less). It is the whole
 *                             decision latency for a person, so keep it under a second to leave time to connect an
 *                             agent within the 2 s rule
 * @param totalAnalysisTime    no decision by then: NOT_SURE (5 s)
 * @param minimumWordLength    speech shorter than this is a click or breath, not a word (100 ms)
 * @param betweenWordsSilence  silence that separates two words (60 ms; shorter dips belong to the word)
 * @param maximumWords         more words than this in the greeting: MACHINE (5)
 * @param voice                speech/silence classification
 * @param beep                 a beep during analysis means MACHINE; null to ignore beeps
 */
public record AmdSettings(Duration initialSilence, Duration maximumGreeting, Duration afterGreetingSilence,
                          Duration totalAnalysisTime, Duration minimumWordLength, Duration betweenWordsSilence,
                          int maximumWords, VoiceActivitySettings voice, BeepSettings beep) {

    public static final AmdSettings DEFAULTS = new AmdSettings(Duration.ofMillis(2500), Duration.ofMillis(2000),
            Duration.ofMillis(800), Duration.ofMillis(5000), Duration.ofMillis(100), Duration.ofMillis(60), 5,
            VoiceActivitySettings.DEFAULTS, BeepSettings.DEFAULTS);

    public AmdSettings {
        requirePositive("initialSilence", initialSilence);
        requirePositive("maximumGreeting", maximumGreeting);
        requirePositive("afterGreetingSilence", afterGreetingSilence);
        requirePositive("totalAnalysisTime", totalAnalysisTime);
        requirePositive("minimumWordLength", minimumWordLength);
        requirePositive("betweenWordsSilence", betweenWordsSilence);
        if (maximumWords < 1) {
            throw new IllegalArgumentException("maximumWords must be at least 1, got " + maximumWords);
        }
        if (voice == null) {
            throw new IllegalArgumentException("voice settings are required");
        }
    }

    /** These settings with another {@code afterGreetingSilence}, the knob that trades speed for accuracy. */
    public AmdSettings withAfterGreetingSilence(Duration value) {
        return new AmdSettings(initialSilence, maximumGreeting, value, totalAnalysisTime, minimumWordLength,
                betweenWordsSilence, maximumWords, voice, beep);
    }

    /** These settings with another {@code maximumGreeting}. */
    public AmdSettings withMaximumGreeting(Duration value) {
        return new AmdSettings(initialSilence, value, afterGreetingSilence, totalAnalysisTime, minimumWordLength,
                betweenWordsSilence, maximumWords, voice, beep);
    }

    static int frames(Duration d) {
        return (int) Math.max(1, Math.round(d.toMillis() / (double) PcmFrame.MILLIS));
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
