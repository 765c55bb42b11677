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
 */
public record Callback(Instant at, RecordType type, String agentId, String phone, String phoneType) {
}
