package io.outdial.dialer.store;

import io.outdial.dialer.record.RecordType;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns the values of one CSV row into an {@link ImportedRecord}, or refuses the row naming the column. */
final class RowValues {

    /** Standard columns a file may set; an empty value takes the default. */
    static final Set<String> STANDARD = Set.of("contact_info", "contact_info_type", "record_type", "tz",
            "daily_from", "daily_till", "chain_id", "chain_n", "dial_sched_time");


    // People paste numbers as "(800) 555-0100" or "800.555.0100"; the separators carry no meaning for dialing.
    private static final Pattern NUMBER_SEPARATORS = Pattern.compile("[\\s\\-.()]");
    private static final Pattern NUMBER = Pattern.compile("\\+?\\d{3,20}");
    private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})");
    private static final Pattern SECONDS = Pattern.compile("\\d{1,5}");
    private static final int MAX_ID_LENGTH = 64;

    /** A refused row; the message names the column and the value. */
    static final class BadValue extends Exception {
        BadValue(String column, String requirement, String got) {
            super(column + ": " + requirement + (got == null ? "" : ", got '" + got + "'"), null, false, false);
        }
    }

    private final ZoneId defaultZone;
    private final CallingHours defaultHours;

    RowValues(ZoneId defaultZone, CallingHours defaultHours) {
        this.defaultZone = defaultZone;
        this.defaultHours = defaultHours;
    }

    ImportedRecord read(CsvImport.Header header, List<String> row) throws BadValue {
        Map<String, String> standard = new LinkedHashMap<>();
        Map<String, String> custom = new LinkedHashMap<>();
        for (int i = 0; i < row.size(); i++) {
            String name = header.names().get(i);
            if (STANDARD.contains(name)) {
                standard.put(name, row.get(i).strip());
            } else {
                custom.put(name, row.get(i));
            }
        }
        String zone = zone(standard.getOrDefault("tz", ""));
        int dailyFrom = secondOfDay("daily_from", standard.getOrDefault("daily_from", ""), defaultHours.from());
        int dailyTill = secondOfDay("daily_till", standard.getOrDefault("daily_till", ""), defaultHours.till());
        if (dailyFrom >= dailyTill) {
            throw new BadValue("daily_from", "must be before daily_till (" + clock(dailyTill) + ")", clock(dailyFrom));
        }
        return new ImportedRecord(
                contactInfo(standard.get("contact_info")),
                contactInfoType(standard.getOrDefault("contact_info_type", "")),
                recordType(standard.getOrDefault("record_type", "")),
                dialSchedTime(standard.getOrDefault("dial_sched_time", ""), ZoneId.of(zone)),
                dailyFrom,
                dailyTill,
                zone,
                identifier("chain_id", standard.getOrDefault("chain_id", "")),
                chainN(standard.getOrDefault("chain_n", "")),
                custom);
    }

    /** Digits with an optional leading +, 3..20 digits, after dropping spaces, dashes, dots and parentheses. */
    static String contactInfo(String value) throws BadValue {
        if (value == null || value.isEmpty()) {
            throw new BadValue("contact_info", "is required", null);
        }
        String number = NUMBER_SEPARATORS.matcher(value).replaceAll("");
        if (!NUMBER.matcher(number).matches()) {
            throw new BadValue("contact_info", "must be 3..20 digits with an optional leading +"
                    + " (spaces, dashes, dots and parentheses are ignored)", value);
        }
        return number;
    }

    private static String contactInfoType(String value) throws BadValue {
        if (value.isEmpty()) {
            return ContactInfoType.HOME.label();
        }
        try {
            return ContactInfoType.parse(value).label();
        } catch (IllegalArgumentException e) {
            throw new BadValue("contact_info_type", "must be one of " + ContactInfoType.allowed(), value);
        }
    }

    private static RecordType recordType(String value) throws BadValue {
        if (value.isEmpty()) {
            return RecordType.GENERAL;
        }
        String name = value.replace(' ', '_').toUpperCase(Locale.ROOT);
        for (RecordType type : RecordType.values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new BadValue("record_type", "must be one of " + Arrays.stream(RecordType.values())
                .map(t -> t.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")), value);
    }

    private String zone(String value) throws BadValue {
        if (value.isEmpty()) {
            return defaultZone.getId();
        }
        try {
            return ZoneId.of(value).getId();
        } catch (DateTimeException e) {
            throw new BadValue("tz", "must be an IANA time zone id such as America/New_York", value);
        }
    }

    /** HH:MM (24:00 is the end of the day) or plain seconds since midnight, 0..86400. */
    private static int secondOfDay(String column, String value, int def) throws BadValue {
        if (value.isEmpty()) {
            return def;
        }
        Matcher clock = CLOCK.matcher(value);
        int seconds = -1;
        if (clock.matches()) {
            int hours = Integer.parseInt(clock.group(1));
            int minutes = Integer.parseInt(clock.group(2));
            seconds = minutes < 60 ? hours * 3600 + minutes * 60 : -1;
        } else if (SECONDS.matcher(value).matches()) {
            seconds = Integer.parseInt(value);
        }
        if (seconds < 0 || seconds > 86_400) {
            throw new BadValue(column, "must be HH:MM (00:00..24:00) or seconds since midnight (0..86400)", value);
        }
        return seconds;
    }

    private static String clock(int secondOfDay) {
        return String.format(Locale.ROOT, "%02d:%02d", secondOfDay / 3600, secondOfDay % 3600 / 60);
    }

    /** ISO-8601 with an offset ({@code 2025-03-01T14:00:00Z}), or a local date-time read in the record's zone. */
    private static Instant dialSchedTime(String value, ZoneId zone) throws BadValue {
        if (value.isEmpty()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(value).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new BadValue("dial_sched_time", "must be an ISO-8601 date-time such as 2025-03-01T14:00:00Z"
                        + " or 2025-03-01T14:00 (in the record's tz)", value);
            }
        }
    }

    private static String identifier(String column, String value) throws BadValue {
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > MAX_ID_LENGTH) {
            throw new BadValue(column, "must be at most " + MAX_ID_LENGTH + " characters", value);
        }
        return value;
    }

    private static int chainN(String value) throws BadValue {
        if (value.isEmpty()) {
            return 0;
        }
        if (!SECONDS.matcher(value).matches()) {
            throw new BadValue("chain_n", "must be a whole number in 0..99999", value);
        }
        return Integer.parseInt(value);
    }
}
