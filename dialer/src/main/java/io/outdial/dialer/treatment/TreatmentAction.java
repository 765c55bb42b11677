package io.outdial.dialer.treatment;

/** What a treatment does with a record whose attempt ended with a given call result. */
public enum TreatmentAction {
    /** Dial the same number again after a delay that grows by an increment with each attempt. */
    RETRY,
    /** Dial the same number again at a set time in the contact's time zone. */
    RETRY_AT,
    /** Leave this number and dial the contact's next number in the chain, after a delay. */
    NEXT_IN_CHAIN,
    /** Close the record: it is never dialed again. */
    CANCEL
}
