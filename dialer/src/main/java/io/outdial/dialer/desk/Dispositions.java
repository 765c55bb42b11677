package io.outdial.dialer.desk;

import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.wrapup.Callback;
import io.outdial.dialer.wrapup.Disposition;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispositions: checks what an agent sets against the campaign's list of codes, and at Mark Done writes the
 * interaction to the record's contact history and a do-not-call wish to the campaign's do-not-call list.
 */
public final class Dispositions {
    private static final Logger LOG = LoggerFactory.getLogger(Dispositions.class);
    /** Longest note kept (the contact_history column). */
    static final int MAX_NOTE = 4000;

    private final Scheduler clock;
    private final StoreAccess store;
    /** A campaign's codes by its name: read from the campaign itself ({@link Campaigns#dispositionCodes}). */
    private final Function<String, List<String>> codesOf;

    /**
     * @param clock   the dialer's clock (virtual in tests), which dates each history entry
     * @param codesOf a campaign's disposition codes by its name, empty for an unknown name (the dialer reads them
     *                from the campaign itself, {@link Campaigns#dispositionCodes})
     */
    public Dispositions(Scheduler clock, StoreAccess store, Function<String, List<String>> codesOf) {
        this.clock = clock;
        this.store = store;
        this.codesOf = codesOf;
    }

    /** The campaign's disposition codes, in configuration order (empty for an unknown campaign). */
    public List<String> codes(String campaign) {
        return codesOf.apply(campaign);
    }

    /** The disposition as set, or a {@link Refused} naming what is wrong (an unknown code names the list). */
    public Disposition check(String campaign, String code, Boolean doNotCall, String note) {
        String trimmed = code == null || code.isBlank() ? null : code.trim();
        if (trimmed != null) {
            List<String> codes = codes(campaign);
            if (!codes.contains(trimmed)) {
                throw new Refused(Refused.Why.UNKNOWN_DISPOSITION, "disposition code '" + trimmed
                        + "' is not one of campaign '" + campaign + "''s codes: "
                        + (codes.isEmpty() ? "it has none" : String.join(", ", codes)));
            }
        }
        if (note != null && note.length() > MAX_NOTE) {
            throw new Refused(Refused.Why.BAD_REQUEST, "note is " + note.length() + " characters long; at most "
                    + MAX_NOTE + " are kept");
        }
        return new Disposition(trimmed, Boolean.TRUE.equals(doNotCall), note == null || note.isBlank() ? null : note);
    }

    /**
     * Mark Done's writes: the interaction in the contact history (with its callback, if one was scheduled), and
     * the contact's number on the campaign's do-not-call list if asked. Runs on the database pool.
     */
    public CompletableFuture<Void> write(Agent agent, Interaction ix) {
        CallingRecord record = ix.record();
        Disposition d = ix.disposition();
        Callback cb = ix.callback();
        CallResult result = ix.callResult() == null ? CallResult.UNKNOWN : ix.callResult();
        ContactHistoryEntry entry = new ContactHistoryEntry(record.recordId(), ix.campaign(), ix.id(), agent.id(),
                record.contactInfo(), result, d.code(), d.doNotCall(), d.note(), cb == null ? null : cb.at(),
                cb == null ? null : cb.type(), clock.now());
        return store.update(s -> {
            if (d.doNotCall()) {
                s.doNotCall().add(record.contactInfo(), ix.campaign());
                LOG.info("campaign {}: {} added to the do-not-call list by {}", ix.campaign(), record.contactInfo(),
                        agent.id());
            }
            s.ledger().addHistory(entry);
        });
    }
}
