package io.outdial.dialer.record;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/**
 * Where a calling-list record stands: Ready, Retrieved by a live call, Updated with a result; Cancelled (declined
 * for the campaign, or by a treatment); Chain Updated (a Ready number of a contact whose chain ended on another
 * number); Updated goes back to Retrieved when the agent holding the record dials it again (Recall); the others
 * are for later features (staleness, agent errors, missed callbacks).
 */
public enum RecordStatus implements State<RecordStatus> {
    READY, RETRIEVED, UPDATED, STALE, CANCELLED, AGENT_ERROR, CHAIN_UPDATED, MISSED_CALLBACK;

    private static final Transitions<RecordStatus> MOVES = Transitions.of(RecordStatus.class, "record")
            .entry(READY)
            .from(READY).to(RETRIEVED, CANCELLED, STALE, CHAIN_UPDATED, MISSED_CALLBACK)
            .from(RETRIEVED).to(READY, UPDATED, CANCELLED, AGENT_ERROR, CHAIN_UPDATED)
            .from(UPDATED).to(UPDATED, READY, CANCELLED, RETRIEVED)
            .terminal(STALE, CANCELLED)
            .from(AGENT_ERROR).to(READY)
            .from(CHAIN_UPDATED).to(READY)
            .from(MISSED_CALLBACK).to(READY)
            .build();

    @Override
    public Transitions<RecordStatus> transitions() {
        return MOVES;
    }
}
