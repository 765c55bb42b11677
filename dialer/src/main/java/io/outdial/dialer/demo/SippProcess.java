package io.outdial.dialer.demo;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A SIPp process playing one scenario as a UAS on loopback (the demo's contacts and agent phones). */
final class SippProcess implements AutoCloseable {
    private final String name;
    private final Process process;

    private SippProcess(String name, Process process) {
        this.name = name;
        this.process = process;
    }

    /**
     * Starts {@code sipp -sf scenario} listening on {@code host:port}, media on {@code mediaPort}; its screen output
     * goes to {@code logDir/name.log} (give an absolute logDir: SIPp runs in the scenarios' folder).
     */
    static SippProcess start(String name, Path scenario, String host, int port, int mediaPort, Path logDir)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of("sipp", "-sf", scenario.toString(), "-i", host,
                "-p", String.valueOf(port), "-mi", host, "-mp", String.valueOf(mediaPort), "-aa", "-nostdin",
                "-trace_err", "-error_file", logDir.resolve(name + "-errors.log").toString()));
        Process p = new ProcessBuilder(cmd)
                .directory(scenario.getParent().toFile()) // rtp_stream audio paths are relative to the scenarios
                .redirectErrorStream(true)
                .redirectOutput(logDir.resolve(name + ".log").toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        return new SippProcess(name, p);
    }

    String name() {
        return name;
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(3, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(3, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
