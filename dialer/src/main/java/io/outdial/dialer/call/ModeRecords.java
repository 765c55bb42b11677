package io.outdial.dialer.call;

import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.agent.InteractionIds;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.dnc.RecordSource;
import io.outdial.dialer.store.CallingRecord;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The calling-list records the paced modes dial, from retrieval to the write back: where each comes from (the record
 * source, with its pre-dial check), how it becomes an interaction (the next id of the owning mode, the campaign's
 * Record Information fields), and the retried writes that give it back or set its result. Safe from any thread.
 *
 * @param source where every dialing mode gets its records: retrieval plus the pre-dial (do-not-call) check
 * @param ids    the one source of interaction ids, whose prefix names the owning mode
 * @param writes the dialer's one set of record writes, for every mode and desk (shutdown waits for them all)
 */
public record ModeRecords(RecordSource source, InteractionIds ids, RecordWrites writes) {

    /** The next record of {@code campaign} to dial, retrieved for {@code agentId} (null: for no agent yet). */
    CompletableFuture<Optional<CallingRecord>> next(Campaign campaign, String agentId) {
        return source.next(campaign, agentId);
    }

    /** {@code record} as {@code owner}'s next interaction on {@code campaign}, with the campaign's record fields. */
    Interaction interaction(InteractionIds.Owner owner, Campaign campaign, CallingRecord record) {
        Interaction interaction = new Interaction(ids.next(owner), campaign.name(), record);
        interaction.recordFields(campaign.plan().work().fields());
        return interaction;
    }
}
