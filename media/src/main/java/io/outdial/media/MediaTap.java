package io.outdial.media;

/**
 * Detectors listening to what one endpoint receives (see {@link MediaEngine#listen}). While a tap runs it is the
 * endpoint's sink: stop it before relaying the endpoint.
 */
public interface MediaTap {

    /** Stops listening and frees the endpoint for another sink. Idempotent; safe from any thread. */
    void stop();
}
