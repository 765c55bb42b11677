package io.outdial.media.detect;

import java.time.Duration;

/**
 * What a detector found in a stream. {@code at} is media time: from the start of the first frame the detector read
 * to the end of the frame on which it decided, so it does not depend on how fast frames were fed.
 */
public sealed interface Detection {

    Duration at();

    /** A three-segment special information tone and its class. */
    record SitDetected(SitClass sitClass, Duration at) implements Detection {
    }

    /** A fax or modem answer tone (CED 2100 Hz, or ANSam: 2100 Hz amplitude-modulated at 15 Hz). */
    record FaxDetected(FaxTone tone, Duration at) implements Detection {
    }

    /** No speech for the configured time. */
    record SilenceDetected(Duration silentFor, Duration at) implements Detection {
    }

    /** A single steady tone of beep length, typically the end of an answering machine's greeting. */
    record BeepDetected(double frequencyHz, Duration length, Duration at) implements Detection {
    }

    /**
     * The answering-machine verdict. {@code greeting} is how long the greeting had lasted when the decision was made
     * (first to last speech), {@code words} how many words were counted in it.
     */
    record AmdDecision(AmdOutcome outcome, AmdCause cause, Duration greeting, int words, Duration at)
            implements Detection {
    }

    /** Media time at the end of frame number {@code frames} (counted from 1). */
    static Duration afterFrames(long frames) {
        return Duration.ofMillis(frames * PcmFrame.MILLIS);
    }
}
