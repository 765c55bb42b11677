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
    private int tlsPort;

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

    /**
     * Starts an edge taking SIP over TLS on {@link #tlsPort()} with the PEM {@code certificate} and
     * {@code privateKey}, relaying over UDP to {@code contacts}. Its TLS profiles (kamailio/trunk-edge-tls.tls.cfg)
     * are written beside its configuration as tls.cfg.
     */
    static Kamailio tlsEdge(String contacts, Path certificate, Path privateKey) throws IOException {
        int tls = FreePorts.sip();
        Map<String, String> values = Map.of("@TLS_PORT@", Integer.toString(tls), "@CONTACTS@", contacts,
                "@CERTIFICATE@", certificate.toAbsolutePath().toString(),
                "@PRIVATE_KEY@", privateKey.toAbsolutePath().toString());
        Kamailio k = start("/kamailio/trunk-edge-tls.cfg", values, "/kamailio/trunk-edge-tls.tls.cfg");
        k.tlsPort = tls;
        return k;
    }

    /** The TLS port of a {@link #tlsEdge}. */
    int tlsPort() {
        return tlsPort;
    }

    private static Kamailio start(String resource, Map<String, String> values) throws IOException {
        return start(resource, values, null);
    }

    /** Runs {@code resource} filled in as kamailio.cfg; {@code tlsProfiles}, if given, beside it as tls.cfg. */
    private static Kamailio start(String resource, Map<String, String> values, String tlsProfiles)
            throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "kamailio-").toAbsolutePath();
        if (tlsProfiles != null) {
            Files.writeString(dir.resolve("tls.cfg"), fill(tlsProfiles, values, dir), StandardCharsets.UTF_8);
        }
        int port = FreePorts.udp();
        String cfg = fill(resource, values, dir).replace("@LISTEN_PORT@", Integer.toString(port));
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

    private static String fill(String resource, Map<String, String> values, Path dir) throws IOException {
        String cfg;
        try (InputStream in = Kamailio.class.getResourceAsStream(resource)) {
            cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            cfg = cfg.replace(e.getKey(), e.getValue());
        }
        return cfg.replace("@DIR@", dir.toString());
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
