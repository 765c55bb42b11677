package io.outdial.dialer.store;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The store as the dialer's desks reach it: every query and update runs on the bounded database pool, never on the
 * caller's thread (the dialer executor, an event loop or a SIP thread), and comes back as a future. A part that
 * holds this needs neither the store nor the pool itself.
 */
public final class StoreAccess {
    private final CallingListStore store;
    private final Executor database;

    public StoreAccess(CallingListStore store, Executor database) {
        this.store = Objects.requireNonNull(store);
        this.database = Objects.requireNonNull(database);
    }

    /** {@code query} on the database pool; its result, or its failure. */
    public <T> CompletableFuture<T> query(Function<CallingListStore, ? extends T> query) {
        return CompletableFuture.supplyAsync(() -> query.apply(store), database);
    }

    /** {@code update} on the database pool; done, or its failure. */
    public CompletableFuture<Void> update(Consumer<CallingListStore> update) {
        return CompletableFuture.runAsync(() -> update.accept(store), database);
    }

    /**
     * {@code query} of {@code first}'s value on the database pool once {@code first} succeeded; {@code first}'s
     * failure skips it.
     */
    public <T, U> CompletableFuture<U> queryAfter(CompletableFuture<T> first,
                                                  BiFunction<? super T, CallingListStore, ? extends U> query) {
        return first.thenApplyAsync(value -> query.apply(value, store), database);
    }

    /** {@code update} on the database pool once {@code first} succeeded; {@code first}'s failure skips it. */
    public CompletableFuture<Void> updateAfter(CompletableFuture<?> first, Consumer<CallingListStore> update) {
        return first.thenRunAsync(() -> update.accept(store), database);
    }
}
