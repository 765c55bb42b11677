package io.outdial.bridge;

import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.SecurityEvents;
import java.util.Objects;

/**
 * What the bridge needs to lock its doors: who may log in, the threads that check passwords (shared with the
 * dialer's CTI login) and where audit entries and login failures go.
 */
public record BridgeSecurity(AuthSettings auth, PasswordChecks passwordChecks, SecurityEvents events) {

    public BridgeSecurity {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(passwordChecks, "passwordChecks");
        Objects.requireNonNull(events, "events");
    }
}
