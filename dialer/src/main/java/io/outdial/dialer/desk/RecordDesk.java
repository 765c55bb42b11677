package io.outdial.dialer.desk;

import io.outdial.dialer.agent.Desktop;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.ContactEdits;

import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working a record's data from the desktop: edits of the Record Information (checked against the campaign's fields,
 * persisted into the record's custom fields) and the contact history view. Called on the dialer executor; the
 * store work runs on the database pool and the reply comes back on the dialer executor.
 */
public final class RecordDesk {
    private static final Logger LOG = LoggerFactory.getLogger(RecordDesk.class);

    private final CallExecutor dialer;
    private final Scheduler clock;
    private final StoreAccess store;

    /**
     * @param dialer the dialer executor, where the replies are sent from
     * @param clock  the dialer's clock (virtual in tests)
     */
    public RecordDesk(CallExecutor dialer, Scheduler clock, StoreAccess store) {
        this.dialer = dialer;
        this.clock = clock;
        this.store = store;
    }

    /** UpdateRecordFields: all or nothing; RecordFieldsUpdated once stored. */
    public void update(Agent agent, Interaction ix, Map<String, Object> edit, String requestId) {
        refuseIfNotEditable(agent, ix);
        Map<String, String> changes = ix.recordFields().check(edit);
        long recordId = ix.record().recordId();
        Map<String, String> before = Map.copyOf(ix.record().customFields());
        java.time.Instant at = clock.now();
        store.query(s -> {
            CallingRecord stored = s.updateCustomFields(recordId, changes);
            // Kept in the contact directory's history of changes (a failure here is logged, the edit stands).
            try {
                s.contactEdits().changed(recordId, ix.id(), agent.id(), before, changes, at);
            } catch (RuntimeException e) {
                LOG.warn("record {}: the change of {} was saved but not kept in its history", recordId,
                        changes.keySet(), e);
            }
            return stored;
        })
                .whenCompleteAsync(Continuations.logged("RecordDesk.update", (stored, error) -> {
                    if (error != null) {
                        LOG.warn("record {}: Record Information not saved", recordId, error);
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "the Record"
                                + " Information of record " + recordId + " could not be saved: nothing changed");
                        return;
                    }
                    ix.record(stored);
                    LOG.info("campaign {}: record {} fields {} changed by {}", ix.campaign(), recordId,
                            changes.keySet(), agent.id());
                    agent.desktop().recordFieldsUpdated(requestId, ix, stored);
                }), dialer);
    }

    /** GetContactHistory: the record's finished interactions, oldest first. */
    public void history(Agent agent, Interaction ix, String requestId) {
        if (ix.recordHidden()) {
            throw new Refused(Refused.Why.RECORD_HIDDEN, "GetContactHistory is not allowed yet: the record is"
                    + " shown once the contact connects");
        }
        long recordId = ix.record().recordId();
        store.query(s -> s.ledger().history(recordId))
                .whenCompleteAsync(Continuations.logged("RecordDesk.history", (entries, error) -> {
                    if (error != null) {
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "the contact history"
                                + " of record " + recordId + " could not be read: " + error.getMessage());
                        return;
                    }
                    agent.desktop().contactHistory(requestId, ix, recordId, entries);
                }), dialer);
    }

    /** GetContactNumbers: the records of the contact's chain, each marked selectable for ChangeNumber or not. */
    public void numbers(Agent agent, Interaction ix, String requestId) {
        if (ix.recordHidden()) {
            throw new Refused(Refused.Why.RECORD_HIDDEN, "GetContactNumbers is not allowed yet: the record is"
                    + " shown once the contact connects");
        }
        long recordId = ix.record().recordId();
        java.time.Instant now = clock.now();
        store.query(s -> s.agentDials().chainOf(recordId))
                .whenCompleteAsync(Continuations.logged("RecordDesk.numbers", (chain, error) -> {
                    if (error != null) {
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "the numbers of"
                                + " record " + recordId + "'s contact could not be read: " + error.getMessage());
                        return;
                    }
                    agent.desktop().contactNumbers(requestId, ix, recordId, chain.stream()
                            .map(r -> new Desktop.ChainNumber(r, r.recordId() != recordId
                                    && r.status() == io.outdial.dialer.record.RecordStatus.READY
                                    && r.recordType() != io.outdial.dialer.record.RecordType.NO_CALL
                                    && r.isWithinCallingHours(now)))
                            .toList());
                }), dialer);
    }

    /** GetContactDirectory: the contact's details, its chain and the changes agents made to its fields. */
    public void directory(Agent agent, Interaction ix, String requestId) {
        if (ix.recordHidden()) {
            throw new Refused(Refused.Why.RECORD_HIDDEN, "GetContactDirectory is not allowed yet: the record"
                    + " is shown once the contact connects");
        }
        long recordId = ix.record().recordId();
        record Directory(CallingRecord record, List<CallingRecord> chain, List<ContactEdits.FieldChange> changes) {
        }
        store.query(s -> new Directory(s.find(recordId).orElse(ix.record()), s.agentDials().chainOf(recordId),
                s.contactEdits().of(recordId)))
                .whenCompleteAsync(Continuations.logged("RecordDesk.directory", (d, error) -> {
                    if (error != null) {
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR, "the contact of"
                                + " record " + recordId + " could not be read: " + error.getMessage());
                        return;
                    }
                    agent.desktop().contactDirectory(requestId, ix, d.record(), d.chain(), d.changes());
                }), dialer);
    }

    /** SearchContacts (the campaign already checked): the contacts found, on the database pool. */
    public void searchContacts(Agent agent, String campaign, String query, String requestId) {
        String q = query.trim();
        if (q.length() < 2 || q.length() > 100) {
            throw new Refused(Refused.Why.BAD_REQUEST, "SearchContacts: query must be 2 to 100 characters");
        }
        store.query(s -> s.contactEdits().search(campaign, q))
                .whenCompleteAsync(Continuations.logged("RecordDesk.searchContacts", (found, error) -> {
                    if (error != null) {
                        agent.desktop().refused(requestId, Refused.Why.INTERNAL_ERROR,
                                "SearchContacts failed: " + error.getMessage());
                        return;
                    }
                    agent.desktop().contactsFound(requestId, campaign, q, found);
                }), dialer);
    }

    /** Record Information can be edited while previewed, talking or wrapping up; never after Mark Done. */
    private static void refuseIfNotEditable(Agent agent, Interaction ix) {
        Interaction.Stage stage = ix.stage();
        if (stage == Interaction.Stage.DONE) {
            throw new Refused(Refused.Why.WRONG_STATE, "UpdateRecordFields is not allowed while "
                    + agent.state().wireName() + ": the interaction is done; its Record Information is read-only");
        }
        if (ix.recordHidden() || stage == Interaction.Stage.ESTABLISHING || stage == Interaction.Stage.DIALING) {
            throw new Refused(Refused.Why.WRONG_STATE, "UpdateRecordFields is not allowed while "
                    + agent.state().wireName() + ": the contact is not connected yet");
        }
    }
}
