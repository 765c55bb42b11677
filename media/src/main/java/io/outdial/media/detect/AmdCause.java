package io.outdial.media.detect;

/** Which rule of {@link AnsweringMachineDetector} decided (see {@link AmdSettings} for the thresholds). */
public enum AmdCause {
    /** HUMAN: a short greeting followed by {@code afterGreetingSilence} of silence, as a person waits for a reply. */
    SILENCE_AFTER_GREETING,
    /** MACHINE: the greeting went on past {@code maximumGreeting}. */
    LONG_GREETING,
    /** MACHINE: more than {@code maximumWords} words in the greeting. */
    TOO_MANY_WORDS,
    /** MACHINE: a beep, the end of a machine's greeting. */
    BEEP,
    /** NOT_SURE: nothing said within {@code initialSilence} of the answer. */
    INITIAL_SILENCE,
    /** NOT_SURE: no rule decided within {@code totalAnalysisTime}. */
    ANALYSIS_TIME_EXCEEDED
}
