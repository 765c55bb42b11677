/**
 * Threads and time for calls, which are not SIP-specific (issue 19 plans to move them out of sip-stack):
 * {@link io.outdial.sip.call.CallExecutor} is one call's serial executor (an actor over a shared worker pool, hand-off
 * without a lock), {@link io.outdial.sip.call.WorkerPools} builds that pool and the database pool,
 * {@link io.outdial.sip.call.Scheduler} is injected time ({@link io.outdial.sip.call.SystemScheduler}, one hashed-wheel
 * timer thread whose tasks only enqueue, or {@link io.outdial.sip.call.VirtualScheduler} for tests), and
 * {@link io.outdial.sip.call.Continuations} logs async continuations that throw. Depends on no other package of the
 * module.
 */
package io.outdial.sip.call;
