package io.outdial.dialer.cluster;

import io.outdial.dialer.store.RecordLeases;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this gateway's leases alive and reclaims lapsed ones (ADR 0016): three times per lease duration it renews
 * every lease it holds, then settles every Retrieved record whose lease lapsed (a gateway that died or lost the
 * store). Runs on a thread of its own: the work is blocking JDBC and must not wait behind the dialer's store work.
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final RecordLeases leases;
    private final ScheduledExecutorService timer;
    private final AtomicLong reclaimed = new AtomicLong();

    private LeaseKeeper(RecordLeases leases) {
        this.leases = leases;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outdial-leases");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts renewing and reclaiming every {@code leases.settings().renewEvery()}. */
    public static LeaseKeeper start(RecordLeases leases) {
        LeaseKeeper k = new LeaseKeeper(leases);
        long every = leases.settings().renewEvery().toMillis();
        k.timer.scheduleWithFixedDelay(k::tick, every, every, TimeUnit.MILLISECONDS);
        return k;
    }

    /** Records this gateway took back from lapsed leases since it started (whoever held them). */
    public long reclaimed() {
        return reclaimed.get();
    }

    private void tick() {
        try {
            leases.renew();
            reclaimed.addAndGet(leases.reclaimLapsed().total());
        } catch (RuntimeException e) {
            // A store blip: the next tick tries again, well inside the lease (three ticks per lease).
            LOG.warn("lease renewal of gateway {} failed: {}", leases.settings().gatewayId(), e.toString());
        }
    }

    /** Stops renewing: the leases still held lapse one lease duration later (then any gateway settles them). */
    @Override
    public void close() {
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
