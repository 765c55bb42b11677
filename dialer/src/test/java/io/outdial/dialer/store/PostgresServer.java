package io.outdial.dialer.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL for the tests, started from Debian's {@code postgresql} binaries ({@code initdb}, {@code pg_ctl};
 * installed by .ci/ensure-test-tools.sh) into {@code target/} on a free loopback port, no Docker. Run as root, the
 * server runs as the {@code postgres} user (initdb refuses root). One server per JVM ({@link #shared()}), stopped by
 * a shutdown hook; each test gets its own database ({@link #newDatabaseUrl()}). Missing binaries fail the test: a
 * PostgreSQL test never turns into a skip.
 */
public final class PostgresServer implements AutoCloseable {
    public static final String USER = "outdial";

    private static PostgresServer shared;

    private final Path bin;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgres;

    private PostgresServer(Path bin, Path dataDir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dataDir = dataDir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    /** The JVM's server, started on first use. */
    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            PostgresServer s = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(s::close, "postgres-stop"));
        }
        return shared;
    }

    /** A new server of its own (a test that stops it itself). */
    public static PostgresServer start() {
        try {
            Path bin = binaries();
            Path root = Files.createDirectories(Path.of("target", "postgres")).toAbsolutePath();
            Path dataDir = root.resolve("data-" + UUID.randomUUID().toString().substring(0, 8));
            boolean asPostgres = "root".equals(System.getProperty("user.name"));
            Files.createDirectories(dataDir);
            if (asPostgres) {
                run(List.of("chown", "postgres:postgres", dataDir.toString()), false);
            }
            int port = freePort();
            PostgresServer s = new PostgresServer(bin, dataDir, port, asPostgres);
            s.pg(List.of(bin.resolve("initdb").toString(), "-D", dataDir.toString(), "-U", USER, "--auth=trust",
                    "-E", "UTF8", "--no-sync", "--no-instructions"));
            s.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-w", "-t", "60",
                    "-l", dataDir.resolve("server.log").toString(), "-o",
                    "-h 127.0.0.1 -p " + port + " -k '' -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c max_connections=300", "start"));
            return s;
        } catch (IOException e) {
            throw new IllegalStateException("could not start PostgreSQL for the tests: " + e.getMessage(), e);
        }
    }

    /** A fresh, empty database on this server, as a JDBC URL. */
    public String newDatabaseUrl() {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, "");
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dataDir.toString(), "-m", "immediate", "-w",
                    "stop"));
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping PostgreSQL in " + dataDir + ": " + e.getMessage());
        }
    }

    private void pg(List<String> command) throws IOException {
        List<String> full = new ArrayList<>();
        if (asPostgres) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        run(full, true);
    }

    private static void run(List<String> command, boolean quiet) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Path out = Files.createTempFile("pg-cmd", ".log");
        pb.redirectOutput(out.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(90, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(command.get(0) + " did not finish in 90 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        String log = Files.readString(out);
        Files.deleteIfExists(out);
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ": " + log);
        }
    }

    /** Debian's newest /usr/lib/postgresql/N/bin, else the folder of an initdb on the PATH. */
    static Path binaries() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                var found = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path initdb = Path.of(dir, "initdb");
            if (Files.isExecutable(initdb)) {
                return initdb.toRealPath().getParent();
            }
        }
        throw new IOException("no PostgreSQL binaries (initdb, pg_ctl): run .ci/ensure-test-tools.sh"
                + " (Debian package postgresql)");
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
