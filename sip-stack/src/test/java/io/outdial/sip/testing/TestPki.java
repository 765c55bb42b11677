package io.outdial.sip.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test certificates made fresh in each test with the JDK's keytool (no private key is ever committed): a test
 * authority, and servers' keys and certificates it signs for a host name or loopback address, as PKCS#12 and PEM.
 */
public final class TestPki {
    /** The password of every PKCS#12 file made here (test material only). */
    public static final String PASSWORD = "test-only-pass";

    private final Path dir;
    private final String caAlias;

    private TestPki(Path dir, String caAlias) {
        this.dir = dir.toAbsolutePath();
        this.caAlias = caAlias;
    }

    /** A new authority named {@code name} in {@code dir}: {@code <name>.p12} and its certificate {@code <name>.pem}. */
    public static TestPki authority(Path dir, String name) throws IOException {
        Files.createDirectories(dir);
        TestPki ca = new TestPki(dir, name);
        ca.keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=" + name, "-ext", "bc:c", "-validity", "2", "-keystore", ca.p12(name).toString(),
                "-storetype", "PKCS12", "-storepass", PASSWORD);
        ca.keytool("-exportcert", "-rfc", "-alias", name, "-keystore", ca.p12(name).toString(), "-storepass",
                PASSWORD, "-file", ca.certificate().toString());
        return ca;
    }

    /** The authority's certificate (PEM), what a trust store holds. */
    public Path certificate() {
        return dir.resolve(caAlias + ".pem");
    }

    /**
     * A server key and its certificate signed by this authority, with {@code san} (keytool's form: {@code
     * ip:127.0.0.1}, {@code dns:trunk.test}) as its subjectAltName: {@code <name>.p12} (key and chain),
     * {@code <name>-chain.pem} and {@code <name>-key.pem} (unencrypted PKCS#8).
     */
    public Issued issue(String name, String san) throws IOException {
        Path p12 = p12(name);
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", p12.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD);
        Path csr = dir.resolve(name + ".csr");
        Path signed = dir.resolve(name + "-cert.pem");
        keytool("-certreq", "-alias", name, "-keystore", p12.toString(), "-storepass", PASSWORD, "-file",
                csr.toString());
        keytool("-gencert", "-rfc", "-alias", caAlias, "-keystore", p12(caAlias).toString(), "-storepass", PASSWORD,
                "-infile", csr.toString(), "-outfile", signed.toString(), "-ext", "san=" + san, "-ext",
                "eku=serverAuth,clientAuth", "-validity", "2");
        Path chain = dir.resolve(name + "-chain.pem");
        Files.writeString(chain, Files.readString(signed) + Files.readString(certificate()));
        // Put the authority's certificate in the key store, then the signed chain over the self-signed one.
        keytool("-importcert", "-noprompt", "-alias", caAlias, "-file", certificate().toString(), "-keystore",
                p12.toString(), "-storepass", PASSWORD);
        keytool("-importcert", "-alias", name, "-file", chain.toString(), "-keystore", p12.toString(), "-storepass",
                PASSWORD);
        Path key = dir.resolve(name + "-key.pem");
        Files.writeString(key, pem("PRIVATE KEY", privateKey(p12, name).getEncoded()));
        return new Issued(p12, chain, key);
    }

    private Path p12(String name) {
        return dir.resolve(name + ".p12");
    }

    private static Key privateKey(Path p12, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(p12)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, PASSWORD.toCharArray());
            return store.getKey(alias, PASSWORD.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }

    private void keytool(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** What {@link #issue} made. */
    public record Issued(Path pkcs12, Path chainPem, Path keyPem) {
    }
}
