package io.outdial.dialer.treatment;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.TreatmentStep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

/** Every campaign's treatments and attempt limit, looked up by the campaign a record belongs to. */
public final class CampaignTreatments {
    private final Map<String, Treatments> treatments;
    private final Map<String, Integer> maxAttempts;

    public CampaignTreatments(Map<String, Treatments> treatments, Map<String, Integer> maxAttempts) {
        this.treatments = Map.copyOf(treatments);
        this.maxAttempts = Map.copyOf(maxAttempts);
    }

    /** Whether {@code campaign} has a treatment of its own for {@code result}. */
    public boolean has(String campaign, CallResult result) {
        return treatments.getOrDefault(campaign, Treatments.NONE).forResult(result).isPresent();
    }

    /**
     * The step for {@code record} (as it was retrieved, before this attempt was counted) whose attempt just gave
     * its final {@code result}.
     */
    public TreatmentStep decide(CallingRecord record, CallResult result, Instant now) {
        return treatments.getOrDefault(record.campaign(), Treatments.NONE).decide(result, record.attempt() + 1,
                maxAttempts.getOrDefault(record.campaign(), 1), now, ZoneId.of(record.tz()));
    }
}
