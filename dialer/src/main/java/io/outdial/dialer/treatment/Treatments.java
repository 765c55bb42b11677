package io.outdial.dialer.treatment;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.TreatmentStep;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * A campaign's treatments (ARCHITECTURE.md section 7): for each call result at most one, applied when a record's
 * result is final (the call ended without an agent, or the agent marked it Done without a callback). Pure: time
 * comes in as an argument.
 */
public record Treatments(List<Treatment> list) {
    public static final Treatments NONE = new Treatments(List.of());

    public Treatments {
        list = List.copyOf(list);
        for (int i = 0; i < list.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (list.get(i).result() == list.get(j).result()) {
                    throw new IllegalArgumentException("two treatments for " + list.get(i).result().label());
                }
            }
        }
    }

    public Optional<Treatment> forResult(CallResult result) {
        return list.stream().filter(t -> t.result() == result).findFirst();
    }

    /**
     * The step for a record whose attempt number {@code attempts} (counting the one that just ended) gave
     * {@code result}. Retries stop at {@code maxAttempts}: the record is then done. A retry at a date that has
     * passed is done too, never dialed at once.
     */
    public TreatmentStep decide(CallResult result, int attempts, int maxAttempts, Instant now, ZoneId zone) {
        Optional<Treatment> found = forResult(result);
        if (found.isEmpty()) {
            return TreatmentStep.DONE;
        }
        Treatment t = found.get();
        switch (t.action()) {
            case CANCEL:
                return TreatmentStep.CANCEL;
            case NEXT_IN_CHAIN:
                return TreatmentStep.nextInChain(now.plus(t.after()));
            case RETRY:
                if (attempts >= maxAttempts) {
                    return TreatmentStep.DONE;
                }
                return TreatmentStep.retry(now.plus(t.after()).plus(t.increment().multipliedBy(
                        Math.max(0, attempts - 1))));
            case RETRY_AT:
                if (attempts >= maxAttempts) {
                    return TreatmentStep.DONE;
                }
                Instant due = retryAt(t, now, zone);
                return due.isAfter(now) ? TreatmentStep.retry(due) : TreatmentStep.DONE;
            default:
                throw new IllegalStateException("unknown action " + t.action());
        }
    }

    private static Instant retryAt(Treatment t, Instant now, ZoneId zone) {
        if (t.atDate() != null) {
            return t.atDate().atZone(zone).toInstant();
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.with(t.atTime());
        return (today.isAfter(local) ? today : today.plusDays(1).with(t.atTime())).toInstant();
    }
}
