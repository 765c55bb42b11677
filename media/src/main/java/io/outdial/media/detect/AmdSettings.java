package io.outdial.media.detect;

import java.time.Duration;

/**
 * Thresholds of the {@link AnsweringMachineDetector}, with the {@link AmdMode} they were chosen for. The defaults
 * follow how people and machines answer: a person says a greeting, short ("Hello?") or long on a business line
 * ("Good afternoon, Harbour Freight, Priya speaking, how can I help?"), and waits for a reply; a machine talks on,
 * usually ends on a statement ("... after the tone."), and often plays a beep. The figures behind each default
 * are in docs/benchmarks.md (hard-case corpus of issue 16).
 *
 * @param mode                 what the defaults were chosen for (accurate or fast); the detector reads only the
 *                             thresholds below
 * @param initialSilence       no word within this time of the answer: NOT_SURE (2.5 s); a person speaks within a
 *                             second or so, but so does most equipment, so silence alone proves nothing
 * @param maximumGreeting      the cap: a greeting still going after this (first to latest speech) is a MACHINE.
 *                             Accurate 8 s: the longest live greeting measured, a business greeting spoken slowly
 *                             (115 words a minute), lasts 7.3 s, a machine's 3 to 15 s. Fast 2 s ("Hello, this is
 *                             Anna speaking" takes 1.5 s), which takes business greetings for machines
 * @param afterGreetingSilence this much silence after a greeting ends it (800 ms both modes; a person waits for a
 *                             reply, a machine pauses between sentences mostly for less). A long greeting is
 *                             judged by its ending then; a human verdict waits for {@code beepWindow} as well
 * @param totalAnalysisTime    no decision by then: NOT_SURE (10 s accurate: more than the cap plus the silence
 *                             after it; 5 s fast)
 * @param minimumWordLength    speech shorter than this is a click or breath, not a word (100 ms)
 * @param betweenWordsSilence  silence that separates two words (60 ms; shorter dips belong to the word)
 * @param maximumWords         more words than this in the greeting: MACHINE (accurate 60, i.e. left to the cap:
 *                             a business greeting has 12 to 20; fast 5)
 * @param shortGreeting        a greeting up to this long, followed by the silence, is a HUMAN whatever its
 *                             intonation (2.2 s: the short live greetings measured last up to 2 s; a machine's greeting
 *                             that short is told by its beep or not at all). Longer ones are judged by their ending
 * @param questionRise         a longer greeting followed by silence is a HUMAN when its voice rises at the end by at
 *                             least this factor over the lowest pitch of its last 480 ms of voice (1.10: the business
 *                             greetings measured, ending "... how can I help?", rise by 1.14 to 1.96, the
 *                             voicemail greetings, ending on a statement, by 1.00 to 1.06), and a MACHINE otherwise
 * @param beepWindow           a beep may follow a machine's greeting by up to this (850 ms accurate, 0 fast): every
 *                             human verdict, a short greeting's or a question's, waits until then plus four frames
 *                             (80 ms, to hear the beep start), so a beep inside the window takes the verdict back
 *                             before it is given (a voicemail greeting may end on a rising voice too). It is the human
 *                             decision latency: 850 ms gives about 0.95 s after the last word and covers beeps
 *                             starting up to about 0.85 s after it; 1100 ms would cover about 1.1 s for 0.25 s more
 *                             latency. Zero: no wait beyond {@code afterGreetingSilence}
 * @param voice                speech/silence classification
 * @param beep                 a beep during analysis means MACHINE; null to ignore beeps
 */
public record AmdSettings(AmdMode mode, Duration initialSilence, Duration maximumGreeting,
                          Duration afterGreetingSilence, Duration totalAnalysisTime, Duration minimumWordLength,
                          Duration betweenWordsSilence, int maximumWords, Duration shortGreeting, double questionRise,
                          Duration beepWindow, VoiceActivitySettings voice, BeepSettings beep) {

    /** Waits for evidence (the default mode). */
    public static final AmdSettings ACCURATE = new AmdSettings(AmdMode.ACCURATE, Duration.ofMillis(2500),
            Duration.ofMillis(8000), Duration.ofMillis(800), Duration.ofMillis(10_000), Duration.ofMillis(100),
            Duration.ofMillis(60), 60, Duration.ofMillis(2200), 1.10, Duration.ofMillis(850),
            VoiceActivitySettings.DEFAULTS, BeepSettings.DEFAULTS);

    /** Timing rules: a machine in about 2 s, long live greetings taken for machines. */
    public static final AmdSettings FAST = new AmdSettings(AmdMode.FAST, Duration.ofMillis(2500),
            Duration.ofMillis(2000), Duration.ofMillis(800), Duration.ofMillis(5000), Duration.ofMillis(100),
            Duration.ofMillis(60), 5, Duration.ofMillis(2000), 1.10, Duration.ZERO, VoiceActivitySettings.DEFAULTS,
            BeepSettings.DEFAULTS);

    public static final AmdSettings DEFAULTS = ACCURATE;

    public AmdSettings {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required (accurate or fast)");
        }
        requirePositive("initialSilence", initialSilence);
        requirePositive("maximumGreeting", maximumGreeting);
        requirePositive("afterGreetingSilence", afterGreetingSilence);
        requirePositive("totalAnalysisTime", totalAnalysisTime);
        requirePositive("minimumWordLength", minimumWordLength);
        requirePositive("betweenWordsSilence", betweenWordsSilence);
        requirePositive("shortGreeting", shortGreeting);
        if (beepWindow == null || beepWindow.isNegative()) {
            throw new IllegalArgumentException("beepWindow must be zero or positive, got " + beepWindow);
        }
        if (maximumWords < 1) {
            throw new IllegalArgumentException("maximumWords must be at least 1, got " + maximumWords);
        }
        if (!(questionRise >= 1)) {
            throw new IllegalArgumentException("questionRise must be at least 1, got " + questionRise);
        }
        if (voice == null) {
            throw new IllegalArgumentException("voice settings are required");
        }
    }

    /** The defaults of a mode. */
    public static AmdSettings defaults(AmdMode mode) {
        return mode == AmdMode.FAST ? FAST : ACCURATE;
    }

    /** These settings with another {@code afterGreetingSilence}, the knob that trades speed for accuracy. */
    public AmdSettings withAfterGreetingSilence(Duration value) {
        return new AmdSettings(mode, initialSilence, maximumGreeting, value, totalAnalysisTime, minimumWordLength,
                betweenWordsSilence, maximumWords, shortGreeting, questionRise, beepWindow, voice, beep);
    }

    /** These settings with another {@code maximumGreeting}. */
    public AmdSettings withMaximumGreeting(Duration value) {
        return new AmdSettings(mode, initialSilence, value, afterGreetingSilence, totalAnalysisTime,
                minimumWordLength, betweenWordsSilence, maximumWords, shortGreeting, questionRise, beepWindow, voice,
                beep);
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
