package io.outdial.dialer.campaign;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** A campaign's lifecycle: Load -> Start -> Stop -> Unload. */
public enum CampaignState implements State<CampaignState> {
    UNLOADED("Unloaded"),
    /** Loaded, agents told, not dialing ("Active" on the desktop). */
    LOADED("Active"),
    /** Dialing. */
    RUNNING("Running");

    private static final Transitions<CampaignState> MOVES = Transitions.of(CampaignState.class, "campaign")
            .entry(UNLOADED)
            .from(UNLOADED).to(LOADED)
            .from(LOADED).to(RUNNING, UNLOADED)
            .from(RUNNING).to(LOADED, UNLOADED)
            .build();

    private final String statusName;

    CampaignState(String statusName) {
        this.statusName = statusName;
    }

    /** The status an agent's "My Campaigns" shows. */
    public String statusName() {
        return statusName;
    }

    @Override
    public Transitions<CampaignState> transitions() {
        return MOVES;
    }
}
