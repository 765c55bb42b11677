package io.outdial.dialer.call;

/**
 * How far a paced contact's answer got, as its call reports it: what {@link ModePolicy#answered} is asked about. A
 * call reports them in this order; each mode acts on the steps that are its own (progressive: its agent rung and
 * bridged; predictive: the pick-up and the verdict that let the contact through, then its agent rung and bridged;
 * engaged: the pick-up, the verdict, and the bridge to the agent already on the line).
 */
enum ContactAnswer {
    /** The contact picked up (before any answering-machine verdict). */
    PICKED_UP,
    /** The analysis let the answered contact through (a person, or a verdict set to connect); at once without AMD. */
    CLEARED,
    /** The contact answered and the call rings its agent's phone (never for an engaged agent: it is on the line). */
    AGENT_RINGING,
    /** Contact and agent are bridged. */
    BRIDGED
}
