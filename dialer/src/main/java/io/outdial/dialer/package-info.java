/**
 * The running gateway: {@link io.outdial.dialer.Gateway} wires store, media, SIP, dialer and the agent bridge from one
 * configuration and owns the executors (the {@code dialer} serial executor, the call worker pool, the database pool,
 * the timer); {@link io.outdial.dialer.Main} is the command line; {@link io.outdial.dialer.DialerContext} is the record
 * of shared services handed to the coordinators. It sits on top and should be imported by nobody, but today
 * {@code admin}, {@code call}, {@code preview}, {@code recordinfo}, {@code stats} and {@code wrapup} import it for
 * {@code DialerContext} (and {@code demo} for {@code Gateway}), which closes the dialer's big import cycle
 * (docs/dialer-internals.md, issue 19).
 */
package io.outdial.dialer;
