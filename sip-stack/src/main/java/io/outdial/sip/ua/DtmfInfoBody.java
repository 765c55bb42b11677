package io.outdial.sip.ua;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * A digit a far end sent in a SIP INFO: {@code application/dtmf-relay} ({@code Signal=5}, {@code Duration=160}, the
 * form Cisco and most equipment use; some send {@code Signal=10}/{@code 11} for * and #) or {@code application/dtmf}
 * (the digit alone). Anything else is not a digit. Bodies are hostile input: bounded and parsed strictly. Pure.
 */
record DtmfInfoBody(char digit, Duration duration) {
    static final Duration DEFAULT_DURATION = Duration.ofMillis(250);
    private static final int MAX_BODY = 256;
    private static final String KEYS = "0123456789*#ABCD";

    /** The digit of an INFO with content type {@code type/subtype} and {@code body}, if it carries one. */
    static Optional<DtmfInfoBody> parse(String type, String subtype, String body) {
        if (body == null || body.length() > MAX_BODY || !"application".equalsIgnoreCase(type)) {
            return Optional.empty();
        }
        if ("dtmf".equalsIgnoreCase(subtype)) {
            return key(body.strip()).map(k -> new DtmfInfoBody(k, DEFAULT_DURATION));
        }
        if (!"dtmf-relay".equalsIgnoreCase(subtype)) {
            return Optional.empty();
        }
        Character digit = null;
        Duration duration = DEFAULT_DURATION;
        for (String line : body.split("\r?\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            if (name.equals("signal")) {
                digit = key(value).orElse(null);
                if (digit == null) {
                    return Optional.empty();
                }
            } else if (name.equals("duration")) {
                try {
                    int ms = Integer.parseInt(value);
                    duration = Duration.ofMillis(Math.max(40, Math.min(2000, ms)));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
        }
        return digit == null ? Optional.empty() : Optional.of(new DtmfInfoBody(digit, duration));
    }

    private static Optional<Character> key(String value) {
        if (value.equals("10")) {
            return Optional.of('*');
        }
        if (value.equals("11")) {
            return Optional.of('#');
        }
        if (value.length() == 1 && KEYS.indexOf(Character.toUpperCase(value.charAt(0))) >= 0) {
            return Optional.of(Character.toUpperCase(value.charAt(0)));
        }
        return Optional.empty();
    }
}
