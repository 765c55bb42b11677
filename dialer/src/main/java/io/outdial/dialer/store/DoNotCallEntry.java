package io.outdial.dialer.store;

import java.time.Instant;

/**
 * An entry of the internal do-not-call list: a phone number or a customer id (exactly one of the two).
 *
 * @param phone      the number as calling lists store it, or null for a customer entry
 * @param customerId the customer id (the value of a campaign's customer-id field), or null for a phone entry
 * @param campaign   the campaign it applies to, or null for every campaign
 */
public record DoNotCallEntry(String phone, String customerId, String campaign, Instant createdAt) {
}
