package io.outdial.core.exec;

import java.util.Objects;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Continuations that cannot fail silently. A {@code whenCompleteAsync} action that throws completes a future nobody
 * reads, so the failure vanishes; wrapped in {@link #logged}, it is logged with what the continuation was for.
 */
public final class Continuations {
    private static final Logger LOG = LoggerFactory.getLogger(Continuations.class);

    private Continuations() {
    }

    /** {@code action}, logging (and rethrowing) whatever it throws, named by {@code what}. */
    public static <T> BiConsumer<T, Throwable> logged(String what, BiConsumer<? super T, ? super Throwable> action) {
        Objects.requireNonNull(what, "what");
        Objects.requireNonNull(action, "action");
        return (value, error) -> {
            try {
                action.accept(value, error);
            } catch (RuntimeException | Error e) {
                LOG.error("continuation failed: {}", what, e);
                throw e;
            }
        };
    }
}
