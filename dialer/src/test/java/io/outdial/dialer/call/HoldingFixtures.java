package io.outdial.dialer.call;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentProfile;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import java.time.Duration;
import java.util.Map;

/** The agents and interactions the registry's tests give, offer and work ({@link Assignments}' agent entry). */
final class HoldingFixtures {
    private HoldingFixtures() {
    }

    /** A logged-out agent with no phone, as the registry sees it. */
    static Agent agent(String id) {
        return new Agent(new AgentProfile(id, "s", null, false, Duration.ZERO));
    }

    /** An interaction {@code id} of campaign spring's record 1, retrieved. */
    static Interaction interaction(String id) {
        return new Interaction(id, "spring", new CallingRecord(1, "spring", "2005550101", "Home", RecordType.GENERAL,
                RecordStatus.RETRIEVED, CallResult.UNKNOWN, 0, null, null, 0, 86400, "UTC", null, null, 0,
                Map.of()));
    }
}
