package io.outdial.dialer.refusal;

import java.util.Objects;

/**
 * A request the dialer refuses, in its own terms: {@link #why()} is the reason, the message says it to a person, and
 * {@link #field()} names the record field refused (or null). Nothing has changed when it is thrown. A desktop
 * protocol answers it with its own error ({@code cti.CtiWire.code}); the domain never names a wire code.
 */
public final class Refused extends RuntimeException {
    private final Why why;
    private final String field;

    public Refused(Why why, String message) {
        this(why, message, null);
    }

    public Refused(Why why, String message, String field) {
        super(message);
        this.why = Objects.requireNonNull(why, "why");
        this.field = field;
    }

    public Why why() {
        return why;
    }

    /** The record field the refusal is about (Record Information edits), or null. */
    public String field() {
        return field;
    }

    /** Why something asked of the dialer is not done: one reason per distinct refusal, thrown or told. */
    public enum Why {
        // The request itself.
        /** A value of the request is missing, malformed or out of range (the message names it). */
        BAD_REQUEST,
        /** No campaign has the name given. */
        UNKNOWN_CAMPAIGN,
        /** The agent does not work on the campaign named. */
        NOT_ON_CAMPAIGN,
        /** A caller id the campaign does not offer. */
        CALLER_ID_NOT_OFFERED,
        /** A callback badly written, in the past, outside its window, or of a kind the campaign does not take. */
        BAD_CALLBACK,
        /** A disposition code that is not in the campaign's list. */
        UNKNOWN_DISPOSITION,
        /** A Record Information edit of an unknown or read-only field, or a value that does not fit it. */
        BAD_RECORD_FIELD,

        // The state things are in.
        /** Not while the agent, its interaction or its campaign is in the state it is in now (the message says why). */
        WRONG_STATE,
        /** The interaction's record is not shown to the agent yet (until the contact connects). */
        RECORD_HIDDEN,
        /** The interaction is not the agent's preview record, or not a preview waiting for an answer. */
        NOT_A_PREVIEW,
        /** Mark Done waits until the interaction's refused or past callback is fixed or cancelled. */
        CALLBACK_TO_FIX,
        /** A browser-phone request from an agent whose phone is not the browser. */
        NOT_A_BROWSER_PHONE,
        /** A recording request the campaign's recording policy, or the recording's state, does not allow. */
        RECORDING_NOT_ALLOWED,

        // What the dialer tried and could not do.
        /** The dialer failed doing it (details in its log). */
        INTERNAL_ERROR,
        /** The agent's phone did not answer, so the contact was not dialed. */
        PHONE_FAILED,
        /** The campaign's trunk wants a registration the gateway does not have. */
        TRUNK_NOT_REGISTERED,
        /** The recording could not start (the call's media is gone). */
        RECORDING_FAILED,
        /** The browser phone's offer lacks what a browser phone needs. */
        PHONE_OFFER_REFUSED,

        // Another number of the contact's chain (ChangeNumber).
        /** The record is no other record of the contact's chain. */
        NOT_IN_CHAIN,
        /** The chain record is not Ready to dial. */
        RECORD_NOT_READY,
        /** The chain record's calling window is closed now. */
        OUTSIDE_CALLING_WINDOW,
        /** The chain record's number or customer is on the internal do-not-call list. */
        ON_DO_NOT_CALL_LIST
    }
}
