package io.outdial.dialer.campaign;

import io.outdial.bridge.cti.CtiEvent;
import io.outdial.sip.call.Cancellable;

/** A campaign and where it stands. Confined to the dialer executor (state is volatile for metrics and admin). */
public final class Campaign {
    private final CampaignPlan plan;
    private volatile CampaignState state = CampaignState.UNLOADED;
    private boolean listExhausted;
    private Cancellable recheck;

    public Campaign(CampaignPlan plan) {
        this.plan = plan;
    }

    public String name() {
        return plan.name();
    }

    public CampaignPlan plan() {
        return plan;
    }

    public CampaignState state() {
        return state;
    }

    /** Moves to {@code next}; the caller has checked {@link CampaignState#canMoveTo}. */
    void state(CampaignState next) {
        if (!state.canMoveTo(next)) {
            throw new IllegalStateException("campaign cannot move from " + state + " to " + next);
        }
        state = next;
    }

    /** True after the list had no Ready record: pacing skips the campaign until new records may be due. */
    public boolean listExhausted() {
        return listExhausted;
    }

    public void listExhausted(boolean exhausted) {
        this.listExhausted = exhausted;
    }

    /** The pending "look at the list again" timer, if any. */
    public Cancellable recheck() {
        return recheck;
    }

    public void recheck(Cancellable timer) {
        this.recheck = timer;
    }

    /** The campaign as an agent's "My Campaigns" shows it. */
    public CtiEvent.CampaignInfo info() {
        return new CtiEvent.CampaignInfo(plan.name(), plan.description(), state.statusName(),
                plan.dialingModeLabel(), plan.deliveryMode());
    }
}
