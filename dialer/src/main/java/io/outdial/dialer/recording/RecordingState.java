package io.outdial.dialer.recording;

import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;

/** Where one call's recording is, from the agent's (or the policy's) start to the end of its file. */
public enum RecordingState implements State<RecordingState> {
    /** Nothing recorded now (before the first start, or after a stop: on demand campaigns may start again). */
    IDLE,
    /** Asked for: waiting for the contact to be bridged to the agent. */
    STARTING,
    RECORDING,
    /** Paused: silence is written in place of the audio. */
    PAUSED,
    /** The call ended: no more recordings of it. */
    ENDED;

    private static final Transitions<RecordingState> MOVES = Transitions.of(RecordingState.class, "recording")
            .entry(IDLE)
            .from(IDLE).to(STARTING, ENDED)
            .from(STARTING).to(RECORDING, IDLE, ENDED)
            .from(RECORDING).to(PAUSED, IDLE, ENDED)
            .from(PAUSED).to(RECORDING, IDLE, ENDED)
            .terminal(ENDED)
            .build();

    @Override
    public Transitions<RecordingState> transitions() {
        return MOVES;
    }
}
