package io.outdial.bridge.cti;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * Messages from an agent desktop, JSON objects told apart by {@code type}. Every command may carry a
 * {@code requestId} that the reply or error echoes. See docs/cti-protocol.md.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = CtiCommand.Login.class, name = "Login"),
        @JsonSubTypes.Type(value = CtiCommand.Ready.class, name = "Ready"),
        @JsonSubTypes.Type(value = CtiCommand.NotReady.class, name = "NotReady"),
        @JsonSubTypes.Type(value = CtiCommand.SetCallResult.class, name = "SetCallResult"),
        @JsonSubTypes.Type(value = CtiCommand.MarkDone.class, name = "MarkDone"),
        @JsonSubTypes.Type(value = CtiCommand.Logout.class, name = "Logout"),
        @JsonSubTypes.Type(value = CtiCommand.GetMyCampaigns.class, name = "GetMyCampaigns"),
        @JsonSubTypes.Type(value = CtiCommand.GetRecord.class, name = "GetRecord"),
        @JsonSubTypes.Type(value = CtiCommand.Call.class, name = "Call"),
        @JsonSubTypes.Type(value = CtiCommand.Decline.class, name = "Decline"),
        @JsonSubTypes.Type(value = CtiCommand.DoneAndStop.class, name = "DoneAndStop"),
        @JsonSubTypes.Type(value = CtiCommand.SetDisposition.class, name = "SetDisposition"),
        @JsonSubTypes.Type(value = CtiCommand.ScheduleCallback.class, name = "ScheduleCallback"),
        @JsonSubTypes.Type(value = CtiCommand.CancelCallback.class, name = "CancelCallback"),
        @JsonSubTypes.Type(value = CtiCommand.Hold.class, name = "Hold"),
        @JsonSubTypes.Type(value = CtiCommand.Retrieve.class, name = "Retrieve"),
        @JsonSubTypes.Type(value = CtiCommand.OutboundPreviewReady.class, name = "OutboundPreviewReady"),
        @JsonSubTypes.Type(value = CtiCommand.OutboundPreviewNotReady.class, name = "OutboundPreviewNotReady"),
        @JsonSubTypes.Type(value = CtiCommand.Accept.class, name = "Accept"),
        @JsonSubTypes.Type(value = CtiCommand.Reject.class, name = "Reject"),
        @JsonSubTypes.Type(value = CtiCommand.StopRecords.class, name = "StopRecords"),
        @JsonSubTypes.Type(value = CtiCommand.ReleaseCall.class, name = "ReleaseCall"),
        @JsonSubTypes.Type(value = CtiCommand.Transfer.class, name = "Transfer"),
        @JsonSubTypes.Type(value = CtiCommand.Consult.class, name = "Consult"),
        @JsonSubTypes.Type(value = CtiCommand.Conference.class, name = "Conference"),
        @JsonSubTypes.Type(value = CtiCommand.Recall.class, name = "Recall"),
        @JsonSubTypes.Type(value = CtiCommand.LeaveConference.class, name = "LeaveConference"),
        @JsonSubTypes.Type(value = CtiCommand.CompleteTransfer.class, name = "CompleteTransfer"),
        @JsonSubTypes.Type(value = CtiCommand.CompleteConference.class, name = "CompleteConference"),
        @JsonSubTypes.Type(value = CtiCommand.CancelConsult.class, name = "CancelConsult"),
        @JsonSubTypes.Type(value = CtiCommand.UpdateRecordFields.class, name = "UpdateRecordFields"),
        @JsonSubTypes.Type(value = CtiCommand.GetContactHistory.class, name = "GetContactHistory"),
        @JsonSubTypes.Type(value = CtiCommand.GetContactNumbers.class, name = "GetContactNumbers"),
        @JsonSubTypes.Type(value = CtiCommand.PauseAutoDial.class, name = "PauseAutoDial"),
        @JsonSubTypes.Type(value = CtiCommand.ChangeNumber.class, name = "ChangeNumber"),
        @JsonSubTypes.Type(value = CtiCommand.GetDispositionOptions.class, name = "GetDispositionOptions"),
        @JsonSubTypes.Type(value = CtiCommand.SendDtmf.class, name = "SendDtmf"),
        @JsonSubTypes.Type(value = CtiCommand.StartRecording.class, name = "StartRecording"),
        @JsonSubTypes.Type(value = CtiCommand.StopRecording.class, name = "StopRecording"),
        @JsonSubTypes.Type(value = CtiCommand.PauseRecording.class, name = "PauseRecording"),
        @JsonSubTypes.Type(value = CtiCommand.ResumeRecording.class, name = "ResumeRecording"),
        @JsonSubTypes.Type(value = CtiCommand.GetResponses.class, name = "GetResponses"),
        @JsonSubTypes.Type(value = CtiCommand.GetContactDirectory.class, name = "GetContactDirectory"),
        @JsonSubTypes.Type(value = CtiCommand.SearchContacts.class, name = "SearchContacts"),
        @JsonSubTypes.Type(value = CtiCommand.PhoneOffer.class, name = "PhoneOffer"),
})
public sealed interface CtiCommand {

    String requestId();

    /**
     * Log in with an agent id, its secret and the phone calls are delivered to: a SIP URI, {@code "browser"} (the
     * desktop's own browser is the phone: {@link PhoneOffer} follows), or absent (the configured or registered phone).
     */
    record Login(String requestId, String agentId, String secret, String phone) implements CtiCommand { }

    /** Voice channel Ready: the agent may be given calls. */
    record Ready(String requestId) implements CtiCommand { }

    /** Voice channel Not Ready, with an optional reason code. */
    record NotReady(String requestId, String reason) implements CtiCommand { }

    /** Sets the call result of one of the agent's interactions (name from the call-result list). */
    record SetCallResult(String requestId, String interactionId, String callResult) implements CtiCommand { }

    /** Finishes an interaction: its record is Updated and the agent goes back to Ready. */
    record MarkDone(String requestId, String interactionId) implements CtiCommand { }

    /** Logs the agent out and closes the connection. */
    record Logout(String requestId) implements CtiCommand { }

    /** Asks for "My Campaigns": the loaded campaigns the agent works on. */
    record GetMyCampaigns(String requestId) implements CtiCommand { }

    /** Preview (pull): asks a campaign for the next record to preview. */
    record GetRecord(String requestId, String campaign) implements CtiCommand { }

    /**
     * What a desktop offers in its Dispositions drop-downs for a campaign: the call results an agent may set and the
     * campaign's disposition codes.
     */
    record GetDispositionOptions(String requestId, String campaign) implements CtiCommand { }

    /** Preview: dials the previewed record's contact. */
    record Call(String requestId, String interactionId, String callerId) implements CtiCommand {
        /** Call presenting the campaign's default caller id. */
        public Call(String requestId, String interactionId) {
            this(requestId, interactionId, null);
        }
    }

    /** Preview: gives the previewed record back, {@code later} (to the list) or {@code do_not_call} (cancelled). */
    record Decline(String requestId, String interactionId, String reason) implements CtiCommand { }

    /**
     * Preview with timed auto-dial: holds the countdown while the agent enters another number (ChangeNumber starts
     * it again; Call and Decline still work).
     */
    record PauseAutoDial(String requestId, String interactionId) implements CtiCommand { }

    /**
     * Preview, before Call: the record to dial becomes another Ready record of the contact's chain ({@code recordId})
     * or an "other phone number" ({@code phone}, with its {@code phoneType}, Home if absent) stored on the record.
     */
    record ChangeNumber(String requestId, String interactionId, Long recordId, String phone, String phoneType)
            implements CtiCommand { }

    /** Preview: Mark Done without being given the next record. */
    record DoneAndStop(String requestId, String interactionId) implements CtiCommand { }

    /**
     * The agent's disposition of an interaction: a code from the campaign's list, the contact's wish not to be
     * called, a note. Each one replaces the previous; kept in the contact history at Mark Done.
     */
    record SetDisposition(String requestId, String interactionId, String dispositionCode, Boolean doNotCall,
                          String note) implements CtiCommand { }

    /**
     * Reschedules the contact as a callback, applied at Mark Done: {@code at} is a date-time in the contact's time
     * zone ({@code 2026-11-21T16:30}); {@code personal} keeps it for this agent; {@code phone} and
     * {@code phoneType} give a new number to call back on; {@code from} and {@code till} ({@code 09:00},
     * {@code 17:30}, the contact's local time) a new daily calling window for the record.
     */
    record ScheduleCallback(String requestId, String interactionId, String at, Boolean personal, String phone,
                            String phoneType, String from, String till) implements CtiCommand {
        /** Without a new calling window. */
        public ScheduleCallback(String requestId, String interactionId, String at, Boolean personal, String phone,
                                String phoneType) {
            this(requestId, interactionId, at, personal, phone, phoneType, null, null);
        }
    }

    /** Cancels the interaction's scheduled (or refused) callback. */
    record CancelCallback(String requestId, String interactionId) implements CtiCommand { }

    /** Puts the contact of a connected interaction on hold: the contact hears hold music, the agent nothing. */
    record Hold(String requestId, String interactionId) implements CtiCommand { }

    /** Takes the contact off hold: agent and contact talk again. */
    record Retrieve(String requestId, String interactionId) implements CtiCommand { }

    /** The outbound-preview channel (separate from voice) Ready: push preview records may be pushed. */
    record OutboundPreviewReady(String requestId) implements CtiCommand { }

    /** The outbound-preview channel Not Ready: no more push preview records. */
    record OutboundPreviewNotReady(String requestId, String reason) implements CtiCommand { }

    /** Accepts an interaction preview (push preview: dials; progressive and predictive: lets the dial go ahead). */
    record Accept(String requestId, String interactionId) implements CtiCommand { }

    /** Rejects an interaction preview: its record goes back to the top of the calling list. */
    record Reject(String requestId, String interactionId) implements CtiCommand { }

    /** Direct push preview: stops the records of a campaign started with GetRecord (the Get Record / Stop toggle). */
    record StopRecords(String requestId, String campaign) implements CtiCommand { }

    /** Hangs up the contact of a connected interaction (End Call); the agent goes to after-call work. */
    record ReleaseCall(String requestId, String interactionId) implements CtiCommand { }

    /**
     * Blind transfer of the interaction's connected call to another logged-in, Ready agent ({@code agentId}) or to an
     * outside number through the trunk ({@code phone}); exactly one of the two.
     */
    record Transfer(String requestId, String interactionId, String agentId, String phone) implements CtiCommand { }

    /**
     * Consultation (attended transfer): the contact is put on hold and another logged-in, Ready agent
     * ({@code agentId}) or an outside number ({@code phone}) is dialed and talks with the consulting agent; exactly
     * one of the two. Then {@link CompleteTransfer}, {@link CompleteConference} or {@link CancelConsult}.
     */
    record Consult(String requestId, String interactionId, String agentId, String phone) implements CtiCommand { }

    /** Consultation: the contact goes to the consulted party, the consulting agent's leg is released. */
    record CompleteTransfer(String requestId, String interactionId) implements CtiCommand { }

    /** Consultation: the contact joins the consulting agent and the consulted party in a three-party conference. */
    record CompleteConference(String requestId, String interactionId) implements CtiCommand { }

    /** Consultation: the consulted party is released and the agent talks with the contact again. */
    record CancelConsult(String requestId, String interactionId) implements CtiCommand { }

    /**
     * Conferences another logged-in, Ready agent ({@code agentId}) or an outside number ({@code phone}) into the
     * interaction's connected call: all three hear each other. Exactly one of the two.
     */
    record Conference(String requestId, String interactionId, String agentId, String phone) implements CtiCommand { }

    /** Leaves the three-party conference: only the sender's leg is released; the others talk on. */
    record LeaveConference(String requestId, String interactionId) implements CtiCommand { }

    /** Dials the interaction's contact again. Not supported yet: always refused with a reason. */
    record Recall(String requestId, String interactionId) implements CtiCommand { }

    /**
     * Changes editable Record Information fields of the interaction's record: {@code fields} maps field names to new
     * values (text, true/false for a check box, {@code 2026-11-21T16:30} for a date-time, an option of a drop-down,
     * null or "" to empty a field that is not required). All or nothing; persisted at once.
     */
    record UpdateRecordFields(String requestId, String interactionId, java.util.Map<String, Object> fields)
            implements CtiCommand { }

    /** Asks for the contact history of the interaction's record: earlier attempts, oldest first. */
    record GetContactHistory(String requestId, String interactionId) implements CtiCommand { }

    /** Asks for the numbers of the interaction's contact: every record of its chain, for ChangeNumber. */
    record GetContactNumbers(String requestId, String interactionId) implements CtiCommand { }

    /**
     * The keypad: sends DTMF {@code digits} (0-9, *, #, A-D) to the contact of the agent's connected interaction,
     * each tone {@code durationMs} long (default 160, 40 to 2000). DtmfSent answers once they are out.
     */
    record SendDtmf(String requestId, String interactionId, String digits, Integer durationMs)
            implements CtiCommand { }

    /** Starts recording the connected call (campaigns whose recording policy lets the agent); RecordingStarted. */
    record StartRecording(String requestId, String interactionId) implements CtiCommand { }

    /** Stops the call's recording (where the campaign lets the agent); RecordingStopped. */
    record StopRecording(String requestId, String interactionId) implements CtiCommand { }

    /** Pauses the call's recording (a card number is read out): paused audio is never written; RecordingPaused. */
    record PauseRecording(String requestId, String interactionId) implements CtiCommand { }

    /** Resumes a paused recording; RecordingResumed. */
    record ResumeRecording(String requestId, String interactionId) implements CtiCommand { }

    /**
     * Asks for a campaign's standard responses whose title, text or tags contain {@code query} (every response when
     * absent or blank), title order; Responses answers.
     */
    record GetResponses(String requestId, String campaign, String query) implements CtiCommand { }

    /**
     * The Contact view: the contact's details (the record's fields), its other records (the chain) and the changes
     * agents made to its fields; ContactDirectory answers. Fields are changed with UpdateRecordFields.
     */
    record GetContactDirectory(String requestId, String interactionId) implements CtiCommand { }

    /**
     * The contact directory's search: the records of a campaign the agent works on whose number or field values
     * contain {@code query} (at least 2 characters), 20 at most; Contacts answers. A contact found is called or
     * transferred to by its number (Transfer, Consult, Conference with {@code phone}).
     */
    record SearchContacts(String requestId, String campaign, String query) implements CtiCommand { }

    /**
     * The browser phone (issue 17): the page's WebRTC SDP offer (audio only, DTLS-SRTP, ICE, rtcp-mux), sent once after
     * a Login with {@code phone: "browser"}; PhoneAnswer carries the gateway's answer. The session stays up for the
     * whole login (a "nailed-up" phone); a new offer replaces it between calls (a reloaded page).
     */
    record PhoneOffer(String requestId, String sdp) implements CtiCommand { }
}
