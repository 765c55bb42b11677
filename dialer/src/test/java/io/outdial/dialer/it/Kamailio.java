package io.outdial.dialer.it;

import io.outdial.sip.testing.FreePorts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Kamailio (Debian's package) as a trunk's edge on free loopback ports: a configuration of the test resources
 * ({@code kamailio/trunk-edge.cfg}, {@code kamailio/trunk-edge-tls.cfg}) filled in, run in the foreground with its own working
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
        int port = FreePorts.udp();
        return start(List.of("/kamailio/trunk-edge.cfg"), port, Map.of("@LISTEN_PORT@", Integer.toString(port),
                "@CONTACTS@", contacts, "@PASSWORD@", password, "@ALGORITHM@", algorithm));
    }

    /**
     * Starts an edge taking SIP over TLS on {@link #tlsPort()} with the PEM {@code certificate} and
     * {@code privateKey}, relaying over UDP to {@code contacts}.
     */
    static Kamailio tlsEdge(String contacts, Path certificate, Path privateKey) throws IOException {
        int udp = FreePorts.udp();
        int tls = FreePorts.sip();
        Kamailio k = start(List.of("/kamailio/trunk-edge-tls.cfg", "/kamailio/trunk-edge-tls.tls.cfg"), udp, Map.of("@UDP_PORT@", Integer.toString(udp),
                "@TLS_PORT@", Integer.toString(tls), "@CONTACTS@", contacts,
                "@CERTIFICATE@", certificate.toAbsolutePath().toString(),
                "@PRIVATE_KEY@", privateKey.toAbsolutePath().toString()));
        k.tlsPort = tls;
        return k;
    }

    /** Runs the first of {@code resources} as kamailio.cfg, the others written beside it (a.b.cfg as b.cfg). */
    private static Kamailio start(List<String> resources, int port, Map<String, String> values)
            throws IOException {
        Path dir = Files.createTempDirectory(Path.of("target"), "kamailio-").toAbsolutePath();
        Path file = dir.resolve("kamailio.cfg");
        for (String resource : resources) {
            String cfg;
            try (InputStream in = Kamailio.class.getResourceAsStream(resource)) {
                cfg = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> v : values.entrySet()) {
                cfg = cfg.replace(v.getKey(), v.getValue());
            }
            cfg = cfg.replace("@DIR@", dir.toString());
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            String[] parts = name.split("\\.");
            Path target = resource.equals(resources.get(0)) ? file
                    : dir.resolve(parts[parts.length - 2] + "." + parts[parts.length - 1]);
            Files.writeString(target, cfg, StandardCharsets.UTF_8);
        }
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

    /** The TLS port of a {@link #tlsEdge}. */
    int tlsPort() {
        return tlsPort;
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
