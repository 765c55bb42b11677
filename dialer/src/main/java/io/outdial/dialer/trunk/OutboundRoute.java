package io.outdial.dialer.trunk;

import io.outdial.dialer.config.CallerId;
import io.outdial.sip.DialRequest;
import io.outdial.sip.TrunkConfig;
import io.outdial.sip.trunk.TrunkRegistration;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One campaign's way out: the trunk it dials through (by name), the caller ids it offers (the first is the default;
 * none: the trunk's own), and the trunk's registration, which gates every dial.
 */
public final class OutboundRoute {
    private final String trunkName;
    private final TrunkConfig trunk;
    private final TrunkRegistration registration;
    private final List<CallerId> callerIds;

    OutboundRoute(String trunkName, TrunkConfig trunk, TrunkRegistration registration, List<CallerId> callerIds) {
        this.trunkName = trunkName;
        this.trunk = trunk;
        this.registration = registration;
        this.callerIds = List.copyOf(callerIds);
    }

    public String trunkName() {
        return trunkName;
    }

    public TrunkRegistration registration() {
        return registration;
    }

    /** Whether contacts may be dialed now: the trunk needs no registration, or it is registered. */
    public boolean allowsCalls() {
        return registration.status().allowsCalls();
    }

    /** Why calls may not go out, for a supervisor or an agent. */
    public String blockedReason() {
        return "trunk '" + trunkName + "' not registered: " + registration.status().reason();
    }

    /** The caller ids an agent may choose from (empty: the trunk's own, no choice). */
    public List<CallerId> callerIds() {
        return callerIds;
    }

    /** The caller id presented unless the agent chose another. */
    public CallerId defaultCallerId() {
        return callerIds.isEmpty() ? new CallerId(trunk.callerId(), trunk.callerName()) : callerIds.get(0);
    }

    /** The offered caller id with {@code number}, if the campaign offers it. */
    public Optional<CallerId> callerId(String number) {
        return callerIds.stream().filter(c -> c.number().equals(number)).findFirst();
    }

    /** A dial to {@code number} through the trunk, presenting the default caller id. */
    public DialRequest dial(String number, Duration ringTimeout) {
        return dial(number, ringTimeout, defaultCallerId());
    }

    /** A dial to {@code number} through the trunk, presenting {@code callerId}. */
    public DialRequest dial(String number, Duration ringTimeout, CallerId callerId) {
        TrunkConfig presented = trunk.presenting(callerId.number(), callerId.name());
        return DialRequest.contactViaTrunk(presented, number, ringTimeout);
    }
}
