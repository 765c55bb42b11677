/**
 * Where every dialing mode gets its records: {@link io.outdial.dialer.dnc.RecordSource} retrieves the next record and
 * checks it before it is dialed, against the internal do-not-call list and, when configured, the HTTP pre-dial
 * validation service ({@link io.outdial.dialer.dnc.PreDialValidation}, asynchronous, never blocking); a refused record
 * closes Do Not Call with a {@link io.outdial.dialer.dnc.DncReason}. A {@link io.outdial.dialer.dnc.Retrieval} is what
 * one retrieval gave. Store work runs on the database pool and futures complete off the dialer executor: callers hop
 * back to it.
 */
package io.outdial.dialer.dnc;
