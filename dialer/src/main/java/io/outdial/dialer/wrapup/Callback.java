package io.outdial.dialer.wrapup;

import io.outdial.dialer.record.RecordType;
import java.time.Instant;

/**
 * A callback scheduled on an interaction, applied to its record at Mark Done.
 *
 * @param at        when the contact is to be called again
 * @param type      PERSONAL_CALLBACK (for {@code agentId} only) or CAMPAIGN_CALLBACK (any agent of the campaign)
 * @param agentId   the agent who scheduled it
 * @param phone     a new number to call back on, or null for the record's own
 * @param phoneType the new number's type (Home, Mobile, ...), or null
 * @param dailyFrom a new daily calling window for the record: its start, seconds since midnight in the contact's
 *                  time zone, or null to keep the record's
 * @param dailyTill the window's end (seconds, up to 86400), or null
 */
public record Callback(Instant at, RecordType type, String agentId, String phone, String phoneType,
                       Integer dailyFrom, Integer dailyTill) {
    /** Keeping the record's calling window. */
    public Callback(Instant at, RecordType type, String agentId, String phone, String phoneType) {
        this(at, type, agentId, phone, phoneType, null, null);
    }
}
