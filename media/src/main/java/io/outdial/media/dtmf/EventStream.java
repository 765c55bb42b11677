package io.outdial.media.dtmf;

import io.netty.buffer.ByteBuf;

/**
 * The outbound stream of one endpoint as a {@link DtmfSender} sees it. Called on the endpoint's event loop only.
 * While an event plays (from {@link #beginEvent} to {@link #endEvent}) the endpoint sends nothing else, so the
 * peer never hears a relayed phone's audio over a digit.
 */
public interface EventStream {

    /** The telephone-event payload type the peer negotiated, or -1 if it did not. */
    int telephoneEventPt();

    /** Holds back every other source and returns the timestamp of an event starting now. */
    int beginEvent();

    /** Sends one event packet (SSRC and sequence number stamped by the stream), taking ownership of one reference. */
    void sendEvent(ByteBuf packet);

    /** Lets other sources through again, their timestamps going on after the event's {@code durationSamples}. */
    void endEvent(int eventTimestamp, int durationSamples);
}
