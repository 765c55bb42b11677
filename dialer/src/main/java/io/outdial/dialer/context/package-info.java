/**
 * {@link io.outdial.dialer.context.DialerContext}, the record of services the coordinators share (the {@code dialer}
 * serial executor, the worker and database pools, the clock, the store, the SIP user agent, media, metrics, the one
 * source of interaction ids). Out of the root package, so that the coordinators that take it do not import the
 * composition root (ADR 0010). Issue 19 replaces it by narrow collaborators in later steps.
 */
package io.outdial.dialer.context;
