package io.outdial.sip.trunk;

import java.time.Instant;

/**
 * A snapshot of the trunk registration, for the dialer's dial gate, the admin API and metrics.
 *
 * @param required    false when the trunk needs no registration (then calls always go out)
 * @param state       the registration's state; null when not required
 * @param aor         the address-of-record registered, or null
 * @param since       when the state was entered, or null
 * @param expiresAt   when the current binding expires (registered states), or null
 * @param nextAttempt when the next REGISTER goes out (refresh or retry), or null
 * @param failures    failed attempts in a row
 * @param lastStatus  the status code of the last final answer (0: none, or a timeout)
 * @param reason      why the last attempt failed, or what the state means, in words for a supervisor
 */
public record TrunkRegistrationStatus(boolean required, TrunkRegistrationState state, String aor, Instant since,
                                      Instant expiresAt, Instant nextAttempt, int failures, int lastStatus,
                                      String reason) {
    private static final TrunkRegistrationStatus NOT_REQUIRED =
            new TrunkRegistrationStatus(false, null, null, null, null, null, 0, 0, "the trunk needs no registration");

    /** The status of a trunk that needs no registration. */
    public static TrunkRegistrationStatus notRequired() {
        return NOT_REQUIRED;
    }

    /** Whether calls may go out through the trunk now. */
    public boolean allowsCalls() {
        return !required || state.allowsCalls();
    }
}
