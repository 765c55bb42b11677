package io.outdial.dialer.agent;

import io.outdial.media.detect.Detection;
import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.recordinfo.RecordFields;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.wrapup.Callback;
import io.outdial.dialer.wrapup.Disposition;
import io.outdial.core.exec.Cancellable;
import java.util.concurrent.CompletableFuture;

/** One campaign call as its agent works it: from the agent's phone ringing to Mark Done. Dialer-executor confined. */
public final class Interaction {

    /**
     * Where the interaction stands on the agent's desktop, with the moves it may make. docs/cti-protocol.md draws the
     * part a desktop sees; the table also has the gateway's own moves (Dialing, before the desktop hears of it).
     */
    public enum Stage implements State<Stage> {
        PREVIEW, DIALING, RINGING,
        /** Engaging phase (assured connection, ASM): the agent is on the line, the contact not yet connected. */
        ESTABLISHING,
        ESTABLISHED, ON_HOLD,
        /** Blind transfer under way: the contact is on hold while the target's phone is dialed. */
        TRANSFERRING,
        /** Conference: the target is dialed (the contact on hold), then contact, agent and target are mixed. */
        CONFERENCE,
        /** Consultation: the contact is on hold while the agent dials, then talks with, the consulted party. */
        CONSULTING,
        RELEASED, DONE;

        private static final Transitions<Stage> MOVES = Transitions.of(Stage.class, "interaction")
                .entry(DIALING)
                // Shown for preview (interaction preview), ringing the agent, engaged first (ASM), or answered by an
                // agent phone that sent no 180; ended before the agent talked (Done) or after (Released).
                .from(DIALING).to(PREVIEW, RINGING, ESTABLISHING, ESTABLISHED, RELEASED, DONE)
                // Call, Accept, auto-dial; ChangeNumber previews again; Decline, Reject, timeout end it.
                .from(PREVIEW).to(PREVIEW, DIALING, RINGING, ESTABLISHED, RELEASED, DONE)
                // A transfer or conference target's interaction rings, then joins the conference directly.
                .from(RINGING).to(ESTABLISHED, CONFERENCE, RELEASED, DONE)
                .from(ESTABLISHING).to(ESTABLISHED, RELEASED, DONE)
                .from(ESTABLISHED).to(ESTABLISHED, ON_HOLD, TRANSFERRING, CONFERENCE, CONSULTING, RELEASED)
                .from(ON_HOLD).to(ESTABLISHED, RELEASED)
                .from(TRANSFERRING).to(ESTABLISHED, RELEASED)
                .from(CONFERENCE).to(ESTABLISHED, RELEASED)
                .from(CONSULTING).to(ESTABLISHED, CONFERENCE, RELEASED)
                // Mark Done; ChangeNumber or Recall after the call (preview modes); a second end of the same call.
                .from(RELEASED).to(RELEASED, PREVIEW, RINGING, DONE)
                // Preview: the record in hand is previewed again (ChangeNumber to another record after Done).
                .from(DONE).to(PREVIEW)
                .build();

        @Override
        public Transitions<Stage> transitions() {
            return MOVES;
        }
    }

    private final String id;
    private final String campaign;
    /** Replaced when the agent edits Record Information (the stored record after the edit). */
    private CallingRecord record;
    /** The campaign's Record Information fields, shown with the record; none unless set. */
    private RecordFields recordFields = RecordFields.NONE;
    /** DIALING until the contact answers: the desktop hears of an interaction only once its phone rings. */
    private Stage stage = Stage.DIALING;
    private CallResult callResult;
    /** Completes once the call's result is in the store; Mark Done's own write chains on it. */
    private CompletableFuture<Void> stored = new CompletableFuture<>();
    private Cancellable wrapUpTimer;
    private Detection.AmdDecision detected;
    private Disposition disposition = Disposition.NONE;
    private Callback callback;
    /** A ScheduleCallback was refused (a time in the past): Mark Done waits until it is fixed or cancelled. */
    private String callbackProblem;
    /** ASM: the desktop gets an empty record until the contact connects. */
    private boolean recordHidden;
    /** The gateway already closed the record and applied its treatment (a record the pre-dial check refused). */
    private boolean treated;
    /** False once a transfer gave the record to the target agent: this interaction's Mark Done writes nothing. */
    private boolean ownsRecord = true;
    /** Case Information's Origin when a transfer or conference brought the interaction ("Transferred from ..."). */
    private String origin;
    /** After a transfer that required a call result first: call result and Record Information are read-only. */
    private boolean readOnly;

    public Interaction(String id, String campaign, CallingRecord record) {
        this.id = id;
        this.campaign = campaign;
        this.record = record;
    }

    public String id() {
        return id;
    }

    public String campaign() {
        return campaign;
    }

    public CallingRecord record() {
        return record;
    }

    /** Preview ChangeNumber to another record of the contact's chain: the interaction goes on with that record. */
    public void switchRecord(CallingRecord other) {
        this.record = other;
    }

    /** The record as stored after an edit of its Record Information; the record id never changes. */
    public void record(CallingRecord edited) {
        if (edited.recordId() != record.recordId()) {
            throw new IllegalArgumentException("record " + edited.recordId() + " is not record " + record.recordId());
        }
        this.record = edited;
    }

    public RecordFields recordFields() {
        return recordFields;
    }

    public void recordFields(RecordFields fields) {
        this.recordFields = fields;
    }

    public Stage stage() {
        return stage;
    }

    /** Moves the interaction; throws {@link IllegalStateException} for a move {@link Stage}'s table does not have. */
    public void stage(Stage next) {
        if (!stage.canMoveTo(next)) {
            throw new IllegalStateException("interaction " + id + " cannot move from " + stage + " to " + next);
        }
        this.stage = next;
    }

    /** The result the agent set, or null if none yet. */
    public CallResult callResult() {
        return callResult;
    }

    public void callResult(CallResult result) {
        this.callResult = result;
    }

    /** True when the record's result and treatment are already applied: Mark Done writes no treatment again. */
    public boolean treated() {
        return treated;
    }

    public void treated(boolean treated) {
        this.treated = treated;
    }

    public CompletableFuture<Void> stored() {
        return stored;
    }

    public void stored(CompletableFuture<Void> write) {
        this.stored = write;
    }

    /** The automatic Mark Done of a phone-only agent, or null. */
    public Cancellable wrapUpTimer() {
        return wrapUpTimer;
    }

    public void wrapUpTimer(Cancellable timer) {
        this.wrapUpTimer = timer;
    }

    /** The agent's disposition code, do-not-call wish and note; {@link Disposition#NONE} until set. */
    public Disposition disposition() {
        return disposition;
    }

    public void disposition(Disposition disposition) {
        this.disposition = disposition;
    }

    /** The callback to apply at Mark Done, or null. */
    public Callback callback() {
        return callback;
    }

    public void callback(Callback callback) {
        this.callback = callback;
    }

    /** Why the last ScheduleCallback was refused, while it is neither fixed nor cancelled; else null. */
    public String callbackProblem() {
        return callbackProblem;
    }

    public void callbackProblem(String problem) {
        this.callbackProblem = problem;
    }

    /** ASM: whether the desktop sees the record yet (false: an empty record, filled in when the contact connects). */
    public boolean recordHidden() {
        return recordHidden;
    }

    public void recordHidden(boolean hidden) {
        this.recordHidden = hidden;
    }

    /** Whether this interaction's Mark Done writes the record (false once a transfer gave it to the target agent). */
    public boolean ownsRecord() {
        return ownsRecord;
    }

    public void ownsRecord(boolean owns) {
        this.ownsRecord = owns;
    }

    /** The Origin shown when a transfer or conference brought this interaction to its agent, or null. */
    public String origin() {
        return origin;
    }

    public void origin(String text) {
        this.origin = text;
    }

    /** Whether the call result and Record Information are read-only (after a transfer that required a result). */
    public boolean readOnly() {
        return readOnly;
    }

    public void readOnly(boolean locked) {
        this.readOnly = locked;
    }

    /** The answering-machine verdict on the contact, or null. */
    public Detection.AmdDecision detected() {
        return detected;
    }

    public void detected(Detection.AmdDecision verdict) {
        this.detected = verdict;
    }

    /** Case Information; a transferred or conferenced interaction's Origin names the agent it came from. */
    public java.util.Map<String, Object> caseInformation() {
        java.util.Map<String, Object> info = CaseInformation.of(campaign, record);
        if (origin == null) {
            return info;
        }
        java.util.Map<String, Object> brought = new java.util.LinkedHashMap<>(info);
        brought.put("Origin", origin);
        return brought;
    }
}
