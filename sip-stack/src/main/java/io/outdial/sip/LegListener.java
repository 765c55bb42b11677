package io.outdial.sip;

/** Receives a leg's events, in order, on the call's serial executor. Must not block. */
@FunctionalInterface
public interface LegListener {
    void onEvent(LegEvent event);
}
