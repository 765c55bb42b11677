package io.outdial.dialer.treatment;

import io.outdial.dialer.record.CallResult;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;

/**
 * One treatment of a campaign: what to do with a record whose attempt ended with {@code result}.
 *
 * @param after     RETRY and NEXT_IN_CHAIN: the delay before the next dial
 * @param increment RETRY: added to the delay for each attempt the record already had (first retry after
 *                  {@code after}, second after {@code after + increment}, ...)
 * @param atDate    RETRY_AT: a date and time in the contact's time zone, or null
 * @param atTime    RETRY_AT: a time of day in the contact's time zone (the next one to come), or null
 */
public record Treatment(CallResult result, TreatmentAction action, Duration after, Duration increment,
                        LocalDateTime atDate, LocalTime atTime) {

    public Treatment {
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(action, "action");
        after = after == null ? Duration.ZERO : after;
        increment = increment == null ? Duration.ZERO : increment;
        if (after.isNegative() || increment.isNegative()) {
            throw new IllegalArgumentException("delays must not be negative");
        }
        if (action == TreatmentAction.RETRY_AT && (atDate == null) == (atTime == null)) {
            throw new IllegalArgumentException("retry_at needs exactly one of a date-time or a time of day");
        }
    }

    public static Treatment retry(CallResult result, Duration after, Duration increment) {
        return new Treatment(result, TreatmentAction.RETRY, after, increment, null, null);
    }

    public static Treatment retryAt(CallResult result, LocalDateTime at) {
        return new Treatment(result, TreatmentAction.RETRY_AT, null, null, at, null);
    }

    public static Treatment retryAt(CallResult result, LocalTime at) {
        return new Treatment(result, TreatmentAction.RETRY_AT, null, null, null, at);
    }

    public static Treatment nextInChain(CallResult result, Duration after) {
        return new Treatment(result, TreatmentAction.NEXT_IN_CHAIN, after, null, null, null);
    }

    public static Treatment cancel(CallResult result) {
        return new Treatment(result, TreatmentAction.CANCEL, null, null, null, null);
    }
}
