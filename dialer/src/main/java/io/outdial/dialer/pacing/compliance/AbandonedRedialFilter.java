package io.outdial.dialer.pacing.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The "no automated redial of an abandoned number for 72 hours" rule as a pure filter the dialer applies to records
 * before dialing them. It knows nothing of the store: the caller says when each number was last abandoned.
 */
public final class AbandonedRedialFilter {
    private final Duration quiet;

    public AbandonedRedialFilter(Duration quiet) {
        if (quiet.isNegative()) {
            throw new IllegalArgumentException("quiet period must not be negative");
        }
        this.quiet = quiet;
    }

    /** The filter of the settings' quiet period (72 h by default). */
    public static AbandonedRedialFilter of(ComplianceSettings settings) {
        return new AbandonedRedialFilter(settings.noRedialAfterAbandon());
    }

    /** True when a number last abandoned at {@code lastAbandoned} (empty: never) may be dialed at {@code now}. */
    public boolean mayDial(Optional<Instant> lastAbandoned, Instant now) {
        return lastAbandoned.map(at -> !now.isBefore(at.plus(quiet))).orElse(true);
    }

    /** When a number last abandoned at {@code lastAbandoned} may be dialed again. */
    public Instant dialableFrom(Instant lastAbandoned) {
        return lastAbandoned.plus(quiet);
    }

    /** The records that may be dialed at {@code now}, in their order; {@code lastAbandoned} looks a record up. */
    public <R> List<R> dialable(List<R> records, Function<R, Optional<Instant>> lastAbandoned, Instant now) {
        List<R> out = new ArrayList<>(records.size());
        for (R r : records) {
            if (mayDial(lastAbandoned.apply(r), now)) {
                out.add(r);
            }
        }
        return out;
    }
}
