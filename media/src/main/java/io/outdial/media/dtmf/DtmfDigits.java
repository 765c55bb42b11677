package io.outdial.media.dtmf;

/** The sixteen DTMF keys and their RFC 4733 event codes (section 3.2): 0-9 are 0-9, * 10, # 11, A-D 12-15. */
public final class DtmfDigits {

    private static final String KEYS = "0123456789*#ABCD";

    private DtmfDigits() {
    }

    /** The event code of {@code key} (A-D in either case), or -1 if it is not a DTMF key. */
    public static int eventCode(char key) {
        return KEYS.indexOf(Character.toUpperCase(key));
    }

    /** The key an event code stands for. */
    public static char key(int eventCode) {
        if (eventCode < 0 || eventCode >= KEYS.length()) {
            throw new IllegalArgumentException("not a DTMF event code: " + eventCode);
        }
        return KEYS.charAt(eventCode);
    }

    /**
     * Checks a string of keys and returns it with A-D in upper case.
     *
     * @throws IllegalArgumentException naming the first character that is not a key, or if there is none
     */
    public static String checked(String digits) {
        if (digits == null || digits.isEmpty()) {
            throw new IllegalArgumentException("no DTMF digits given");
        }
        for (int i = 0; i < digits.length(); i++) {
            if (eventCode(digits.charAt(i)) < 0) {
                throw new IllegalArgumentException("'" + printable(digits.charAt(i)) + "' at position " + (i + 1)
                        + " is not a DTMF digit (0-9, *, #, A-D)");
            }
        }
        return digits.toUpperCase(java.util.Locale.ROOT);
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
