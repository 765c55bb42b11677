package io.outdial.sip.ua;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The legs the stack still has work for, by Call-ID. A leg leaves only when it is terminal and its last
 * transaction (a BYE after a failed answer, say) is done, so an empty registry means nothing leaks.
 */
final class LegRegistry {
    private final Map<String, OutboundLeg> legs = new ConcurrentHashMap<>();
    private CompletableFuture<Void> idle = CompletableFuture.completedFuture(null);

    synchronized void add(OutboundLeg leg) {
        legs.put(leg.callId(), leg);
        if (idle.isDone()) {
            idle = new CompletableFuture<>();
        }
    }

    synchronized void remove(OutboundLeg leg) {
        legs.remove(leg.callId(), leg);
        if (legs.isEmpty()) {
            idle.complete(null);
        }
    }

    /** The leg of a Call-ID; lock-free, for SIP listener threads. */
    OutboundLeg find(String callId) {
        return callId == null ? null : legs.get(callId);
    }

    int size() {
        return legs.size();
    }

    List<OutboundLeg> all() {
        return List.copyOf(legs.values());
    }

    /** Completes when no leg is left (at once if none is). */
    synchronized CompletableFuture<Void> whenIdle() {
        return idle.copy();
    }
}
