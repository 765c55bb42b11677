package io.outdial.media;

/** Up to three endpoints of a call mixed together: each peer hears the others (see {@link MediaEngine#conference}). */
public interface Conference {

    /** Endpoints taking part. */
    int participants();

    /** Stops mixing and frees the endpoints (they stay open for their owner to relay or close). Idempotent. */
    void stop();
}
