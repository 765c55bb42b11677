/**
 * The gateway's defences against hostile SIP input, ahead of the user agent: {@link
 * io.outdial.sip.ua.guard.GuardedMessageParserFactory} wraps JAIN-SIP's parser so that a message lacking a mandatory
 * header never reaches the stack (whose own code would throw NullPointerExceptions on it) and every parse failure
 * carries a plain reason phrase into the stack's automatic 400; {@link io.outdial.sip.ua.guard.SourceLimiter} is the
 * per-source token bucket for out-of-dialog requests; {@link io.outdial.sip.ua.guard.StatelessRefusals} says which
 * out-of-dialog requests are refused without a server transaction. Refusals are counted in {@link
 * io.outdial.sip.ua.logging.RefusalSummary}, never logged raw. Depends on {@code ua.logging} and {@code
 * io.outdial.sip} only.
 */
package io.outdial.sip.ua.guard;
