package io.outdial.sip.testing;

import io.outdial.sip.Transport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real SIPp process running one scenario of {@code sipp-scenarios/} on 127.0.0.1, for integration tests. It picks
 * free SIP and media ports, writes its statistics, errors and message trace under {@code target/sipp/}, returns
 * once SIPp listens, and is always killed on {@link #close()}.
 *
 * <pre>{@code
 * try (Sipp contact = Sipp.scenario("uas-answer.xml").talkTime(Duration.ofSeconds(1)).start()) {
 *     Leg leg = ua.dial(DialRequest.agentPhone(contact.uri("5551234"), Transport.UDP, "100", null, RING), exec, l);
 *     ...
 *     Sipp.Result result = contact.awaitExit(Duration.ofSeconds(20));
 *     assertTrue(result.passed(), result::describe);
 * }
 * }</pre>
 */
public final class Sipp implements AutoCloseable {
    private static final AtomicInteger RUNS = new AtomicInteger();
    private static final Duration STARTUP = Duration.ofSeconds(10);

    private final Process process;
    private final Builder spec;
    private final int sipPort;
    private final int mediaPort;
    private final Path statFile;
    private final Path errorFile;
    private final Path messageFile;
    private final Path screenFile;

    private Sipp(Process process, Builder spec, int sipPort, int mediaPort, Path statFile, Path errorFile,
                 Path messageFile, Path screenFile) {
        this.process = process;
        this.spec = spec;
        this.sipPort = sipPort;
        this.mediaPort = mediaPort;
        this.statFile = statFile;
        this.errorFile = errorFile;
        this.messageFile = messageFile;
        this.screenFile = screenFile;
    }

    /** Starts describing a run of {@code scenarioFile} (a file name in sipp-scenarios/, or a path). */
    public static Builder scenario(String scenarioFile) {
        return new Builder(scenarioFile);
    }

    /** The directory holding the scenarios: {@code -Doutdial.sipp.scenarios}, else the nearest sipp-scenarios/ up. */
    public static Path scenarioDirectory() {
        String configured = System.getProperty("outdial.sipp.scenarios");
        if (configured != null) {
            return Paths.get(configured).toAbsolutePath();
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (int depth = 0; dir != null && depth < 6; depth++, dir = dir.getParent()) {
            Path candidate = dir.resolve("sipp-scenarios");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no sipp-scenarios/ directory above " + Paths.get("").toAbsolutePath());
    }

    /** SIPp's SIP port on 127.0.0.1. */
    public int sipPort() {
        return sipPort;
    }

    /** SIPp's RTP port (it also binds this + 2). */
    public int mediaPort() {
        return mediaPort;
    }

    /** {@code sip:user@127.0.0.1:port}: a Request-URI that reaches this SIPp. */
    public String uri(String user) {
        return "sip:" + user + "@127.0.0.1:" + sipPort;
    }

    /** {@code 127.0.0.1:port}, as a trunk host/port or outbound proxy. */
    public String hostPort() {
        return "127.0.0.1:" + sipPort;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for SIPp to finish its calls and exit, then reads its statistics. Throws if it outlives {@code limit}. */
    public Result awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("SIPp " + spec.scenario + " still running after " + limit + "\n" + readErrors());
        }
        return result(process.exitValue());
    }

    /**
     * Stops SIPp now (SIGTERM, which lets it write its last statistics; SIGKILL if it lingers) and returns what it
     * had counted. For scenarios that serve calls until stopped, such as agent phones.
     */
    public Result stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        return result(process.waitFor());
    }

    /**
     * Kills SIPp at once (SIGKILL: no BYE, no last statistics), as a crashed phone or a lost network would look to
     * the gateway. Waits until the process is gone.
     */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(5, TimeUnit.SECONDS);
    }

    private Result result(int exitCode) {
        Map<String, String> stats = lastStats();
        return new Result(spec.scenario, exitCode, count(stats, "SuccessfulCall(C)"), count(stats, "FailedCall(C)"),
                readErrors(), statFile, messageFile);
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Map<String, String> lastStats() {
        Map<String, String> stats = new TreeMap<>();
        try {
            if (!Files.exists(statFile)) {
                return stats;
            }
            List<String> lines = Files.readAllLines(statFile);
            if (lines.size() < 2) {
                return stats;
            }
            String[] header = lines.get(0).split(";");
            String[] last = lines.get(lines.size() - 1).split(";");
            for (int i = 0; i < Math.min(header.length, last.length); i++) {
                stats.put(header[i].trim(), last[i].trim());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return stats;
    }

    private static long count(Map<String, String> stats, String column) {
        String v = stats.get(column);
        try {
            return v == null ? -1 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private String readErrors() {
        StringBuilder out = new StringBuilder();
        for (Path p : List.of(errorFile, screenFile)) {
            try {
                if (Files.exists(p)) {
                    String text = Files.readString(p);
                    out.append("--- ").append(p.getFileName()).append('\n')
                            .append(text, Math.max(0, text.length() - 4000), text.length());
                }
            } catch (IOException e) {
                out.append("(cannot read ").append(p).append(": ").append(e.getMessage()).append(")\n");
            }
        }
        return out.toString();
    }

    /**
     * What a SIPp run ended with.
     *
     * @param exitCode   SIPp's exit status: 0 all calls passed, 1 some failed, 97 stopped by command or timeout,
     *                   99 no call processed, 255/254 fatal or port error
     * @param successful successful calls from the statistics file (-1 if unknown)
     * @param failed     failed calls from the statistics file (-1 if unknown)
     * @param errors     the tail of SIPp's error log and screen, for assertion messages
     */
    public record Result(String scenario, int exitCode, long successful, long failed, String errors, Path statFile,
                         Path messageFile) {

        /** Every call of the scenario passed. */
        public boolean passed() {
            return exitCode == 0 && failed <= 0;
        }

        public String describe() {
            return "SIPp " + scenario + " exit " + exitCode + ", " + successful + " successful, " + failed
                    + " failed; messages in " + messageFile + "\n" + errors;
        }
    }

    /** How to run one SIPp scenario. */
    public static final class Builder {
        private final String scenario;
        private Transport transport = Transport.UDP;
        private int calls = 1;
        private Duration timeout = Duration.ofSeconds(30);
        private Duration talkTime = Duration.ofSeconds(1);
        private boolean rtpEcho;
        private final Map<String, String> variables = new TreeMap<>();
        private final List<String> extraArgs = new ArrayList<>();
        private Path directory;

        private Builder(String scenario) {
            this.scenario = Objects.requireNonNull(scenario);
        }

        /** UDP (default) or TCP ({@code -t t1}: one connection). */
        public Builder transport(Transport transport) {
            this.transport = transport;
            return this;
        }

        /** {@code -m}: SIPp exits after this many calls (default 1). */
        public Builder calls(int calls) {
            this.calls = calls;
            return this;
        }

        /** {@code -timeout}, treated as an error: the whole run's limit (default 30 s). */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** {@code -d}: the duration of a plain {@code <pause/>}, the talk time in our scenarios (default 1 s). */
        public Builder talkTime(Duration talkTime) {
            this.talkTime = talkTime;
            return this;
        }

        /** {@code -rtp_echo}: echo RTP received on the media port back to its sender. */
        public Builder rtpEcho() {
            this.rtpEcho = true;
            return this;
        }

        /** {@code -set name value}: a global scenario variable. */
        public Builder set(String name, String value) {
            variables.put(name, value);
            return this;
        }

        /**
         * Runs SIPp in {@code dir} instead of sipp-scenarios/: {@code rtp_stream} paths in the scenario (such as
         * {@code audio/contact.raw}) are then read from there, so each test can give a scenario its own audio.
         */
        public Builder directory(Path dir) {
            this.directory = dir;
            return this;
        }

        /** Further raw SIPp arguments. */
        public Builder args(String... args) {
            extraArgs.addAll(List.of(args));
            return this;
        }

        /** Starts SIPp and returns once it listens (its first statistics dump comes after its sockets are bound). */
        public Sipp start() throws IOException, InterruptedException {
            Path scenarios = scenarioDirectory();
            ToneFile.ensure(scenarios.resolve("audio"));
            Path scenarioFile = scenarios.resolve(scenario);
            if (!Files.isRegularFile(scenarioFile)) {
                throw new IllegalArgumentException("no SIPp scenario " + scenarioFile);
            }
            Path out = Paths.get("target", "sipp").toAbsolutePath();
            Files.createDirectories(out);
            String base = scenario.replace(".xml", "") + "-" + ProcessHandle.current().pid() + "-"
                    + RUNS.incrementAndGet();
            Path stat = out.resolve(base + "-stat.csv");
            Path errors = out.resolve(base + "-errors.log");
            Path messages = out.resolve(base + "-messages.log");
            Path screen = out.resolve(base + "-screen.log");
            int sipPort = FreePorts.sip();
            int mediaPort = FreePorts.rtpPair();

            List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenarioFile.toString(),
                    "-i", "127.0.0.1", "-p", Integer.toString(sipPort), "-bind_local",
                    "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort),
                    "-t", transport == Transport.TCP ? "t1" : "u1",
                    "-m", Integer.toString(calls), "-d", Long.toString(talkTime.toMillis()),
                    "-timeout", timeout.toSeconds() + "s", "-timeout_error", "-nostdin",
                    "-trace_stat", "-stf", stat.toString(), "-fd", "1",
                    "-trace_err", "-error_file", errors.toString(),
                    "-trace_msg", "-message_file", messages.toString(),
                    "-trace_screen", "-screen_file", screen.toString()));
            if (rtpEcho) {
                cmd.add("-rtp_echo");
            }
            variables.forEach((k, v) -> cmd.addAll(List.of("-set", k, v)));
            cmd.addAll(extraArgs);

            try (WatchService watcher = out.getFileSystem().newWatchService()) {
                out.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
                Process process = new ProcessBuilder(cmd)
                        .directory((directory == null ? scenarios : directory).toFile()) // rtp_stream paths
                        .redirectOutput(out.resolve(base + "-stdout.log").toFile())
                        .redirectError(out.resolve(base + "-stderr.log").toFile())
                        .start();
                Sipp sipp = new Sipp(process, this, sipPort, mediaPort, stat, errors, messages, screen);
                try {
                    awaitFile(watcher, stat, process);
                    return sipp;
                } catch (RuntimeException | InterruptedException e) {
                    sipp.close();
                    throw e;
                }
            }
        }

        private static void awaitFile(WatchService watcher, Path file, Process process)
                throws InterruptedException, IOException {
            long deadline = System.nanoTime() + STARTUP.toNanos();
            while (!Files.exists(file)) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("SIPp exited at start with " + process.exitValue() + ": "
                            + String.join(" ", process.info().arguments().map(List::of).orElse(List.of())));
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new IllegalStateException("SIPp did not start listening within " + STARTUP);
                }
                try {
                    var key = watcher.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                    if (key != null) {
                        key.pollEvents();
                        key.reset();
                    }
                } catch (ClosedWatchServiceException e) {
                    throw new IOException("watch service closed", e);
                }
            }
        }
    }
}
