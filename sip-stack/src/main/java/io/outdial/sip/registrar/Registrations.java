package io.outdial.sip.registrar;

import java.util.List;
import java.util.Optional;

/** The read side of the registrar: current bindings, lapsed ones left out. */
public interface Registrations {

    /** {@code user}'s binding, if registered and not expired. */
    Optional<Registration> find(String user);

    /** Every current binding, by user. */
    List<Registration> all();

    /** Removes {@code user}'s binding (the admin's "unregister"); true if there was one. */
    boolean remove(String user);

    /** A registrar that knows nobody (the gateway runs without one). */
    static Registrations none() {
        return new Registrations() {
            @Override
            public Optional<Registration> find(String user) {
                return Optional.empty();
            }

            @Override
            public List<Registration> all() {
                return List.of();
            }

            @Override
            public boolean remove(String user) {
                return false;
            }
        };
    }
}
