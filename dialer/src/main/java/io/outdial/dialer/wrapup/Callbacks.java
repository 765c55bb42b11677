package io.outdial.dialer.wrapup;

import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.ContactInfoType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Checks a callback an agent schedules: the date-time is read in the contact's time zone, must lie in the future,
 * and a new number must be a phone number with a known type. Pure: the caller passes the clock's now.
 */
public final class Callbacks {
    private Callbacks() {
    }

    /**
     * The callback asked for, or a {@link Refused} ({@code BAD_CALLBACK}) saying what is wrong.
     *
     * @param at a local date-time in {@code tz} ({@code 2026-11-21T16:30}), or one with an offset or Z
     */
    public static Callback schedule(String at, String tz, Instant now, boolean personal, String agentId,
                                    String phone, String phoneType) {
        return schedule(at, tz, now, personal, agentId, phone, phoneType, null, null);
    }

    /**
     * As above, with a new daily calling window for the record ({@code from} and {@code till}, {@code HH:mm} in the
     * contact's time zone, both or neither; {@code till} may be {@code 24:00}); the callback's time must fall in it.
     */
    public static Callback schedule(String at, String tz, Instant now, boolean personal, String agentId,
                                    String phone, String phoneType, String from, String till) {
        ZoneId zone = ZoneId.of(tz);
        Instant when = parse(at, zone);
        if (!when.isAfter(now)) {
            throw new Refused(Refused.Why.BAD_CALLBACK, "callback time " + at + " (" + zone + ") is in the"
                    + " past: it is now " + LocalDateTime.ofInstant(now, zone).withNano(0) + " there; fix the time"
                    + " or CancelCallback before Mark Done");
        }
        String number = null;
        String type = null;
        if (phone != null && !phone.isBlank()) {
            try {
                number = CallingListStore.normalisePhone(phone);
                type = ContactInfoType.parse(phoneType == null || phoneType.isBlank() ? "Home" : phoneType).label();
            } catch (IllegalArgumentException e) {
                throw new Refused(Refused.Why.BAD_CALLBACK, "new number for the callback: "
                        + (number == null ? "" : "phoneType ") + e.getMessage());
            }
        }
        Integer dailyFrom = null;
        Integer dailyTill = null;
        if (filled(from) || filled(till)) {
            if (!filled(from) || !filled(till)) {
                throw new Refused(Refused.Why.BAD_CALLBACK, "callback window: give both from and till"
                        + " (HH:mm), or neither");
            }
            dailyFrom = secondsOfDay("from", from);
            dailyTill = secondsOfDay("till", till);
            if (dailyFrom >= dailyTill) {
                throw new Refused(Refused.Why.BAD_CALLBACK, "callback window: from " + from
                        + " must be before till " + till);
            }
            int callbackSecond = LocalDateTime.ofInstant(when, zone).toLocalTime().toSecondOfDay();
            if (callbackSecond < dailyFrom || callbackSecond >= dailyTill) {
                throw new Refused(Refused.Why.BAD_CALLBACK, "callback time " + at + " is outside its"
                        + " window " + from + "-" + till + " (" + zone + ")");
            }
        }
        return new Callback(when, personal ? RecordType.PERSONAL_CALLBACK : RecordType.CAMPAIGN_CALLBACK, agentId,
                number, type, dailyFrom, dailyTill);
    }

    private static boolean filled(String s) {
        return s != null && !s.isBlank();
    }

    /** {@code HH:mm} (or {@code HH:mm:ss}) as seconds since midnight; {@code 24:00} is 86400. */
    static int secondsOfDay(String name, String text) {
        String t = text.strip();
        if (t.equals("24:00") || t.equals("24:00:00")) {
            return 86_400;
        }
        try {
            return java.time.LocalTime.parse(t).toSecondOfDay();
        } catch (java.time.format.DateTimeParseException e) {
            throw new Refused(Refused.Why.BAD_CALLBACK, "callback window: " + name + " '" + text
                    + "' is no time of day (HH:mm)");
        }
    }

    /** Null if the callback may still be applied at {@code now}; else why Mark Done must wait. */
    public static String problemAt(Callback callback, Instant now) {
        if (callback != null && !callback.at().isAfter(now)) {
            return "the callback time " + callback.at() + " has passed: schedule it again or CancelCallback";
        }
        return null;
    }

    private static Instant parse(String at, ZoneId zone) {
        String text = at == null ? "" : at.trim();
        try {
            return LocalDateTime.parse(text).atZone(zone).toInstant();
        } catch (DateTimeParseException local) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeException e) {
                throw new Refused(Refused.Why.BAD_CALLBACK, "at must be a date and time such as"
                        + " 2026-11-21T16:30 (in the contact's time zone " + zone + "), got '" + at + "'");
            }
        }
    }
}
