package io.outdial.dialer.config;

import java.util.ArrayList;
import java.util.List;

/**
 * A campaign's recording policy ({@code recording.campaigns[i]}).
 *
 * @param mode       which calls are recorded
 * @param agentStop  the agent may stop a recording (and, with mode on_demand, start another)
 * @param agentPause the agent may pause and resume a recording (card numbers, PCI DSS)
 */
public record RecordingPolicy(RecordingMode mode, boolean agentStop, boolean agentPause) {

    public static final RecordingPolicy NONE = new RecordingPolicy(RecordingMode.NONE, false, false);

    /** The agent may start a recording: on demand campaigns only. */
    public boolean agentStart() {
        return mode == RecordingMode.ON_DEMAND;
    }

    /** What the desktop may offer, as RecordingStarted's {@code agentControl} lists it. */
    public List<String> agentControl() {
        List<String> control = new ArrayList<>();
        if (agentStart()) {
            control.add("start");
        }
        if (agentStop) {
            control.add("stop");
        }
        if (agentPause) {
            control.add("pause");
        }
        return List.copyOf(control);
    }
}
