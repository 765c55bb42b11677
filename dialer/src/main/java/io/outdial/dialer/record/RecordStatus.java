package io.outdial.dialer.record;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where a calling-list record stands: Ready, Retrieved by a live call, Updated with a result; Cancelled (declined
 * for the campaign, or by a treatment); Chain Updated (a Ready number of a contact whose chain ended on another
 * number); Updated goes back to Retrieved when the agent holding the record dials it again (Recall); the others
 * are for later features (staleness, agent errors, missed callbacks).
 */
public enum RecordStatus {
    READY, RETRIEVED, UPDATED, STALE, CANCELLED, AGENT_ERROR, CHAIN_UPDATED, MISSED_CALLBACK;

    private static final Map<RecordStatus, Set<RecordStatus>> NEXT = Map.of(
            READY, EnumSet.of(RETRIEVED, CANCELLED, STALE, CHAIN_UPDATED, MISSED_CALLBACK),
            RETRIEVED, EnumSet.of(READY, UPDATED, CANCELLED, AGENT_ERROR, CHAIN_UPDATED),
            UPDATED, EnumSet.of(UPDATED, READY, CANCELLED, RETRIEVED),
            STALE, EnumSet.noneOf(RecordStatus.class),
            CANCELLED, EnumSet.noneOf(RecordStatus.class),
            AGENT_ERROR, EnumSet.of(READY),
            CHAIN_UPDATED, EnumSet.of(READY),
            MISSED_CALLBACK, EnumSet.of(READY));

    public boolean canMoveTo(RecordStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Returns {@code next} or throws if the move is not in the table. */
    public RecordStatus moveTo(RecordStatus next) {
        if (!canMoveTo(next)) {
            throw new IllegalStateException("record cannot move from " + this + " to " + next);
        }
        return next;
    }
}
