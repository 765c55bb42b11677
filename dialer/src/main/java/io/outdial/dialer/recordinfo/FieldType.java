package io.outdial.dialer.recordinfo;

/** How a Record Information field is shown and edited on a desktop. */
public enum FieldType {
    /** Free text. */
    TEXT("text"),
    /** A check box: true or false. */
    CHECKBOX("checkbox"),
    /** A date and time without zone, {@code 2026-11-21T16:30} (the contact's local time). */
    DATETIME("datetime"),
    /** One of the field's options. */
    DROPDOWN("dropdown");

    private final String wireName;

    FieldType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
