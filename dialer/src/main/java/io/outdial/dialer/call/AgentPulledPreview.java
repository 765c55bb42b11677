package io.outdial.dialer.call;

import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.config.DialingMode;
import java.time.Instant;
import java.util.Set;

/**
 * Preview's policy: nothing is paced. Its agents ask the preview desk for records, read them, then dial; the pacing
 * loop has nothing to do for its campaigns. Registered so that preview is owned explicitly, not silently unhandled.
 */
final class AgentPulledPreview implements ModePolicy {

    @Override
    public Set<DialingMode> dialingModes() {
        return Set.of(DialingMode.PREVIEW);
    }

    /** Nothing: preview agents pull their records from the preview desk. */
    @Override
    public void pace(Campaign campaign, Instant now) {
    }
}
