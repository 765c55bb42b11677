package io.outdial.dialer.config;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Voice recording ({@code recording:}): where files go and how long they are kept, the memory and threads the
 * writer may use, and each campaign's policy.
 *
 * @param directory      the folder recordings are written below (relative paths start at the configuration
 *                       file's folder)
 * @param fileName       the file-name pattern below it (placeholders in {@link #PLACEHOLDERS})
 * @param retentionDays  recordings older than this are deleted (file and row kept as "deleted"); 0 keeps them
 * @param writerThreads  threads writing files (blocking disk I/O, never an event loop)
 * @param bufferSeconds  seconds of stereo audio all recordings together may hold in memory before audio is lost
 * @param policies       campaign name to policy; campaigns not listed get {@code defaultPolicy}
 * @param defaultPolicy  the policy of campaigns not listed ({@code recording.mode} and friends)
 */
public record RecordingSettings(Path directory, String fileName, int retentionDays, int writerThreads,
                                int bufferSeconds, Map<String, RecordingPolicy> policies,
                                RecordingPolicy defaultPolicy) {

    public static final String DEFAULT_FILE_NAME = "{campaign}/{date}/{recording}.wav";

    public RecordingSettings {
        policies = Map.copyOf(policies);
    }

    /** Nothing recorded, files (were any started) under {@code recordings/}. */
    public static RecordingSettings none(Path baseDir) {
        return new RecordingSettings(baseDir.resolve("recordings"), DEFAULT_FILE_NAME, 0, 1, 120, Map.of(),
                RecordingPolicy.NONE);
    }

    public RecordingPolicy policyOf(String campaign) {
        return policies.getOrDefault(campaign, defaultPolicy);
    }

    /** The placeholders a file-name pattern may use. */
    public static final java.util.List<String> PLACEHOLDERS = java.util.List.of("campaign", "date", "time",
            "record", "interaction", "agent", "recording");

    /** Why {@code pattern} is no good file-name pattern, or null when it is. */
    public static String fileNameProblem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "must not be blank";
        }
        if (!pattern.endsWith(".wav")) {
            return "must end with .wav";
        }
        if (pattern.startsWith("/") || pattern.contains("..") || pattern.contains("\\")) {
            return "must be a relative path below the directory (no leading '/', no '..', no '\\')";
        }
        if (!pattern.contains("{recording}") && !pattern.contains("{interaction}")) {
            return "must contain {recording} or {interaction}, so that two recordings never share a file";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([a-z]+)}").matcher(pattern);
        while (m.find()) {
            if (!PLACEHOLDERS.contains(m.group(1))) {
                return "unknown placeholder {" + m.group(1) + "}; known are " + PLACEHOLDERS;
            }
        }
        return null;
    }

    static RecordingSettings read(YamlSection s, Path baseDir, Set<String> campaigns) {
        Path directory = s.file("directory", baseDir);
        String fileName = s.text("fileName", DEFAULT_FILE_NAME);
        String problem = fileNameProblem(fileName);
        if (problem != null) {
            throw s.fail("fileName", problem, fileName);
        }
        int retention = s.integer("retentionDays", 0, 0, 36500);
        int threads = s.integer("writerThreads", 1, 1, 16);
        int buffer = s.integer("bufferSeconds", 120, 2, 86400);
        RecordingPolicy defaults = policy(s, new RecordingPolicy(RecordingMode.NONE, false, false));
        Map<String, RecordingPolicy> policies = new HashMap<>();
        for (YamlSection item : s.sections("campaigns")) {
            String name = item.requiredText("campaign");
            if (!campaigns.contains(name)) {
                throw item.fail("campaign", "must name a configured campaign", name);
            }
            if (policies.put(name, policy(item, defaults)) != null) {
                throw item.fail("campaign", "is listed twice", name);
            }
            item.refuseUnknownKeys();
        }
        s.refuseUnknownKeys();
        return new RecordingSettings(directory == null ? baseDir.resolve("recordings") : directory, fileName,
                retention, threads, buffer, policies, defaults);
    }

    private static RecordingPolicy policy(YamlSection s, RecordingPolicy inherited) {
        RecordingMode mode = s.oneOf("mode", inherited.mode(), RecordingMode.values());
        boolean stop = s.flag("agentStop", mode != RecordingMode.NONE
                && (mode == RecordingMode.ON_DEMAND || inherited.agentStop()));
        boolean pause = s.flag("agentPause", mode != RecordingMode.NONE);
        if (mode == RecordingMode.NONE && (stop || pause)) {
            throw s.fail(s.has("agentPause") ? "agentPause" : "agentStop",
                    "cannot be true with mode none (there is no recording to control)", true);
        }
        return new RecordingPolicy(mode, stop, pause);
    }
}
