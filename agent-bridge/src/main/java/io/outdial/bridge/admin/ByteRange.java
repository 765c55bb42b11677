package io.outdial.bridge.admin;

import java.util.Locale;
import java.util.Optional;

/**
 * One byte range a client asked for in its {@code Range} header (RFC 9110, section 14): {@code bytes=first-last},
 * {@code bytes=first-} (to the end) or {@code bytes=-suffix} (the last {@code suffix} bytes). Parsed before the
 * content is known, resolved against the content's length once it is.
 */
public final class ByteRange {
    /** The longest number accepted (18 digits stay below {@code Long.MAX_VALUE}). */
    private static final int MAX_DIGITS = 18;

    /** First byte, or -1 for a suffix range. */
    private final long first;
    /** Last byte (inclusive), or -1 for "to the end". */
    private final long last;
    /** Length of a suffix range, else -1. */
    private final long suffix;

    private ByteRange(long first, long last, long suffix) {
        this.first = first;
        this.last = last;
        this.suffix = suffix;
    }

    /** The part of the content a range selects: bytes {@code from} to {@code to}, both inclusive, of {@code length}. */
    public record Slice(long from, long to, long length) {
        public long size() {
            return to - from + 1;
        }

        /** True unless the slice is the whole content. */
        public boolean partial() {
            return from > 0 || to < length - 1;
        }

        /** The {@code Content-Range} value of a 206 answer. */
        public String contentRange() {
            return "bytes " + from + "-" + to + "/" + length;
        }
    }

    /**
     * The range of a {@code Range} header value. Empty (serve the whole content) when there is no header, when its
     * unit is not {@code bytes}, or when it asks for several ranges (a server may ignore a Range header; this one
     * sends no multipart answers).
     *
     * @throws IllegalArgumentException for a single bytes range that is malformed ({@code bytes=5-2},
     *                                  {@code bytes=x-}, {@code bytes=-0}, {@code bytes=-}), with what is wrong
     */
    public static Optional<ByteRange> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.strip();
        int equals = value.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException("Range '" + value + "' is not unit=ranges");
        }
        if (!value.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals("bytes")) {
            return Optional.empty();
        }
        String spec = value.substring(equals + 1).strip();
        if (spec.indexOf(',') >= 0) {
            return Optional.empty();
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            throw new IllegalArgumentException("Range '" + value + "' has no '-'");
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        if (from.isEmpty()) {
            long suffix = number(to, value);
            if (suffix == 0) {
                throw new IllegalArgumentException("Range '" + value + "' asks for the last 0 bytes");
            }
            return Optional.of(new ByteRange(-1, -1, suffix));
        }
        long first = number(from, value);
        if (to.isEmpty()) {
            return Optional.of(new ByteRange(first, -1, -1));
        }
        long last = number(to, value);
        if (last < first) {
            throw new IllegalArgumentException("Range '" + value + "' ends before it starts");
        }
        return Optional.of(new ByteRange(first, last, -1));
    }

    private static long number(String digits, String header) {
        if (digits.isEmpty() || digits.length() > MAX_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("Range '" + header + "': '" + digits + "' is not a byte position");
        }
        return Long.parseLong(digits);
    }

    /**
     * The bytes this range selects of content {@code length} bytes long: a last byte past the end is the end, a
     * suffix longer than the content is all of it.
     *
     * @throws RangeNotSatisfiable when the range starts at or past the end (every range of empty content)
     */
    public Slice resolve(long length) {
        if (length <= 0 || first >= length) {
            throw new RangeNotSatisfiable(this + " lies outside the " + length + " bytes", length);
        }
        if (first < 0) {
            return new Slice(Math.max(0, length - suffix), length - 1, length);
        }
        return new Slice(first, last < 0 ? length - 1 : Math.min(last, length - 1), length);
    }

    @Override
    public String toString() {
        return "bytes=" + (first < 0 ? "-" + suffix : first + "-" + (last < 0 ? "" : Long.toString(last)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteRange r && r.first == first && r.last == last && r.suffix == suffix;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(first) * 31 * 31 + Long.hashCode(last) * 31 + Long.hashCode(suffix);
    }
}
