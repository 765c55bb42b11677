package io.outdial.media.detect;

/**
 * How a campaign trades the time to a machine verdict for fewer people taken for machines
 * ({@link AmdSettings#defaults(AmdMode)} has the thresholds of each).
 */
public enum AmdMode {
    /**
     * Waits for evidence: a long greeting is a machine only once it runs past what no live greeting reaches, so a
     * receptionist's "Good afternoon, company, name speaking, how can I help?" is heard out. Machine verdicts come
     * several seconds later than in {@link #FAST}. The default.
     */
    ACCURATE,
    /**
     * Timing rules as most dialers use them: two seconds of greeting make a machine. Quick machine verdicts, but
     * long live greetings (business lines) are taken for machines.
     */
    FAST
}
