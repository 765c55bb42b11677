package io.outdial.dialer.campaign;

import io.outdial.dialer.agent.CampaignCard;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import java.time.Duration;

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

    /**
     * The list had no Ready record: pacing skips the campaign until {@code after} has passed on {@code dialer}, then
     * runs {@code repace}. Nothing happens if the list is already marked exhausted.
     */
    public void markExhausted(CallExecutor dialer, Duration after, Runnable repace) {
        if (listExhausted) {
            return;
        }
        listExhausted = true;
        recheck = dialer.schedule(after, () -> {
            listExhausted = false;
            recheck = null;
            repace.run();
        });
    }

    /** New records may be due (import, records back to Ready): the list is looked at again at once. */
    public void listMayHaveRecords() {
        if (recheck != null) {
            recheck.cancel();
            recheck = null;
        }
        listExhausted = false;
    }

    /** The campaign as an agent's "My Campaigns" shows it. */
    public CampaignCard info() {
        return new CampaignCard(plan.name(), plan.description(), state.statusName(), plan.dialingModeLabel(),
                plan.deliveryMode(), plan.callerIds().stream()
                        .map(c -> new CampaignCard.CallerId(c.number(), c.name())).toList());
    }
}
