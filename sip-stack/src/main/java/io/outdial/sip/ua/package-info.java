/**
 * The user agent on JAIN-SIP RI: {@link io.outdial.sip.ua.JainSipUserAgent} owns the stack and its listening points,
 * {@link io.outdial.sip.ua.OutboundLeg} is the RFC 3261 UAC state machine of one INVITE dialog with its RTP endpoint
 * (set up by {@link io.outdial.sip.ua.InviteClient}: the INVITE, its answer or rejection, and the CANCEL race),
 * {@link io.outdial.sip.ua.LegDtmf} sends a leg's DTMF (RFC 4733 events, or SIP INFO when the far end negotiated no
 * telephone-event), {@link io.outdial.sip.ua.ReliableProvisionals} PRACKs reliable 18x (RFC 3262),
 * {@link io.outdial.sip.ua.SessionRefresher} runs session timers (RFC 4028) on the clock of
 * {@link io.outdial.sip.ua.SessionTimer}, {@link io.outdial.sip.ua.FarEndHold} answers the far end's hold and retrieve,
 * and {@link io.outdial.sip.ua.LegBridge} relays two answered legs. {@link io.outdial.sip.ua.SipDispatcher} is the only
 * JAIN-SIP listener: on a stack thread it only finds the leg by Call-ID ({@link io.outdial.sip.ua.LegRegistry}) and
 * hands the event to that leg's call executor (out-of-dialog requests to a worker), so no stack thread ever blocks;
 * for a request outside our legs it first asks {@link io.outdial.sip.ua.OutOfDialogGate} (the per-source limit and
 * stateless refusals of {@code ua.guard}). Only this package, {@code ua.guard} and {@code ua.logging} touch
 * {@code javax.sip}.
 */
package io.outdial.sip.ua;
