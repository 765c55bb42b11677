package io.outdial.dialer.wrapup;

/**
 * What an agent records about an interaction besides its call result.
 *
 * @param code      a disposition code from the campaign's list, or null
 * @param doNotCall the contact asked not to be called again: the number goes on the campaign's do-not-call list
 * @param note      free text kept in the contact history, or null
 */
public record Disposition(String code, boolean doNotCall, String note) {
    /** Nothing recorded. */
    public static final Disposition NONE = new Disposition(null, false, null);
}
