package io.outdial.bridge.cti;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;
import java.util.Map;

/** Messages to an agent desktop, JSON objects told apart by {@code type}. See docs/cti-protocol.md. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CtiEvent.LoggedIn.class, name = "LoggedIn"),
        @JsonSubTypes.Type(value = CtiEvent.LoggedOut.class, name = "LoggedOut"),
        @JsonSubTypes.Type(value = CtiEvent.AgentStateChanged.class, name = "AgentStateChanged"),
        @JsonSubTypes.Type(value = CtiEvent.CampaignLoaded.class, name = "CampaignLoaded"),
        @JsonSubTypes.Type(value = CtiEvent.CampaignStarted.class, name = "CampaignStarted"),
        @JsonSubTypes.Type(value = CtiEvent.CampaignStopped.class, name = "CampaignStopped"),
        @JsonSubTypes.Type(value = CtiEvent.CampaignUnloaded.class, name = "CampaignUnloaded"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionRinging.class, name = "InteractionRinging"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionEstablished.class, name = "InteractionEstablished"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionEngaged.class, name = "InteractionEngaged"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionUpdated.class, name = "InteractionUpdated"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionHeld.class, name = "InteractionHeld"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionRetrieved.class, name = "InteractionRetrieved"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionReleased.class, name = "InteractionReleased"),
        @JsonSubTypes.Type(value = CtiEvent.TransferStarted.class, name = "TransferStarted"),
        @JsonSubTypes.Type(value = CtiEvent.TransferCompleted.class, name = "TransferCompleted"),
        @JsonSubTypes.Type(value = CtiEvent.ConferenceStarted.class, name = "ConferenceStarted"),
        @JsonSubTypes.Type(value = CtiEvent.ConferenceJoined.class, name = "ConferenceJoined"),
        @JsonSubTypes.Type(value = CtiEvent.ConferencePartyLeft.class, name = "ConferencePartyLeft"),
        @JsonSubTypes.Type(value = CtiEvent.ConsultStarted.class, name = "ConsultStarted"),
        @JsonSubTypes.Type(value = CtiEvent.ConsultEstablished.class, name = "ConsultEstablished"),
        @JsonSubTypes.Type(value = CtiEvent.ConsultEnded.class, name = "ConsultEnded"),
        @JsonSubTypes.Type(value = CtiEvent.CallResultSet.class, name = "CallResultSet"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionDone.class, name = "InteractionDone"),
        @JsonSubTypes.Type(value = CtiEvent.Error.class, name = "Error"),
        @JsonSubTypes.Type(value = CtiEvent.MyCampaigns.class, name = "MyCampaigns"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionPreview.class, name = "InteractionPreview"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionDeclined.class, name = "InteractionDeclined"),
        @JsonSubTypes.Type(value = CtiEvent.AutoDialPaused.class, name = "AutoDialPaused"),
        @JsonSubTypes.Type(value = CtiEvent.NoRecord.class, name = "NoRecord"),
        @JsonSubTypes.Type(value = CtiEvent.DoNotCallNotice.class, name = "DoNotCallNotice"),
        @JsonSubTypes.Type(value = CtiEvent.DispositionSet.class, name = "DispositionSet"),
        @JsonSubTypes.Type(value = CtiEvent.CallbackScheduled.class, name = "CallbackScheduled"),
        @JsonSubTypes.Type(value = CtiEvent.CallbackCancelled.class, name = "CallbackCancelled"),
        @JsonSubTypes.Type(value = CtiEvent.LogoutPending.class, name = "LogoutPending"),
        @JsonSubTypes.Type(value = CtiEvent.LogoutAuthorized.class, name = "LogoutAuthorized"),
        @JsonSubTypes.Type(value = CtiEvent.OutboundPreviewStateChanged.class, name = "OutboundPreviewStateChanged"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionAccepted.class, name = "InteractionAccepted"),
        @JsonSubTypes.Type(value = CtiEvent.InteractionRejected.class, name = "InteractionRejected"),
        @JsonSubTypes.Type(value = CtiEvent.RecordDeliveryChanged.class, name = "RecordDeliveryChanged"),
        @JsonSubTypes.Type(value = CtiEvent.RecordFieldsUpdated.class, name = "RecordFieldsUpdated"),
        @JsonSubTypes.Type(value = CtiEvent.ContactHistory.class, name = "ContactHistory"),
        @JsonSubTypes.Type(value = CtiEvent.ContactNumbers.class, name = "ContactNumbers"),
        @JsonSubTypes.Type(value = CtiEvent.DispositionOptions.class, name = "DispositionOptions"),
        @JsonSubTypes.Type(value = CtiEvent.DtmfSent.class, name = "DtmfSent"),
        @JsonSubTypes.Type(value = CtiEvent.RecordingStarted.class, name = "RecordingStarted"),
        @JsonSubTypes.Type(value = CtiEvent.RecordingPaused.class, name = "RecordingPaused"),
        @JsonSubTypes.Type(value = CtiEvent.RecordingResumed.class, name = "RecordingResumed"),
        @JsonSubTypes.Type(value = CtiEvent.RecordingStopped.class, name = "RecordingStopped"),
        @JsonSubTypes.Type(value = CtiEvent.Responses.class, name = "Responses"),
        @JsonSubTypes.Type(value = CtiEvent.ContactDirectory.class, name = "ContactDirectory"),
        @JsonSubTypes.Type(value = CtiEvent.Contacts.class, name = "Contacts"),
        @JsonSubTypes.Type(value = CtiEvent.PhoneAnswer.class, name = "PhoneAnswer"),
        @JsonSubTypes.Type(value = CtiEvent.PhoneConnected.class, name = "PhoneConnected"),
        @JsonSubTypes.Type(value = CtiEvent.PhoneLost.class, name = "PhoneLost"),
        @JsonSubTypes.Type(value = CtiEvent.PhoneSettings.class, name = "PhoneSettings"),
        @JsonSubTypes.Type(value = CtiEvent.PhoneLostNotice.class, name = "PhoneLostNotice"),
})
public sealed interface CtiEvent {

    /** Login accepted: the agent's voice state and the campaigns the agent works on. */
    record LoggedIn(String requestId, String agentId, String state, List<CampaignInfo> campaigns) implements CtiEvent { }

    /** The agent is logged out; the connection closes after this. */
    record LoggedOut(String requestId, String agentId) implements CtiEvent { }

    /**
     * Negotiated logout: Logout arrived while a call or record holds the agent. {@code secondsLeft} counts down to
     * the authorization; null when the agent is talking or wrapping up and is logged out after Mark Done.
     */
    record LogoutPending(String requestId, String agentId, Integer secondsLeft, String reason) implements CtiEvent { }

    /** The pending logout is authorized ({@code reason}: CallFinished or CountdownEnded); LoggedOut follows. */
    record LogoutAuthorized(String requestId, String agentId, String reason) implements CtiEvent { }

    /** The voice channel changed state (Ready, NotReady, Reserved, Busy, AfterCallWork). */
    record AgentStateChanged(String requestId, String agentId, String state, String reason) implements CtiEvent { }

    record CampaignLoaded(CampaignInfo campaign) implements CtiEvent { }

    record CampaignStarted(CampaignInfo campaign) implements CtiEvent { }

    record CampaignStopped(CampaignInfo campaign) implements CtiEvent { }

    record CampaignUnloaded(CampaignInfo campaign) implements CtiEvent { }

    /** The agent's phone is ringing with a campaign call; carries the record's data. */
    record InteractionRinging(Interaction interaction) implements CtiEvent { }

    /** The agent answered and is talking to the contact. */
    record InteractionEstablished(Interaction interaction) implements CtiEvent { }

    /**
     * Engaging phase (assured connection, ASM): the agent's phone answered and is Connected to the campaign, hearing
     * the call-waiting music while the interaction's contact is dialed (state Establishing). With ASM the record is
     * empty until {@link InteractionUpdated}. Sent again with a new interaction for each record dialed while engaged.
     */
    record InteractionEngaged(Interaction interaction) implements CtiEvent { }

    /**
     * The interaction's data changed: with ASM, the record filled in once the contact connects; in preview, the
     * reply to ChangeNumber to another record of the contact's chain (with its {@code requestId}).
     */
    record InteractionUpdated(String requestId, Interaction interaction) implements CtiEvent {

        /** A change the gateway made on its own (no request). */
        public InteractionUpdated(Interaction interaction) {
            this(null, interaction);
        }
    }

    /** Reply to Hold: the contact is on hold (state OnHold) and hears the hold music. */
    record InteractionHeld(String requestId, Interaction interaction) implements CtiEvent { }

    /** Reply to Retrieve: agent and contact are talking again (state Established). */
    record InteractionRetrieved(String requestId, Interaction interaction) implements CtiEvent { }

    /**
     * Reply to Transfer: the contact is on hold (hold music) and {@code target} (an agent id, or a phone number) is
     * dialed; the interaction's state is Transferring. {@link TransferCompleted} follows, or an Error
     * {@code TRANSFER_FAILED} with an {@link InteractionRetrieved} when the target does not answer.
     */
    record TransferStarted(String requestId, String interactionId, String target) implements CtiEvent { }

    /**
     * The transfer's target answered and talks to the contact; the transferring agent's leg is released and its
     * {@link InteractionReleased} follows. {@code recordOwner}: the agent id that now owns the record (the target
     * agent), or the transferring agent's own id when the target is an outside number.
     */
    record TransferCompleted(String requestId, String interactionId, String target, String recordOwner)
            implements CtiEvent { }

    /**
     * Reply to Conference: the contact is on hold and {@code target} (an agent id, or a phone number) is dialed; the
     * interaction's state is Conference. {@link ConferenceJoined} follows, or an Error {@code CONFERENCE_FAILED}
     * with an {@link InteractionRetrieved}.
     */
    record ConferenceStarted(String requestId, String interactionId, String target) implements CtiEvent { }

    /** The conference's target answered: contact, agent and target hear each other. */
    record ConferenceJoined(String requestId, String interactionId, String target) implements CtiEvent { }

    /**
     * A party left the conference ({@code party}: the agent id, or the outside number); the receiver talks on with
     * the contact, two-party (state Established).
     */
    record ConferencePartyLeft(String requestId, String interactionId, String party) implements CtiEvent { }

    /**
     * Reply to Consult: the contact is on hold (hold music) and {@code target} (an agent id, or a phone number) is
     * dialed; the interaction's state is Consulting. {@link ConsultEstablished} follows, or an Error
     * {@code CONSULT_FAILED} with an {@link InteractionRetrieved} when the target does not answer.
     */
    record ConsultStarted(String requestId, String interactionId, String target) implements CtiEvent { }

    /** The consulted party answered: agent and target talk while the contact hears the hold music. */
    record ConsultEstablished(String requestId, String interactionId, String target) implements CtiEvent { }

    /**
     * The consultation ended without a transfer or conference ({@code reason}: {@code cancelled} by CancelConsult,
     * or {@code target_hung_up}); an {@link InteractionRetrieved} follows: agent and contact talk again.
     */
    record ConsultEnded(String requestId, String interactionId, String target, String reason) implements CtiEvent { }

    /** The call ended; the agent is in after-call work until Mark Done. */
    record InteractionReleased(Interaction interaction) implements CtiEvent { }

    /** Reply to SetCallResult. */
    record CallResultSet(String requestId, String interactionId, String callResult) implements CtiEvent { }

    /** Reply to SendDtmf: the digits have been sent to the contact (their last tone has ended, or its INFO was taken). */
    record DtmfSent(String requestId, String interactionId, String digits) implements CtiEvent { }

    /** Reply to MarkDone: the record is Updated. */
    record InteractionDone(String requestId, String interactionId, String callResult) implements CtiEvent { }

    /**
     * A refused or malformed request; {@code code} is stable, {@code message} is for people. {@code action} names the
     * restricted action when {@code code} is RESTRICTED_WHILE_ENGAGED, {@code field} the Record Information field when
     * {@code code} is INVALID_RECORD_FIELD (each omitted otherwise).
     */
    record Error(String requestId, String code, String message, String action, String field) implements CtiEvent {

        /** An error that names no restricted action. */
        public Error(String requestId, String code, String message) {
            this(requestId, code, message, null, null);
        }

        /** An error that may name a restricted action, and no field. */
        public Error(String requestId, String code, String message, String action) {
            this(requestId, code, message, action, null);
        }
    }

    /** Reply to GetMyCampaigns: the loaded campaigns the agent works on. */
    record MyCampaigns(String requestId, List<CampaignInfo> campaigns) implements CtiEvent { }

    /**
     * A record to read before dialing: preview (reply to GetRecord, or the next one after Done), or an interaction
     * preview to Accept or Reject (push preview, direct push preview, progressive and predictive with
     * {@code preview.interactionPreview}).
     *
     * @param acceptTimeout seconds to Accept or Reject before the record goes back to the list; null for preview
     * @param autoAnswerIn  seconds until the interaction is accepted on the agent's behalf (auto-answer), or null
     * @param rejectAllowed whether Reject is offered (false during an auto-answer countdown without Reject), or null
     * @param autoDialIn    preview with timed auto-dial: seconds until the record is dialed unless the agent Calls,
     *                      Declines or sends PauseAutoDial; null otherwise
     */
    record InteractionPreview(String requestId, Interaction interaction, Integer acceptTimeout, Integer autoAnswerIn,
                              Boolean rejectAllowed, Integer autoDialIn) implements CtiEvent {

        /** A pulled preview record (nothing to accept). */
        public InteractionPreview(String requestId, Interaction interaction) {
            this(requestId, interaction, null, null, null, null);
        }

        /** An interaction preview to Accept or Reject. */
        public InteractionPreview(String requestId, Interaction interaction, Integer acceptTimeout,
                                  Integer autoAnswerIn, Boolean rejectAllowed) {
            this(requestId, interaction, acceptTimeout, autoAnswerIn, rejectAllowed, null);
        }
    }

    /** Reply to PauseAutoDial: the timed auto-dial countdown is held until ChangeNumber (or Call / Decline). */
    record AutoDialPaused(String requestId, String interactionId) implements CtiEvent { }

    /** An interaction preview was accepted, by the agent or ({@code auto}) by the auto-answer countdown. */
    record InteractionAccepted(String requestId, String interactionId, boolean auto) implements CtiEvent { }

    /**
     * An interaction preview ended without Accept; its record is back at the top of the calling list.
     * {@code reason}: Rejected (the agent), Timeout (no answer in time), AutoRejected (no answer in time, and the
     * agent's channel was set Not Ready), Withdrawn (the campaign stopped or the desktop went away).
     */
    record InteractionRejected(String requestId, String interactionId, String reason) implements CtiEvent { }

    /** The outbound-preview channel changed state (Ready, NotReady); separate from the voice channel. */
    record OutboundPreviewStateChanged(String requestId, String agentId, String state, String reason)
            implements CtiEvent { }

    /**
     * Direct push preview: the Get Record / Stop toggle of a campaign. {@code delivering} true after GetRecord,
     * false after StopRecords, Done and Stop, or the campaign stopping.
     */
    record RecordDeliveryChanged(String requestId, String campaign, boolean delivering, String reason)
            implements CtiEvent { }

    /** Reply to Decline: the record went back to the list ({@code later}) or was cancelled ({@code do_not_call}). */
    record InteractionDeclined(String requestId, String interactionId, String reason) implements CtiEvent { }

    /** Preview: the campaign has no record to give now (GetRecord, or Done asking for the next one). */
    record NoRecord(String requestId, String campaign, String reason) implements CtiEvent { }

    /**
     * A record meant for the agent was not dialed: its number is on the do-not-call list ({@code reason}
     * {@code on_list}) or could not be validated ({@code cannot_validate}). With {@code nextNumberSelected} the
     * contact's next number follows (an InteractionPreview); without it the agent marks the record Done
     * ({@code interactionId}) to get the next one. {@code message} is the text to show, word for word.
     */
    record DoNotCallNotice(String requestId, String campaign, String interactionId, long recordId,
                           String contactInfo, String reason, boolean nextNumberSelected, String message)
            implements CtiEvent { }

    /** Reply to SetDisposition: what is now recorded for the interaction. */
    record DispositionSet(String requestId, String interactionId, String dispositionCode, Boolean doNotCall,
                          String note) implements CtiEvent { }

    /**
     * Reply to ScheduleCallback: the callback applied at Mark Done.
     *
     * @param at       the instant, ISO-8601 UTC
     * @param localAt  the same in the contact's time zone, as the agent gave it
     * @param callbackType {@code Personal} or {@code Campaign} ({@code type} names the event)
     * @param from     the record's new daily calling window start ({@code HH:mm}, local), or null when unchanged
     * @param till     its end ({@code HH:mm}, {@code 24:00} for midnight), or null
     */
    record CallbackScheduled(String requestId, String interactionId, String at, String localAt, String timeZone,
                             String callbackType, String phone, String phoneType, String from, String till)
            implements CtiEvent {
        /** Without a new calling window. */
        public CallbackScheduled(String requestId, String interactionId, String at, String localAt, String timeZone,
                                 String callbackType, String phone, String phoneType) {
            this(requestId, interactionId, at, localAt, timeZone, callbackType, phone, phoneType, null, null);
        }
    }

    /** Reply to CancelCallback. */
    record CallbackCancelled(String requestId, String interactionId) implements CtiEvent { }

    /**
     * Reply to UpdateRecordFields: the changes are stored; {@code record} is the record as stored now and
     * {@code recordInformation} the fields with their new values.
     */
    record RecordFieldsUpdated(String requestId, String interactionId, Map<String, Object> record,
                               List<Map<String, Object>> recordInformation) implements CtiEvent { }

    /**
     * Reply to GetDispositionOptions: the call results an agent may set (in the protocol's order) and the
     * campaign's disposition codes (its {@code dispositionCodes}, possibly none).
     */
    record DispositionOptions(String requestId, String campaign, List<CallResultOption> callResults,
                              List<String> dispositionCodes) implements CtiEvent { }

    /** One call result a desktop may offer: enum {@code name} (what SetCallResult sends), numeric code, label. */
    record CallResultOption(String name, int code, String label) { }

    /** Reply to GetContactHistory: the record's earlier finished interactions, oldest first. */
    record ContactHistory(String requestId, String interactionId, long recordId, List<HistoryEntry> entries)
            implements CtiEvent { }

    /**
     * Reply to GetContactNumbers: every record of the contact's chain (the interaction's record alone when it has no
     * chain_id), in chain order; {@code recordId} is the interaction's record.
     */
    record ContactNumbers(String requestId, String interactionId, long recordId, List<ContactNumber> numbers)
            implements CtiEvent { }

    /**
     * One number of a contact: its record, number and type, place in the chain, status, last result (or null),
     * attempts, and whether ChangeNumber may take it now ({@code selectable}: Ready, not No Call, inside its
     * calling window; the do-not-call list is checked at ChangeNumber).
     */
    record ContactNumber(long recordId, String contactInfo, String contactInfoType, int chainN, String status,
                         String callResult, int attempts, boolean selectable) { }

    /**
     * One finished interaction of a contact: when it was marked done, by whom, on which number, its call result,
     * disposition code, do-not-call wish, note, and the callback scheduled then (times ISO-8601 UTC; absent ones
     * omitted).
     */
    record HistoryEntry(String at, String agentId, String interactionId, String contactInfo, String callResult,
                        String dispositionCode, boolean doNotCall, String note, String callbackAt,
                        String callbackType) { }

    /** A campaign as an agent sees it ("My Campaigns"). */
    /**
     * A campaign as "My Campaigns" shows it.
     *
     * @param callerIds the caller ids an agent may choose from when calling a preview record (Call's
     *                  {@code callerId}), the default first; null when the campaign offers no choice
     */
    record CampaignInfo(String name, String description, String status, String dialingMode, String deliveryMode,
                        List<CallerId> callerIds) {
        /** A campaign offering no caller ids to choose from. */
        public CampaignInfo(String name, String description, String status, String dialingMode,
                            String deliveryMode) {
            this(name, description, status, dialingMode, deliveryMode, null);
        }
    }

    /** A caller id a contact may be shown: its number and display name (null for none). */
    record CallerId(String number, String name) { }

    /**
     * One campaign call as the agent sees it.
     *
     * @param record          the calling-list record ("Record Information"): standard fields (record_id,
     *                        contact_info, ...) and custom fields
     * @param detected        the answering-machine verdict, or null (omitted on the wire) when none was made
     * @param caseInformation summary for the agent ("Case Information"): Origin, Campaign, Phone, ...
     * @param recordInformation the campaign's Record Information fields in order, each {@code name}, {@code label},
     *                        {@code type} (text, checkbox, datetime, dropdown), {@code options} (dropdown),
     *                        {@code editable}, {@code required} and the current {@code value}; omitted when the
     *                        campaign configures none
     */
    record Interaction(String interactionId, String campaign, String state, String callResult,
                       Map<String, Object> record, Detected detected, Map<String, Object> caseInformation,
                       List<Map<String, Object>> recordInformation) {

        /** Without Record Information fields. */
        public Interaction(String interactionId, String campaign, String state, String callResult,
                           Map<String, Object> record, Detected detected, Map<String, Object> caseInformation) {
            this(interactionId, campaign, state, callResult, record, detected, caseInformation, null);
        }

        /** Without a detection or case information. */
        public Interaction(String interactionId, String campaign, String state, String callResult,
                           Map<String, Object> record) {
            this(interactionId, campaign, state, callResult, record, null, null);
        }

        /** Without a detection. */
        public Interaction(String interactionId, String campaign, String state, String callResult,
                           Map<String, Object> record, Map<String, Object> caseInformation) {
            this(interactionId, campaign, state, callResult, record, null, caseInformation);
        }
    }

    /**
     * What was heard when the contact answered: {@code outcome} HUMAN, MACHINE or NOT_SURE (answering machine
     * detection), {@code cause} the rule that decided, {@code decisionMs} the time from the answer to the verdict.
     */
    record Detected(String outcome, String cause, long decisionMs) { }

    /**
     * The call's recording started (requestId null when the campaign records every call); {@code agentControl}
     * lists what the agent may do with it: some of {@code stop}, {@code pause} (pause and resume).
     */
    record RecordingStarted(String requestId, String interactionId, long recordingId, List<String> agentControl)
            implements CtiEvent { }

    /** The recording is paused: nothing is written until RecordingResumed. */
    record RecordingPaused(String requestId, String interactionId, long recordingId) implements CtiEvent { }

    record RecordingResumed(String requestId, String interactionId, long recordingId) implements CtiEvent { }

    /**
     * The recording ended: {@code status} {@code stopped} (by the agent), {@code completed} (the call ended) or
     * {@code failed} (the file could not be written; the call goes on unrecorded, {@code reason} says why).
     */
    record RecordingStopped(String requestId, String interactionId, long recordingId, String status,
                            String reason) implements CtiEvent { }

    /** Reply to GetResponses. */
    record Responses(String requestId, String campaign, String query, List<StandardResponse> responses)
            implements CtiEvent { }

    /** One prewritten standard response an agent may read to a contact or insert into the note. */
    record StandardResponse(long id, String title, String text, List<String> tags) { }

    /**
     * Reply to GetContactDirectory: the record's fields ({@code details}, name to value, as stored), the records of
     * the contact's chain, and every change agents made to the record's fields, oldest first.
     */
    record ContactDirectory(String requestId, String interactionId, long recordId,
                            java.util.Map<String, String> details, List<ContactNumber> numbers,
                            List<FieldChange> changes) implements CtiEvent { }

    /** One field an agent changed: its value before and after. */
    record FieldChange(String at, String agentId, String interactionId, String field, String from, String to) { }

    /** Reply to SearchContacts: each contact found with its number, its type and its fields. */
    record Contacts(String requestId, String campaign, String query, List<ContactFound> contacts) implements CtiEvent { }

    record ContactFound(long recordId, String contactInfo, String contactInfoType, java.util.Map<String, String> fields) {
    }

    /** Reply to PhoneOffer: the gateway's SDP answer for the page's RTCPeerConnection (ICE-lite, one host candidate). */
    record PhoneAnswer(String requestId, String sdp) implements CtiEvent { }

    /** The browser phone's media is up: ICE checked and DTLS-SRTP keys agreed; calls reach this page's audio. */
    record PhoneConnected(String agentId) implements CtiEvent { }

    /**
     * The browser phone is gone ({@code reason}: the browser closed DTLS, consent lapsed, the handshake failed, another
     * phone chosen): like a SIP phone hanging up, a call in progress ends; send a new PhoneOffer to reconnect.
     */
    record PhoneLost(String agentId, String reason) implements CtiEvent { }

    /**
     * After LoggedIn of a login with the browser phone: what the page's RTCPeerConnection is made with. The page offers
     * (PhoneOffer) once it has these. {@code iceServers} is empty on a LAN.
     */
    record PhoneSettings(String agentId, List<IceServer> iceServers) implements CtiEvent {
        public PhoneSettings {
            iceServers = List.copyOf(iceServers);
        }
    }

    /**
     * After LoggedIn, once: the agent's browser phone was lost while a call was on it since the agent last logged in
     * (a closed tab, a lost network), so the desktop may not have seen it. {@code reason} as in PhoneLost,
     * {@code lostAt} an ISO-8601 instant; the call's interaction, campaign and number, and {@code callResult} the
     * result it ended with (enum name; null while the call has not ended yet). The interaction fields are null when
     * the agent had no interaction then; {@code contactInfo} is null while an engaged agent's record is hidden.
     */
    record PhoneLostNotice(String agentId, String reason, String lostAt, String interactionId, String campaign,
                           String contactInfo, String callResult) implements CtiEvent { }

    /** One {@code RTCIceServer}: stun:/turn: URIs, and a TURN server's user name and credential (else null). */
    record IceServer(List<String> urls, String username, String credential) {
        public IceServer {
            urls = List.copyOf(urls);
        }

        /** The credential is left out: events may end up in logs. */
        @Override
        public String toString() {
            return "IceServer[urls=" + urls + ", username=" + username + ", credential="
                    + (credential == null ? "none" : "(hidden)") + "]";
        }
    }
}
