/**
 * Where the gateway's code runs: {@link io.outdial.core.exec.CallExecutor}, the serial executor (an actor) of one call
 * or of the dialer, over the shared {@link io.outdial.core.exec.WorkerPools}; the {@link io.outdial.core.exec.Scheduler}
 * its timers come from ({@link io.outdial.core.exec.SystemScheduler} in production, {@code VirtualScheduler} from the
 * test jar in tests); and {@link io.outdial.core.exec.Continuations}, so that a continuation never fails silently.
 * Knows nothing of SIP, media or campaigns.
 */
package io.outdial.core.exec;
