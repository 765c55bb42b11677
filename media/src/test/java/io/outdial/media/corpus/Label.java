package io.outdial.media.corpus;

/** What a corpus item really is: the truth a detector's answer is scored against. */
public enum Label {
    HUMAN,
    MACHINE,
    SIT_NO_CIRCUIT,
    SIT_OPERATOR_INTERCEPT,
    SIT_VACANT_CODE,
    SIT_REORDER,
    SIT_UNKNOWN,
    FAX,
    SILENCE,
    /** Ringback in early media: nothing must be detected. */
    RINGBACK;

    public boolean isSit() {
        return name().startsWith("SIT_");
    }

    /** Heard in early media (before answer) rather than after answer. */
    public boolean isEarlyMedia() {
        return isSit() || this == RINGBACK;
    }
}
