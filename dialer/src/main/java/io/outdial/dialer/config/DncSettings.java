package io.outdial.dialer.config;

import java.net.URI;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A campaign's {@code dnc:} section: how its records are checked against do-not-call lists before each dial.
 *
 * @param customerIdField   the custom field (CSV column) holding the contact's customer id, matched against the
 *                          internal list's customer-id entries
 * @param validationUrl     the pre-dial validation service (HTTP POST per record before it is dialed), or null
 * @param validationTimeout how long the service has to answer
 * @param onUnavailable     what a timeout, a refused connection or an unexpected status means
 */
public record DncSettings(String customerIdField, URI validationUrl, Duration validationTimeout,
                          OnUnavailable onUnavailable) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_ -]{1,64}");

    /** What to do with a record when the validation service cannot say. */
    public enum OnUnavailable {
        /** The record is not dialed: result Do Not Call (51), treatments apply. The safe choice, the default. */
        DO_NOT_CALL,
        /** The record is dialed as if the service had answered 200. */
        DIAL;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Defaults: customer ids in {@code customer_id}, no validation service. */
    public static DncSettings defaults() {
        return new DncSettings("customer_id", null, Duration.ofSeconds(2), OnUnavailable.DO_NOT_CALL);
    }

    public boolean validates() {
        return validationUrl != null;
    }

    static DncSettings read(YamlSection s) {
        DncSettings d = defaults();
        String field = s.text("customerIdField", d.customerIdField());
        if (!FIELD.matcher(field).matches()) {
            throw s.fail("customerIdField", "must be a column name of 1..64 letters, digits, '_', '-' or spaces",
                    field);
        }
        String url = s.nullableText("validationUrl", null);
        URI uri = null;
        if (url != null && !url.isBlank()) {
            try {
                uri = URI.create(url.trim());
            } catch (IllegalArgumentException e) {
                throw s.fail("validationUrl", "must be an http:// or https:// URL", url);
            }
            if (uri.getScheme() == null || !uri.getScheme().matches("https?") || uri.getHost() == null) {
                throw s.fail("validationUrl", "must be an http:// or https:// URL", url);
            }
        }
        Duration timeout = s.duration("validationTimeout", d.validationTimeout(), Duration.ofMillis(100),
                Duration.ofSeconds(30));
        OnUnavailable on = s.oneOf("onUnavailable", d.onUnavailable(), OnUnavailable.values());
        s.refuseUnknownKeys();
        return new DncSettings(field, uri, timeout, on);
    }
}
