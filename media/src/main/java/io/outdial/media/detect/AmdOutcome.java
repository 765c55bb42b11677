package io.outdial.media.detect;

/** Who answered, as far as the answering-machine detector can tell. */
public enum AmdOutcome {
    HUMAN,
    MACHINE,
    /** Not decided within the analysis time, or nothing said at all: the campaign's treatment decides. */
    NOT_SURE
}
