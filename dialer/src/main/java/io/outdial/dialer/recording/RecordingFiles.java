package io.outdial.dialer.recording;

import io.outdial.dialer.config.RecordingSettings;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a recording's file goes: the configured directory, then the file-name pattern with its placeholders
 * filled in ({@code {campaign}}, {@code {date}} as yyyy/MM/dd in UTC, {@code {time}} as HHmmss, {@code {record}},
 * {@code {interaction}}, {@code {agent}}, {@code {recording}}). Values are reduced to safe file-name characters,
 * so no value can climb out of the directory.
 */
public final class RecordingFiles {

    /** The placeholders a pattern may use. */
    public static final List<String> PLACEHOLDERS = RecordingSettings.PLACEHOLDERS;
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss").withZone(ZoneOffset.UTC);

    private final Path directory;
    private final String pattern;

    public RecordingFiles(Path directory, String pattern) {
        this.directory = directory.toAbsolutePath().normalize();
        this.pattern = pattern;
        String problem = problem(pattern);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why {@code pattern} is no good file-name pattern, or null when it is. */
    public static String problem(String pattern) {
        return RecordingSettings.fileNameProblem(pattern);
    }

    public Path directory() {
        return directory;
    }

    /** The file of one recording. */
    public Path fileOf(String campaign, Instant at, long recordId, String interactionId, String agentId,
                      String recordingKey) {
        Matcher m = PLACEHOLDER.matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "campaign" -> safe(campaign);
                case "date" -> DATE.format(at);
                case "time" -> TIME.format(at);
                case "record" -> Long.toString(recordId);
                case "interaction" -> safe(interactionId);
                case "agent" -> safe(agentId);
                default -> safe(recordingKey);
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        Path file = directory.resolve(out.toString()).normalize();
        if (!file.startsWith(directory)) {
            throw new IllegalArgumentException("recording file " + file + " is outside " + directory);
        }
        return file;
    }

    private static String safe(String value) {
        if (value == null || value.isEmpty()) {
            return "none";
        }
        String s = value.replaceAll("[^A-Za-z0-9_.-]", "_");
        return s.equals(".") || s.equals("..") ? "_" : s;
    }
}
