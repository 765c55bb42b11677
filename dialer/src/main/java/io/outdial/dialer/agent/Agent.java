package io.outdial.dialer.agent;

/** A configured agent and where it stands right now. Confined to the dialer executor. */
public final class Agent {
    private final AgentProfile profile;
    /** Volatile so metrics may read it from the scrape thread; written only on the dialer executor. */
    private volatile AgentState state = AgentState.LOGGED_OUT;
    private Desktop desktop = Desktop.NONE;
    private String phone;
    /** The agent's phone is the one registered as the agent (no URI given at login or in config). */
    private boolean registeredPhone;
    private PhoneDirectory directory = PhoneDirectory.NONE;
    private Interaction interaction;
    private boolean notReadyAfterCall;
    private boolean logoutAfterCall;
    private AgentRoster.StateListener stateListener;
    private OutboundPreviewState outboundPreview = OutboundPreviewState.LOGGED_OUT;

    public Agent(AgentProfile profile) {
        this.profile = profile;
        this.phone = profile.phone();
    }

    public String id() {
        return profile.id();
    }

    public AgentProfile profile() {
        return profile;
    }

    public AgentState state() {
        return state;
    }

    /** Moves to {@code next} (throws on a move the table forbids) and tells the desktop. */
    public void moveTo(AgentState next, String reason) {
        moveTo(next, reason, null);
    }

    /** Like {@link #moveTo} but answering a desktop request, echoing its id. */
    public void moveTo(AgentState next, String reason, String requestId) {
        AgentState previous = state;
        state = state.moveTo(next);
        if (next == AgentState.LOGGED_OUT && outboundPreview != OutboundPreviewState.LOGGED_OUT) {
            // Logging out closes every channel; the desktop is told of the voice channel only.
            outboundPreview = outboundPreview.moveTo(OutboundPreviewState.LOGGED_OUT);
        }
        desktop.agentState(requestId, id(), state, reason);
        if (stateListener != null) {
            stateListener.moved(this, previous);
        }
    }

    /** The outbound-preview channel (push preview), separate from the voice state. */
    public OutboundPreviewState outboundPreview() {
        return outboundPreview;
    }

    /** Moves the outbound-preview channel (throws on a move the table forbids) and tells the desktop. */
    public void moveOutboundPreview(OutboundPreviewState next, String reason, String requestId) {
        outboundPreview = outboundPreview.moveTo(next);
        desktop.outboundPreviewState(requestId, id(), next, reason);
    }

    void stateListener(AgentRoster.StateListener listener) {
        this.stateListener = listener;
    }

    /** What this agent's desktop is told: {@link Desktop#NONE} for a phone-only agent or a closed desktop. */
    public Desktop desktop() {
        return desktop;
    }

    /** True while a desktop is attached (it may be closing: then it tells nothing). */
    public boolean hasDesktop() {
        return desktop != Desktop.NONE;
    }

    /** Attaches a desktop, or detaches it with {@code null}. */
    public void desktop(Desktop desktop) {
        this.desktop = desktop == null ? Desktop.NONE : desktop;
    }

    /**
     * The SIP URI campaign calls are delivered to: the fixed one given, or the phone registered as this agent right
     * now (behind NAT, at the address its REGISTER came from); a lapsed registration leaves the last one known.
     */
    public String phone() {
        if (registeredPhone) {
            directory.registeredPhone(id()).ifPresent(p -> phone = p);
        }
        return phone;
    }

    /** A fixed phone URI. */
    public void phone(String phone) {
        this.phone = phone;
        this.registeredPhone = false;
    }

    /** Calls go to the phone registered as this agent ({@code current} is where it is registered now). */
    public void useRegisteredPhone(String current) {
        this.phone = current;
        this.registeredPhone = true;
    }

    /** True if calls follow the agent's registration rather than a fixed URI. */
    public boolean usesRegisteredPhone() {
        return registeredPhone;
    }

    void directory(PhoneDirectory directory) {
        this.directory = directory;
    }

    /** The campaign call this agent is working, or null. */
    public Interaction interaction() {
        return interaction;
    }

    public void interaction(Interaction interaction) {
        this.interaction = interaction;
    }

    /** Not Ready was asked during a call: applied at Mark Done. */
    public boolean notReadyAfterCall() {
        return notReadyAfterCall;
    }

    public void notReadyAfterCall(boolean value) {
        this.notReadyAfterCall = value;
    }

    /** The desktop went away during a call: log out once the call is done. */
    public boolean logoutAfterCall() {
        return logoutAfterCall;
    }

    public void logoutAfterCall(boolean value) {
        this.logoutAfterCall = value;
    }
}
