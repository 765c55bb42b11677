package io.outdial.dialer.dnc;

/** Why a record was not dialed after its pre-dial check; each has the two agent messages of the seed. */
public enum DncReason {
    /** The validation service answered 409: the number is on the Do-Not-Call registry. */
    ON_LIST("The phone number is on the Do-Not-Call list"),
    /** The validation service timed out, refused the connection or answered another status. */
    CANNOT_VALIDATE("The phone number cannot be validated (Do-Not-Call list service is unavailable).");

    static final String NEXT_SELECTED = "The next available phone number will be selected.";

    private final String text;

    DncReason(String text) {
        this.text = text;
    }

    /** The wire name: {@code on_list} or {@code cannot_validate}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The agent's message, word for word, with or without the next-number sentence. */
    public String message(boolean nextNumberSelected) {
        if (!nextNumberSelected) {
            return text;
        }
        return (text.endsWith(".") ? text : text + ".") + " " + NEXT_SELECTED;
    }
}
