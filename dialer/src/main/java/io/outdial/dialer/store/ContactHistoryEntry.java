package io.outdial.dialer.store;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordType;
import java.time.Instant;

/**
 * One finished interaction in a record's contact history: what the agent recorded at Mark Done.
 *
 * @param dispositionCode a code from the campaign's list, or null
 * @param doNotCall       the contact asked not to be called (its number went on the campaign's do-not-call list)
 * @param note            the agent's free-text note, or null
 * @param callbackAt      when a callback was scheduled for, or null
 * @param callbackType    PERSONAL_CALLBACK or CAMPAIGN_CALLBACK, or null
 */
public record ContactHistoryEntry(long recordId, String campaign, String interactionId, String agentId,
                                  String contactInfo, CallResult callResult, String dispositionCode,
                                  boolean doNotCall, String note, Instant callbackAt, RecordType callbackType,
                                  Instant createdAt) {
}
