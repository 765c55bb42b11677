package io.outdial.dialer.record;

/** The outcome of a dial attempt, with the reference system's numeric codes (ARCHITECTURE.md section 6). */
public enum CallResult {
    UNKNOWN(28, "Unknown"),
    ANSWER(33, "Answer"),
    ANSWERING_MACHINE(9, "Answering Machine Detected"),
    FAX(17, "Fax Detected"),
    SILENCE(32, "Silence"),
    BUSY(6, "Busy"),
    NO_ANSWER(7, "No Answer"),
    WRONG_NUMBER(53, "Wrong Number"),
    SIT_INVALID_NUMBER(11, "SIT Invalid Num"),
    SIT_VACANT(12, "SIT Vacant"),
    SIT_OPER_INTERCEPT(13, "SIT Oper Intercept"),
    SIT_UNKNOWN(14, "SIT Unknown"),
    SIT_NO_CIRCUIT(15, "SIT No Circuit"),
    SIT_REORDER(16, "SIT Reorder"),
    ALL_TRUNKS_BUSY(10, "All Trunks Busy"),
    GENERAL_ERROR(3, "General Error"),
    SYSTEM_ERROR(4, "System Error"),
    ABANDONED(21, "Abandoned"),
    DROPPED(26, "Dropped"),
    WRONG_PARTY(40, "Wrong Party"),
    DO_NOT_CALL(51, "Do Not Call"),
    CANCEL_RECORD(52, "Cancel Record"),
    STALE(46, "Stale");

    private final int code;
    private final String label;

    CallResult(int code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The numeric code stored in the calling list and reported to other systems. */
    public int code() {
        return code;
    }

    /** The name people read (desktops, reports). */
    public String label() {
        return label;
    }

    /**
     * Whether an agent may set this result on a call: the outcomes a person can tell from talking. The others are
     * the gateway's own findings (errors, tones, abandonment) and must not be faked from a desktop.
     */
    public boolean agentMaySet() {
        return switch (this) {
            case ANSWER, ANSWERING_MACHINE, FAX, SILENCE, BUSY, NO_ANSWER, WRONG_NUMBER, WRONG_PARTY, DO_NOT_CALL -> true;
            default -> false;
        };
    }

    public static CallResult ofCode(int code) {
        for (CallResult r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown call result code " + code);
    }

    /** Accepts the enum name (NO_ANSWER), the label ("No Answer") or the numeric code ("7"). */
    public static CallResult parse(String text) {
        String t = text.trim();
        for (CallResult r : values()) {
            if (r.name().equalsIgnoreCase(t) || r.label.equalsIgnoreCase(t) || String.valueOf(r.code).equals(t)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown call result '" + text + "'");
    }
}
