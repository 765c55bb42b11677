package io.outdial.media.detect;

/** Which rule of {@link AnsweringMachineDetector} decided (see {@link AmdSettings} for the thresholds). */
public enum AmdCause {
    /**
     * HUMAN: a short greeting followed by {@code afterGreetingSilence} of silence, as a person waits for a reply, and
     * no beep within {@code beepWindow}.
     */
    SILENCE_AFTER_GREETING,
    /**
     * HUMAN: a greeting longer than {@code shortGreeting} whose voice rose at the end, as a question does ("how can
     * I help?"), followed by the silence and no beep within {@code beepWindow}.
     */
    QUESTION_AFTER_GREETING,
    /**
     * MACHINE: a greeting longer than {@code shortGreeting} that ended on a statement (the voice did not rise), then
     * fell silent: what a voicemail greeting without a beep sounds like.
     */
    STATEMENT_GREETING,
    /** MACHINE: the greeting went on past {@code maximumGreeting}, the cap no live greeting reaches. */
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
