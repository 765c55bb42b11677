package io.outdial.bridge.auth;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/**
 * What a user may do. Ordered: each role includes the ones before it. An agent only logs in to CTI; a supervisor
 * runs campaigns, uploads lists and watches the live view; an admin also changes configuration-level things
 * (agents' SIP passwords, phone bindings, the do-not-call list), exports personal data and reads the audit log.
 */
public enum Role {
    AGENT, SUPERVISOR, ADMIN;

    /** Whether this role may do what {@code required} may. */
    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The name as written in configuration and JSON: {@code supervisor}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The role written {@code name} (any case), or null. */
    public static Role named(String name) {
        for (Role r : values()) {
            if (r.wireName().equalsIgnoreCase(name)) {
                return r;
            }
        }
        return null;
    }
}
