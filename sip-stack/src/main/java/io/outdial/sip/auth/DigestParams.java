package io.outdial.sip.auth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code Digest k=v, k="v"} list of a WWW-Authenticate, Proxy-Authenticate, Authorization or
 * Proxy-Authorization value (RFC 3261 25.1 auth-param). Strict and bounded: hostile input gets an exception with a
 * short reason, never a half-parsed map.
 */
final class DigestParams {
    static final int MAX_LENGTH = 4096;
    static final int MAX_PARAMS = 32;

    private DigestParams() {
    }

    /** Parameter names in lower case; quoted values unquoted (backslash escapes resolved). */
    static Map<String, String> parse(String value) throws DigestFormatException {
        if (value == null) {
            throw new DigestFormatException("no header value");
        }
        if (value.length() > MAX_LENGTH) {
            throw new DigestFormatException("header longer than " + MAX_LENGTH + " characters");
        }
        String s = value.strip();
        if (s.length() < 6 || !s.regionMatches(true, 0, "Digest", 0, 6)
                || (s.length() > 6 && !Character.isWhitespace(s.charAt(6)))) {
            throw new DigestFormatException("not a Digest scheme");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int i = 6;
        int n = s.length();
        while (true) {
            i = skipSpace(s, i);
            if (i >= n) {
                break;
            }
            int nameStart = i;
            while (i < n && isToken(s.charAt(i))) {
                i++;
            }
            if (i == nameStart) {
                throw new DigestFormatException("bad character at " + i);
            }
            String name = s.substring(nameStart, i).toLowerCase(Locale.ROOT);
            i = skipSpace(s, i);
            if (i >= n || s.charAt(i) != '=') {
                throw new DigestFormatException("parameter " + safe(name) + " has no value");
            }
            i = skipSpace(s, i + 1);
            String val;
            if (i < n && s.charAt(i) == '"') {
                StringBuilder b = new StringBuilder();
                i++;
                boolean closed = false;
                while (i < n) {
                    char c = s.charAt(i++);
                    if (c == '\\' && i < n) {
                        b.append(s.charAt(i++));
                    } else if (c == '"') {
                        closed = true;
                        break;
                    } else {
                        b.append(c);
                    }
                }
                if (!closed) {
                    throw new DigestFormatException("unterminated quoted value of " + safe(name));
                }
                val = b.toString();
            } else {
                int start = i;
                while (i < n && isToken(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    throw new DigestFormatException("parameter " + safe(name) + " has an empty value");
                }
                val = s.substring(start, i);
            }
            if (params.put(name, val) != null) {
                throw new DigestFormatException("parameter " + safe(name) + " given twice");
            }
            if (params.size() > MAX_PARAMS) {
                throw new DigestFormatException("more than " + MAX_PARAMS + " parameters");
            }
            i = skipSpace(s, i);
            if (i < n) {
                if (s.charAt(i) != ',') {
                    throw new DigestFormatException("expected ',' at " + i);
                }
                i++;
            }
        }
        if (params.isEmpty()) {
            throw new DigestFormatException("no parameters");
        }
        return params;
    }

    /** {@code "value"} with quotes and backslashes escaped. */
    static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static int skipSpace(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i;
    }

    private static boolean isToken(char c) {
        return c < 128 && (Character.isLetterOrDigit(c) || "-.!%*_+`'~:/@".indexOf(c) >= 0);
    }

    private static String safe(String name) {
        return name.length() > 20 ? name.substring(0, 20) + "..." : name;
    }
}
