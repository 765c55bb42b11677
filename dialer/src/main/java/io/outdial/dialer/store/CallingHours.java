package io.outdial.dialer.store;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A daily calling window in the contact's local time, as seconds since midnight: {@code from} inclusive,
 * {@code till} exclusive. Records imported without daily_from / daily_till get the configured default.
 */
public record CallingHours(int from, int till) {
    /** 08:00-21:00 (ARCHITECTURE.md section 8). */
    public static final CallingHours DEFAULT = new CallingHours(8 * 3600, 21 * 3600);
    private static final Pattern WINDOW = Pattern.compile("(\\d{1,2}):(\\d{2})\\s*-\\s*(\\d{1,2}):(\\d{2})");

    public CallingHours {
        if (from < 0 || from >= till || till > 86_400) {
            throw new IllegalArgumentException("a calling window runs from 00:00 to 24:00 at most, and from before till");
        }
    }

    /** Reads {@code HH:MM-HH:MM} (24:00 allowed as the end), or throws IllegalArgumentException saying what is wrong. */
    public static CallingHours parse(String text) {
        Matcher m = WINDOW.matcher(text == null ? "" : text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("must be HH:MM-HH:MM, such as 08:00-21:00");
        }
        int from = seconds(m.group(1), m.group(2));
        int till = seconds(m.group(3), m.group(4));
        if (from < 0 || till < 0 || from >= till || till > 86_400) {
            throw new IllegalArgumentException("must be HH:MM-HH:MM within 00:00-24:00, start before end");
        }
        return new CallingHours(from, till);
    }

    private static int seconds(String hours, String minutes) {
        int h = Integer.parseInt(hours);
        int m = Integer.parseInt(minutes);
        return m < 60 && h <= 24 ? h * 3600 + m * 60 : -1;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%02d:%02d-%02d:%02d", from / 3600, from % 3600 / 60, till / 3600,
                till % 3600 / 60);
    }
}
