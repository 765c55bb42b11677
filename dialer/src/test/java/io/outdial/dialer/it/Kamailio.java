package io.outdial.dialer.it;

import io.outdial.sip.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio (Debian's package) as a trunk's edge on a free loopback port: the configuration
 * {@code kamailio/trunk-edge.cfg} of the test resources, filled in, run in the foreground with its own working
 * directory under target/ and its log kept for the test to read.
 */
final class Kamailio implements AutoCloseable {
    private final Process process;
    private final Path log;
    private final int port;

    private Kamailio(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** Starts an edge asking for {@code password} with {@code algorithm}, relaying to {@code contacts}. */
    static Kamailio trunkEdge(String contacts, String password, String algorithm) throws IOException {
        return start("/kamailio/trunk-edge.cfg", Map.of("@CONTACTS@", contacts, "@PASSWORD@", password,
                "@ALGORITHM@", algorithm));
    }

    /**
     * Starts a trunk registrar asking REGISTERs for {@code password} (MD5), granting between {@code minExpires} and
     * {@code maxExpires} seconds, and relaying INVITEs to {@code contacts} only while the gateway is registered.
     */
    static Kamailio trunkRegistrar(String contacts, String password, int minExpires, int maxExpires)
            throws IOException {
        return start("/kamailio/trunk-registrar.cfg", Map.of("@CONTACTS@", contacts, "@PASSWORD@", password,
                "@MIN_EXPIRES@", Integer.toString(minExpires), "@MAX_EXPIRES@", Integer.toString(maxExpires)));
    }

    private static Kamailio start(String resource, Map<String, String> values) throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "kamailio-");
        int port = FreePorts.udp();
        String cfg;
        try (InputStream in = Kamailio.class.getResourceAsStream(resource)) {
            cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        cfg = cfg.replace("@LISTEN_PORT@", Integer.toString(port));
        for (Map.Entry<String, String> e : values.entrySet()) {
            cfg = cfg.replace(e.getKey(), e.getValue());
        }
        Path file = dir.resolve("kamailio.cfg");
        Files.writeString(file, cfg, StandardCharsets.UTF_8);
        Files.createDirectories(dir.resolve("run"));
        Path log = dir.resolve("kamailio.log");
        Process p = new ProcessBuilder("kamailio", "-f", file.toAbsolutePath().toString(), "-DD", "-E",
                "-w", dir.toAbsolutePath().toString(), "-Y", dir.resolve("run").toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Kamailio k = new Kamailio(p, log, port);
        Await.until(Duration.ofSeconds(15), "kamailio listening on " + port,
                () -> k.output().contains("SO_RCVBUF is finally") || !p.isAlive());
        if (!p.isAlive()) {
            throw new IOException("kamailio exited: " + k.output());
        }
        return k;
    }

    String hostPort() {
        return "127.0.0.1:" + port;
    }

    String output() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** How many log lines contain {@code text}. */
    long count(String text) {
        return output().lines().filter(l -> l.contains(text)).count();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
