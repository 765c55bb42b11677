package io.outdial.dialer.treatment;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.TreatmentStep;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Every campaign's treatments and attempt limit, looked up by the campaign a record belongs to: the dialer reads
 * them from the campaign itself ({@code Campaigns.treatments}, {@code Campaigns.maxAttempts}).
 */
public final class CampaignTreatments {
    private final Function<String, Treatments> treatments;
    private final ToIntFunction<String> maxAttempts;

    /**
     * @param treatments  a campaign's treatments by its name ({@link Treatments#NONE} when it has none)
     * @param maxAttempts a campaign's attempt limit by its name
     */
    public CampaignTreatments(Function<String, Treatments> treatments, ToIntFunction<String> maxAttempts) {
        this.treatments = treatments;
        this.maxAttempts = maxAttempts;
    }

    /** Whether {@code campaign} has a treatment of its own for {@code result}. */
    public boolean has(String campaign, CallResult result) {
        return treatments.apply(campaign).forResult(result).isPresent();
    }

    /**
     * The step for {@code record} (as it was retrieved, before this attempt was counted) whose attempt just gave
     * its final {@code result}.
     */
    public TreatmentStep decide(CallingRecord record, CallResult result, Instant now) {
        return treatments.apply(record.campaign()).decide(result, record.attempt() + 1,
                maxAttempts.applyAsInt(record.campaign()), now, ZoneId.of(record.tz()));
    }
}
