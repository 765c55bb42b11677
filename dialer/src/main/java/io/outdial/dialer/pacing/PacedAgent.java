package io.outdial.dialer.pacing;

/** What the pacer tracks of one agent: its phase and since when (seconds), and its last wait for a call. */
final class PacedAgent {
    /** The phases that matter for pacing (the dialer's finer agent states map onto these). */
    enum Phase { NOT_READY, READY, TALKING, WRAP_UP }

    final String id;
    final String campaign;
    Phase phase = Phase.NOT_READY;
    double since;
    double lastWait;
    double lastTalk;
    /** The agent asked to go Not Ready (or log out) once the current call and wrap-up are over. */
    boolean leavingAfterCall;

    PacedAgent(String id, String campaign, double now) {
        this.id = id;
        this.campaign = campaign;
        this.since = now;
    }

    void moveTo(Phase next, double now) {
        phase = next;
        since = now;
        if (next == Phase.READY || next == Phase.NOT_READY) {
            leavingAfterCall = false;
        }
    }
}
