package io.outdial.dialer.store;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What kind of number a record's contact_info is (the reference system's list); stored and shown by label. */
public enum ContactInfoType {
    NO_CONTACT_TYPE("No Contact Type"),
    HOME("Home"),
    DIRECT_BUSINESS("Direct Business"),
    BUSINESS_WITH_EXT("Business with Ext"),
    MOBILE("Mobile"),
    VACATION("Vacation"),
    PAGER("Pager"),
    MODEM("Modem"),
    VOICE_MAIL("Voice Mail"),
    PIN_PAGER("Pin Pager");

    private final String label;

    ContactInfoType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the label ("Direct Business") or the name ("direct_business"), in any case. */
    public static ContactInfoType parse(String text) {
        String t = text.trim();
        for (ContactInfoType type : values()) {
            if (type.label.equalsIgnoreCase(t) || type.name().equalsIgnoreCase(t)) {
                return type;
            }
        }
        throw new IllegalArgumentException("must be one of " + allowed());
    }

    static String allowed() {
        return Arrays.stream(values()).map(ContactInfoType::label).collect(Collectors.joining(", "));
    }
}
