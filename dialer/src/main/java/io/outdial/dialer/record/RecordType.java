package io.outdial.dialer.record;

/** Why a record is in the list (ARCHITECTURE.md section 7). */
public enum RecordType {
    GENERAL, CAMPAIGN_RESCHEDULED, PERSONAL_RESCHEDULED, PERSONAL_CALLBACK, CAMPAIGN_CALLBACK, NO_CALL
}
