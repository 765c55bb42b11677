package io.outdial.dialer.store;

import java.time.Instant;

/**
 * What happens to a record once its result is final.
 *
 * <ul>
 *   <li>{@link Kind#DONE}: the record stays Updated and its contact's chain ends (its other numbers are not dialed);
 *   <li>{@link Kind#RETRY}: back to Ready (Campaign Rescheduled), due at {@code due};
 *   <li>{@link Kind#NEXT_IN_CHAIN}: the record stays Updated; the chain's next Ready number is due at {@code due};
 *   <li>{@link Kind#CANCEL}: the record is Cancelled and its chain ends.
 * </ul>
 */
public record TreatmentStep(Kind kind, Instant due) {
    public enum Kind { DONE, RETRY, NEXT_IN_CHAIN, CANCEL }

    public static final TreatmentStep DONE = new TreatmentStep(Kind.DONE, null);
    public static final TreatmentStep CANCEL = new TreatmentStep(Kind.CANCEL, null);

    public static TreatmentStep retry(Instant due) {
        return new TreatmentStep(Kind.RETRY, due);
    }

    public static TreatmentStep nextInChain(Instant due) {
        return new TreatmentStep(Kind.NEXT_IN_CHAIN, due);
    }
}
