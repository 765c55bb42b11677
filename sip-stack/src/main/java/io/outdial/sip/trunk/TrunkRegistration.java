package io.outdial.sip.trunk;

/** The gateway's registration with its trunk, as the dialer sees it. */
public interface TrunkRegistration {
    /** A trunk that needs no registration. */
    TrunkRegistration NOT_REQUIRED = TrunkRegistrationStatus::notRequired;

    /** The registration now. Cheap and thread-safe: the dial gate reads it on every pass. */
    TrunkRegistrationStatus status();

    /**
     * Runs {@code listener} each time calls become allowed or stop being allowed (on the registration's own thread;
     * hand work on). A trunk that needs no registration never changes.
     */
    default void onChange(Runnable listener) {
    }
}
