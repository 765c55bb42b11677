package io.outdial.dialer.agent;

import io.outdial.dialer.config.BrowserPhoneSettings;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactEdits;
import io.outdial.dialer.store.ContactHistoryEntry;
import io.outdial.dialer.record.CallResult;
import java.time.Instant;
import java.util.List;

/**
 * What the dialer tells an agent's desktop, in the dialer's own terms: the one way out of the domain towards a desktop
 * protocol. The CTI WebSocket protocol is one implementation ({@code cti.CtiDesktop}, the only code that builds CTI
 * events from these); a second desktop protocol would be another implementation, with no change to the dialing
 * modes or desks that call it. Every call is made on the dialer executor and returns at once (an implementation only
 * queues the message). {@code requestId} is the id of the desktop request being answered, or null for a notice of the
 * dialer's own.
 */
public interface Desktop {

    /** No desktop: a phone-only agent, or one whose desktop went away. Tells nothing. */
    Desktop NONE = new Desktop() { };

    /** False once the desktop has gone: the dialer then treats the agent as having none. */
    default boolean isOpen() {
        return false;
    }

    // The agent's channels.

    /** The voice channel's state changed ({@link Agent#moveTo}). */
    default void agentState(String requestId, String agentId, AgentState state, String reason) { }

    /** The outbound-preview channel's state changed (push preview). */
    default void outboundPreviewState(String requestId, String agentId, OutboundPreviewState state, String reason) { }

    /** One of the agent's campaigns was loaded, started, stopped or unloaded. */
    default void campaign(CampaignChange change, CampaignCard campaign) { }

    // An interaction's course.

    /** The agent's phone is ringing with the interaction's call. */
    default void ringing(Interaction ix) { }

    /** The agent and the contact are connected. */
    default void established(Interaction ix) { }

    /** Assured connection: the agent is held with call-waiting music while the interaction's contact is dialed. */
    default void engaged(Interaction ix) { }

    /** The interaction's data changed (ASM's record once the contact connects; ChangeNumber in preview). */
    default void updated(String requestId, Interaction ix) { }

    default void held(String requestId, Interaction ix) { }

    default void retrieved(String requestId, Interaction ix) { }

    /** The call is over for this agent: After Call Work follows (or the interaction simply ends). */
    default void released(Interaction ix) { }

    /** Mark Done stored the record with {@code result}. */
    default void done(String requestId, Interaction ix, CallResult result) { }

    // Records in the agent's hands before the call.

    /**
     * A record to read before it is dialed.
     *
     * @param offer the push-preview terms (accept timeout, auto-answer, reject allowed), or null for a pulled record
     * @param autoDialIn preview with timed auto-dial: seconds until the record is dialed, or null
     */
    default void preview(String requestId, Interaction ix, PreviewTerms offer, Integer autoDialIn) { }

    default void autoDialPaused(String requestId, Interaction ix) { }

    /** An interaction preview was accepted ({@code auto}: by its auto-answer timer). */
    default void accepted(String requestId, Interaction ix, boolean auto) { }

    /** An interaction preview ended without Accept: the record is back at the top of the calling list. */
    default void rejected(String requestId, Interaction ix, String reason) { }

    /** Decline: the record went back to the list or was cancelled. */
    default void declined(String requestId, Interaction ix, String reason) { }

    /** The campaign has no record to give now. */
    default void noRecord(String requestId, String campaign, String reason) { }

    /** Push preview: records are (or are no longer) delivered to this agent. */
    default void recordDelivery(String requestId, String campaign, boolean delivering, String reason) { }

    /**
     * A record meant for the agent was not dialed: its number is on a do-not-call list.
     *
     * @param interactionId the interaction it was shown in, or null
     * @param reason the refusal's name as documented for desktops
     */
    default void doNotCall(String requestId, String interactionId, CallingRecord record, String reason,
                           boolean nextNumberSelected, String message) { }

    // Replies about a record's data.

    /** UpdateRecordFields stored: {@code stored} is the record as stored now. */
    default void recordFieldsUpdated(String requestId, Interaction ix, CallingRecord stored) { }

    default void contactHistory(String requestId, Interaction ix, long recordId, List<ContactHistoryEntry> entries) { }

    /** The records of the contact's chain, each with whether ChangeNumber may select it. */
    default void contactNumbers(String requestId, Interaction ix, long recordId, List<ChainNumber> numbers) { }

    default void contactDirectory(String requestId, Interaction ix, CallingRecord record, List<CallingRecord> chain,
                                  List<ContactEdits.FieldChange> changes) { }

    default void contactsFound(String requestId, String campaign, String query, List<CallingRecord> found) { }

    // The call's voice recording.

    default void recordingStarted(String requestId, Interaction ix, long recordingId, List<String> agentControl) { }

    default void recordingPaused(String requestId, Interaction ix, long recordingId) { }

    default void recordingResumed(String requestId, Interaction ix, long recordingId) { }

    /** @param reason why it failed, or null */
    default void recordingStopped(String requestId, Interaction ix, long recordingId, RecordingEnd end,
                                  String reason) { }

    // The browser as the agent's phone.

    /** The gateway's SDP answer to the page's offer. */
    default void phoneAnswer(String requestId, String sdp) { }

    default void phoneConnected(String agentId) { }

    default void phoneLost(String agentId, String reason) { }

    /** After a browser-phone login: the STUN/TURN servers the page's peer connection is made with (empty on a LAN). */
    default void phoneSettings(String agentId, List<BrowserPhoneSettings.IceServer> iceServers) { }

    /**
     * After a login: the agent's browser phone was lost at {@code at} while {@code ix} (or no interaction, null) was
     * on it, which the desktop may not have seen.
     */
    default void phoneLostNotice(String agentId, String reason, Instant at, Interaction ix) { }

    // Refusals.

    /**
     * A request (or the dialer's own step for this agent) could not be done, for the same reasons the domain throws
     * {@link Refused} with (a request refused as it is handled is answered by the desktop protocol's dispatch).
     */
    default void refused(String requestId, Refused.Why why, String message) { }

    /** A record of the contact's chain as GetContactNumbers shows it. */
    record ChainNumber(CallingRecord record, boolean selectable) { }

    /** Push preview's terms for one offer; null fields are not offered. */
    record PreviewTerms(Integer acceptTimeout, Integer autoAnswerIn, Boolean rejectAllowed) { }

    /** The four campaign notices an agent receives. */
    enum CampaignChange { LOADED, STARTED, STOPPED, UNLOADED }

    /** How a recording ended. */
    enum RecordingEnd { STOPPED, COMPLETED, FAILED }
}
