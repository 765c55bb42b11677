package io.outdial.dialer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One YAML mapping at a known key path. Reads typed values (a missing or null key takes the caller's default),
 * remembers which keys it was asked for, and refuses any other key, so a typo never passes silently.
 */
final class YamlSection {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._-]+|\\[[0-9A-Fa-f:.]+]|[0-9A-Fa-f:]+");
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    private YamlSection(String path, ObjectNode node) {
        this.path = path;
        this.node = node;
    }

    /** The whole file; an empty file is an empty mapping (every default). */
    static YamlSection root(JsonNode node) {
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new YamlSection("", JsonNodeFactory.instance.objectNode());
        }
        if (!node.isObject()) {
            throw new ConfigException("the configuration must be a mapping of sections (sip, trunk, ...), got "
                    + show(node));
        }
        return new YamlSection("", (ObjectNode) node);
    }

    /** The full path of a key of this section, as messages show it: {@code campaigns[1].agents}. */
    String keyPath(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** True when the key is written with a value (the key is not marked read). */
    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
    }

    YamlSection section(String key) {
        JsonNode value = take(key);
        if (value == null) {
            return new YamlSection(keyPath(key), JsonNodeFactory.instance.objectNode());
        }
        if (!value.isObject()) {
            throw fail(key, "must be a mapping of keys", value);
        }
        return new YamlSection(keyPath(key), (ObjectNode) value);
    }

    /** A list of mappings ({@code agents}, {@code campaigns}); missing means empty. */
    List<YamlSection> sections(String key) {
        JsonNode value = take(key);
        List<YamlSection> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw fail(key, "must be a list", value);
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = keyPath(key) + "[" + i + "]";
            if (!item.isObject()) {
                throw new ConfigException(itemPath + ": must be a mapping of keys, got " + show(item));
            }
            out.add(new YamlSection(itemPath, (ObjectNode) item));
        }
        return out;
    }

    /** A scalar as text; unquoted numbers such as caller ids are taken as written. */
    String text(String key, String def) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        if (!value.isValueNode()) {
            throw fail(key, "must be a single value", value);
        }
        return value.asText();
    }

    /** Text where an explicit {@code null} means "none" rather than "the default". */
    String nullableText(String key, String def) {
        JsonNode raw = node.get(key);
        if (raw != null && raw.isNull()) {
            known.add(key);
            return null;
        }
        return text(key, def);
    }

    /**
     * Text that must be written as a YAML string when it looks like a number: YAML reads an unquoted {@code 0123}
     * as the octal number 83 and drops a leading {@code +}, which would change a caller id or phone number.
     */
    String quotedText(String key, String def) {
        JsonNode raw = node.get(key);
        if (raw != null && raw.isNumber()) {
            throw fail(key, "must be quoted (\"...\") so that YAML keeps it as written", raw);
        }
        return text(key, def);
    }

    /** A secret as {@link #quotedText}, null when absent; no message ever shows its value. */
    String quotedTextSecret(String key) {
        JsonNode raw = node.get(key);
        if (raw != null && !raw.isNull() && !raw.isTextual()) {
            known.add(key);
            throw new ConfigException(keyPath(key) + ": must be a quoted string (\"...\"); the value is not shown");
        }
        return text(key, null);
    }

    /** One plain value or a list of them ({@code urls: stun:a} or {@code urls: [stun:a, stun:b]}); missing: empty. */
    List<String> textOrList(String key) {
        JsonNode raw = node.get(key);
        if (raw != null && raw.isValueNode() && !raw.isNull()) {
            return List.of(text(key, null));
        }
        return textList(key);
    }

    String requiredText(String key) {
        String value = text(key, null);
        if (value == null || value.isBlank()) {
            throw new ConfigException(keyPath(key) + ": is required");
        }
        return value;
    }

    int integer(String key, int def, int min, int max) {
        return integer(key, def, "must be an integer in " + min + ".." + max, v -> v >= min && v <= max);
    }

    /** An integer that {@code ok} accepts; {@code requirement} is what the message says is allowed. */
    int integer(String key, int def, String requirement, IntPredicate ok) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        Integer parsed = null;
        if (value.isIntegralNumber() && value.canConvertToInt()) {
            parsed = value.intValue();
        } else if (value.isTextual() && value.asText().trim().matches("-?\\d{1,9}")) {
            parsed = Integer.parseInt(value.asText().trim());
        }
        if (parsed == null || !ok.test(parsed)) {
            throw fail(key, requirement, value);
        }
        return parsed;
    }

    /** A number (integer or decimal) in {@code min..max}, both included. */
    double decimal(String key, double def, double min, double max) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        Double parsed = null;
        if (value.isNumber()) {
            parsed = value.doubleValue();
        } else if (value.isTextual() && value.asText().trim().matches("-?\\d+(\\.\\d+)?")) {
            parsed = Double.parseDouble(value.asText().trim());
        }
        if (parsed == null || parsed < min || parsed > max) {
            throw fail(key, "must be a number in " + show(min) + ".." + show(max), value);
        }
        return parsed;
    }

    private static String show(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    boolean flag(String key, boolean def) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        if (!value.isBoolean()) {
            throw fail(key, "must be true or false", value);
        }
        return value.booleanValue();
    }

    /** A duration written {@code 500ms}, {@code 30s}, {@code 2m} or {@code 1h}, within {@code min..max}. */
    Duration duration(String key, Duration def, Duration min, Duration max) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        String requirement = "must be a duration (500ms, 30s, 2m, 1h) in " + show(min) + ".." + show(max);
        Matcher m = value.isTextual() ? DURATION.matcher(value.asText().trim()) : null;
        if (m == null || !m.matches()) {
            throw fail(key, requirement, value);
        }
        long amount = Long.parseLong(m.group(1));
        Duration parsed = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            throw fail(key, requirement, value);
        }
        return parsed;
    }

    /** One of the constants of {@code allowed}, written in lower case ({@code udp}, {@code push_preview}). */
    @SafeVarargs
    final <E extends Enum<E>> E oneOf(String key, E def, E... allowed) {
        JsonNode value = take(key);
        if (value == null) {
            return def;
        }
        String written = value.isValueNode() ? value.asText().trim() : null;
        if (value.isBoolean() && !value.booleanValue()) {
            // YAML 1.1 reads an unquoted off (or no) as false: it still means the choice named OFF
            written = "off";
        }
        for (E candidate : allowed) {
            if (candidate.name().equalsIgnoreCase(written)) {
                return candidate;
            }
        }
        String names = Arrays.stream(allowed).map(e -> e.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(", "));
        throw fail(key, "must be one of " + names, value);
    }

    /** A list of plain values; missing means empty. */
    List<String> textList(String key) {
        JsonNode value = take(key);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            throw fail(key, "must be a list of values", value);
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isValueNode() || item.isNull()) {
                throw new ConfigException(keyPath(key) + "[" + i + "]: must be a single value, got " + show(item));
            }
            out.add(item.asText());
        }
        return out;
    }

    /** A host name or IP address (no scheme, no port). */
    String host(String key, String def) {
        String value = text(key, def);
        if (value == null || !HOST.matcher(value).matches()) {
            throw fail(key, "must be a host name or IP address", value);
        }
        return value;
    }

    /** An optional file path, resolved against {@code baseDir} when relative; null when absent. */
    Path file(String key, Path baseDir) {
        String value = text(key, null);
        if (value == null || value.isBlank()) {
            return null;
        }
        return baseDir.resolve(value.trim()).normalize();
    }

    /** Refuses every key that no read asked for. Call after reading the whole section. */
    void refuseUnknownKeys() {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new ConfigException(keyPath(name) + ": unknown key; allowed keys "
                        + (path.isEmpty() ? "at the top level" : "in " + path) + " are " + String.join(", ", known));
            }
        }
    }

    ConfigException fail(String key, String requirement, JsonNode got) {
        return new ConfigException(keyPath(key) + ": " + requirement + ", got " + show(got));
    }

    /** A failure about a value already read (cross-key checks); strings are quoted as YAML would show them. */
    ConfigException fail(String key, String requirement, Object got) {
        String shown = got instanceof String s ? "'" + s + "'" : String.valueOf(got);
        return new ConfigException(keyPath(key) + ": " + requirement + ", got " + shown);
    }

    /** Null stands for "not given", so that {@code key:} with no value takes the default as well. */
    private JsonNode take(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isNull() ? null : value;
    }

    static String show(Duration d) {
        if (d.toMillis() % 1000 != 0) {
            return d.toMillis() + "ms";
        }
        long s = d.getSeconds();
        if (s % 3600 == 0 && s > 0) {
            return s / 3600 + "h";
        }
        if (s % 60 == 0 && s > 0) {
            return s / 60 + "m";
        }
        return s + "s";
    }

    private static String show(JsonNode value) {
        if (value == null || value.isNull()) {
            return "null";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.asText();
    }
}
