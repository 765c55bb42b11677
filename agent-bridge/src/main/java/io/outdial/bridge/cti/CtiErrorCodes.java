package io.outdial.bridge.cti;

/**
 * The stable {@code code} values of {@link CtiEvent.Error}. The bridge sends the protocol ones itself; the dialer
 * raises the others as {@link CtiException}. Listed in docs/cti-protocol.md.
 */
public final class CtiErrorCodes {

    // Sent by the bridge.
    /** A command other than Login before login; the connection is closed. */
    public static final String NOT_LOGGED_IN = "NOT_LOGGED_IN";
    /** Login on a connection that is already logged in. */
    public static final String ALREADY_LOGGED_IN = "ALREADY_LOGGED_IN";
    /** The text is not a JSON object. */
    public static final String MALFORMED = "MALFORMED";
    /** The {@code type} names no command. */
    public static final String UNKNOWN_COMMAND = "UNKNOWN_COMMAND";
    /** A required field is missing or blank, or a field has the wrong JSON type; the message names the field. */
    public static final String INVALID = "INVALID";
    /** A binary frame: the protocol is JSON in text frames. */
    public static final String UNSUPPORTED = "UNSUPPORTED";
    /** The gateway closes the connection; the message says why. */
    public static final String CLOSED = "CLOSED";
    /** The gateway failed unexpectedly while handling the request. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    // Raised by the dialer.
    /** Login refused: wrong secret. */
    public static final String BAD_CREDENTIALS = "BAD_CREDENTIALS";
    /** Login refused: no such agent. */
    public static final String UNKNOWN_AGENT = "UNKNOWN_AGENT";
    /** Login refused unchecked: too many failed logins for this agent or from this address; try again later. */
    public static final String TOO_MANY_ATTEMPTS = "TOO_MANY_ATTEMPTS";
    /** The command is not allowed in the agent's current state; the message gives the reason. */
    public static final String NOT_ALLOWED = "NOT_ALLOWED";
    /** The interaction id is not one of this agent's interactions. */
    public static final String UNKNOWN_INTERACTION = "UNKNOWN_INTERACTION";
    /** SetCallResult with a name, label or code that is no call result. */
    public static final String INVALID_CALL_RESULT = "INVALID_CALL_RESULT";

    /** SetDisposition with a code that is not in the campaign's list; the message names it and the list. */
    public static final String INVALID_DISPOSITION = "INVALID_DISPOSITION";
    /** ScheduleCallback with a time in the past or badly written, or a bad new number; Mark Done waits for a fix. */
    public static final String INVALID_CALLBACK = "INVALID_CALLBACK";
    /**
     * UpdateRecordFields with an unknown or read-only field, or a value that does not fit the field's type; the
     * error's {@code field} names it and nothing is written.
     */
    public static final String INVALID_RECORD_FIELD = "INVALID_RECORD_FIELD";
    /** SendDtmf with a character that is no DTMF key (0-9, *, #, A-D) or a duration outside 40-2000 ms. */
    public static final String INVALID_DTMF = "INVALID_DTMF";
    /** SendDtmf: the contact's side did not take the digits (it refused SIP INFO, or the call ended meanwhile). */
    public static final String DTMF_FAILED = "DTMF_FAILED";
    /** Preview: the agent's phone did not answer Call, so the contact was not dialed; the record is still previewed. */
    public static final String PHONE_FAILED = "PHONE_FAILED";
    /** Login refused: no phone given, none configured, and no phone registered as the agent with the registrar. */
    public static final String NO_PHONE_REGISTERED = "NO_PHONE_REGISTERED";
    /** Call refused: the gateway's registration with its trunk is not in place; the message says why. */
    public static final String TRUNK_NOT_REGISTERED = "TRUNK_NOT_REGISTERED";

    /**
     * The agent is in the engaging phase (assured connection, ASM: on the line, waiting for a contact) and the action
     * is restricted until the contact is connected; the error's {@code action} names it.
     */
    public static final String RESTRICTED_WHILE_ENGAGED = "RESTRICTED_WHILE_ENGAGED";
    /** ChangeNumber with a recordId that is no other record of the contact's chain. */
    public static final String NOT_IN_CHAIN = "NOT_IN_CHAIN";
    /** ChangeNumber with a chain record that is not Ready to dial (finished, cancelled, taken, No Call). */
    public static final String RECORD_NOT_READY = "RECORD_NOT_READY";
    /** ChangeNumber with a chain record whose calling window is closed now; the message says when it opens. */
    public static final String OUTSIDE_CALLING_WINDOW = "OUTSIDE_CALLING_WINDOW";
    /** ChangeNumber with a chain record whose number or customer id is on the internal do-not-call list. */
    public static final String ON_DO_NOT_CALL_LIST = "ON_DO_NOT_CALL_LIST";
    /**
     * Transfer: the target did not take the call (busy, no answer, refused); the message names the result and the
     * contact is back with the agent.
     */
    public static final String TRANSFER_FAILED = "TRANSFER_FAILED";
    /** Conference: the target did not take the call; the message names the result; the contact is back. */
    public static final String CONFERENCE_FAILED = "CONFERENCE_FAILED";
    /** Consult: the target did not take the call; the message names the result; the contact is back. */
    public static final String CONSULT_FAILED = "CONSULT_FAILED";
    /**
     * Transfer refused: the campaign requires a call result (or disposition code) before a transfer or conference;
     * the message says to set it first.
     */
    public static final String CALL_RESULT_REQUIRED = "CALL_RESULT_REQUIRED";
    /**
     * After a transfer on a campaign that required a call result first, the call result and Record Information are
     * read-only: SetCallResult and UpdateRecordFields are refused and the error's {@code field} names the field.
     */
    public static final String READ_ONLY = "READ_ONLY";

    /**
     * PhoneOffer refused: the SDP lacks what a browser phone needs (a sha-256 a=fingerprint, ICE credentials,
     * rtcp-mux, a mid, DTLS-SRTP, G.711); the message names the missing piece. Nothing changed.
     */
    public static final String PHONE_OFFER_REFUSED = "PHONE_OFFER_REFUSED";

    private CtiErrorCodes() {
    }

    /**
     * A recording command the campaign's recording policy does not let the agent give (or no recording in the state
     * the command needs: StopRecording with none running, PauseRecording when paused).
     */
    public static final String RECORDING_NOT_ALLOWED = "RECORDING_NOT_ALLOWED";
    /** StartRecording: the recording could not be started (the media of the call is gone). */
    public static final String RECORDING_FAILED = "RECORDING_FAILED";
}
