package io.outdial.dialer.config;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A caller id contacts are shown: the user part of From and its display name.
 *
 * @param number the number (1..32 letters, digits, '.', '_' or '-', an optional leading +)
 * @param name   the display name, or null for none
 */
public record CallerId(String number, String name) {
    // A SIP user part we can put in From without escaping.
    static final Pattern NUMBER = Pattern.compile("\\+?[A-Za-z0-9._-]{1,32}");
    private static final int MAX_PER_CAMPAIGN = 20;

    /** The number, checked, at {@code key} of {@code s}. */
    static String number(YamlSection s, String key, String def) {
        String number = s.quotedText(key, def);
        if (number != null && !NUMBER.matcher(number).matches()) {
            throw s.fail(key, "must be 1..32 letters, digits, '.', '_' or '-' with an optional leading +", number);
        }
        return number;
    }

    /** A display name, checked: it goes between quotes in the From header. */
    static String name(YamlSection s, String key, String def) {
        String name = s.nullableText(key, def);
        if (name != null && (name.contains("\"") || name.contains("\\")
                || name.chars().anyMatch(Character::isISOControl))) {
            throw s.fail(key, "must not contain quotes, backslashes or control characters", name);
        }
        return name;
    }

    /** A campaign's {@code callerIds} list: distinct numbers, at most 20. */
    static List<CallerId> readList(YamlSection campaign) {
        List<CallerId> out = new ArrayList<>();
        List<YamlSection> items = campaign.sections("callerIds");
        if (items.size() > MAX_PER_CAMPAIGN) {
            throw campaign.fail("callerIds", "must list at most " + MAX_PER_CAMPAIGN + " caller ids",
                    items.size() + " of them");
        }
        for (YamlSection item : items) {
            String number = number(item, "number", null);
            if (number == null) {
                throw new ConfigException(item.keyPath("number") + ": is required");
            }
            if (out.stream().anyMatch(c -> c.number().equals(number))) {
                throw item.fail("number", "must be distinct within the campaign's callerIds", number);
            }
            out.add(new CallerId(number, name(item, "name", null)));
            item.refuseUnknownKeys();
        }
        return out;
    }
}
