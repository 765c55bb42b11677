package io.outdial.dialer.call;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Who waits for a dialing path to have no call left (shutdown drains calls before it stops). Used on the owner's
 * single executor only, so it needs no locks.
 */
public final class IdleWaiters {
    private final List<CompletableFuture<Void>> waiting = new ArrayList<>();

    /** A future completed at the next {@link #idle()}, or at once when the owner is {@code idleNow}. */
    public CompletableFuture<Void> await(boolean idleNow) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        if (idleNow) {
            f.complete(null);
        } else {
            waiting.add(f);
        }
        return f;
    }

    /** The owner has no call left: completes every waiter. */
    public void idle() {
        waiting.forEach(f -> f.complete(null));
        waiting.clear();
    }
}
