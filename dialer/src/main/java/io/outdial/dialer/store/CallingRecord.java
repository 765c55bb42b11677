package io.outdial.dialer.store;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One calling-list record as stored (ARCHITECTURE.md section 7): a contact's number, where it stands, what the
 * last attempt gave, when it may be dialed, and the list's own custom fields in file order.
 *
 * @param dailyFrom seconds since midnight, in {@code tz}, from which the contact may be called
 * @param dailyTill seconds since midnight, in {@code tz}, until which the contact may be called (exclusive)
 * @param tz        IANA time zone of the contact
 */
public record CallingRecord(long recordId, String campaign, String contactInfo, String contactInfoType,
                            RecordType recordType, RecordStatus status, CallResult callResult, int attempt,
                            Instant dialSchedTime, Instant callTime, int dailyFrom, int dailyTill, String tz,
                            String agentId, String chainId, int chainN, Map<String, String> customFields) {

    public CallingRecord {
        customFields = Collections.unmodifiableMap(new LinkedHashMap<>(customFields));
    }

    /** Whether {@code now} falls inside the contact's daily calling window, in the contact's own time zone. */
    public boolean isWithinCallingHours(Instant now) {
        int secondOfDay = now.atZone(ZoneId.of(tz)).toLocalTime().toSecondOfDay();
        return secondOfDay >= dailyFrom && secondOfDay < dailyTill;
    }

    /** When the contact's calling window next opens after {@code now}: today's opening if still ahead, else tomorrow's. */
    public Instant nextCallingWindowOpening(Instant now) {
        java.time.ZonedDateTime local = now.atZone(ZoneId.of(tz));
        java.time.ZonedDateTime opening = local.toLocalDate().atStartOfDay(local.getZone()).plusSeconds(dailyFrom);
        if (!opening.isAfter(local)) {
            opening = local.toLocalDate().plusDays(1).atStartOfDay(local.getZone()).plusSeconds(dailyFrom);
        }
        return opening.toInstant();
    }

    /** The names {@link #toWire()} gives the standard fields; a custom field of one of these names is hidden there. */
    public static final java.util.Set<String> WIRE_FIELDS = java.util.Set.of("record_id", "campaign", "contact_info",
            "contact_info_type", "record_type", "record_status", "call_result", "attempt", "dial_sched_time",
            "call_time", "daily_from", "daily_till", "tz", "agent_id", "chain_id", "chain_n");

    /**
     * The record as CTI events and the admin API show it: the standard fields under their snake_case column names
     * (enumerations by constant name, times as ISO-8601 or null, daily window in seconds), then the custom fields.
     * A custom field never hides a standard one.
     */
    public Map<String, Object> toWire() {
        Map<String, Object> wire = new LinkedHashMap<>();
        wire.put("record_id", recordId);
        wire.put("campaign", campaign);
        wire.put("contact_info", contactInfo);
        wire.put("contact_info_type", contactInfoType);
        wire.put("record_type", recordType.name());
        wire.put("record_status", status.name());
        wire.put("call_result", callResult.name());
        wire.put("attempt", attempt);
        wire.put("dial_sched_time", dialSchedTime == null ? null : dialSchedTime.toString());
        wire.put("call_time", callTime == null ? null : callTime.toString());
        wire.put("daily_from", dailyFrom);
        wire.put("daily_till", dailyTill);
        wire.put("tz", tz);
        wire.put("agent_id", agentId);
        wire.put("chain_id", chainId);
        wire.put("chain_n", chainN);
        // Not putIfAbsent: that would let a custom value take the place of a standard field that is null.
        customFields.forEach((name, value) -> {
            if (!wire.containsKey(name)) {
                wire.put(name, value);
            }
        });
        return wire;
    }
}
