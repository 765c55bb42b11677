package io.outdial.media.corpus;

/**
 * One labelled clip of 8 kHz 16-bit audio. {@code greetingEndMillis} is where the last word of a greeting ends
 * (human and machine items; for a machine, before any beep), NaN otherwise.
 */
public record CorpusItem(String id, Label label, String description, short[] pcm, double greetingEndMillis) {
}
