package io.outdial.dialer.campaign;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** A campaign's lifecycle: Load -> Start -> Stop -> Unload. */
public enum CampaignState {
    UNLOADED("Unloaded"),
    /** Loaded, agents told, not dialing ("Active" on the desktop). */
    LOADED("Active"),
    /** Dialing. */
    RUNNING("Running");

    private static final Map<CampaignState, Set<CampaignState>> NEXT = Map.of(
            UNLOADED, EnumSet.of(LOADED),
            LOADED, EnumSet.of(RUNNING, UNLOADED),
            RUNNING, EnumSet.of(LOADED, UNLOADED));

    private final String statusName;

    CampaignState(String statusName) {
        this.statusName = statusName;
    }

    /** The status an agent's "My Campaigns" shows. */
    public String statusName() {
        return statusName;
    }

    public boolean canMoveTo(CampaignState next) {
        return NEXT.get(this).contains(next);
    }
}
