package io.outdial.dialer.dnc;

/** What the pre-dial validation service said of one record. */
public enum Verdict {
    /** 200: dial. */
    DIAL,
    /** 409: on the Do-Not-Call registry, do not dial. */
    ON_LIST,
    /** Timeout, refused connection, any other status. */
    UNAVAILABLE;

    /** The verdict of an HTTP status. */
    public static Verdict ofStatus(int status) {
        if (status == 200) {
            return DIAL;
        }
        return status == 409 ? ON_LIST : UNAVAILABLE;
    }
}
