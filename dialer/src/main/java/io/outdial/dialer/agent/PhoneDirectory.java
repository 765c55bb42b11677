package io.outdial.dialer.agent;

import java.util.Optional;

/** Where an agent's registered phone is now: the registrar's binding as a URI to dial. */
@FunctionalInterface
public interface PhoneDirectory {
    /** Nobody is registered. */
    PhoneDirectory NONE = agentId -> Optional.empty();

    Optional<String> registeredPhone(String agentId);
}
