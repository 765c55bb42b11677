package io.outdial.dialer.store;

import java.time.Instant;

/**
 * An entry of the internal do-not-call list.
 *
 * @param phone    the number as calling lists store it
 * @param campaign the campaign it applies to, or null for every campaign
 */
public record DoNotCallEntry(String phone, String campaign, Instant createdAt) {
}
