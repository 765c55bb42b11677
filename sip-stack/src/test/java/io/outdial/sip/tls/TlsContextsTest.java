package io.outdial.sip.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.testing.TestPki;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Key and trust stores from PKCS#12 and PEM, and the peer checks they lead to, over real loopback handshakes. */
class TlsContextsTest {
    @TempDir
    static Path dir;
    static TestPki ca;
    static TestPki.Issued server;
    static TestPki.Issued misnamed;
    static TestPki.Issued stranger;

    @BeforeAll
    static void pki() throws IOException {
        ca = TestPki.authority(dir, "ca");
        server = ca.issue("server", "ip:127.0.0.1");
        misnamed = ca.issue("misnamed", "dns:elsewhere.test");
        stranger = TestPki.authority(dir, "other-ca").issue("stranger", "ip:127.0.0.1");
    }

    private static TlsConfig pkcs12(TestPki.Issued key, Path trust, boolean verify) {
        return new TlsConfig(5061, key.pkcs12(), TestPki.PASSWORD, trust, null, verify);
    }

    @Test
    void aClientTrustingTheAuthorityCompletesAHandshakeWithItsServerFromPemAndPkcs12() throws Exception {
        Path pem = dir.resolve("server-key-and-chain.pem");
        Files.writeString(pem, Files.readString(server.keyPem()) + Files.readString(server.chainPem()));
        SSLContext serverSide = TlsContexts.load(new TlsConfig(5061, pem, null, null, null, true));
        SSLContext clientSide = TlsContexts.load(pkcs12(server, ca.certificate(), true));
        assertEquals("ping", handshake(serverSide, clientSide));
    }

    @Test
    void aServerSignedByAnotherAuthorityIsRefused() throws Exception {
        SSLContext serverSide = TlsContexts.load(pkcs12(stranger, null, true));
        SSLContext clientSide = TlsContexts.load(pkcs12(server, ca.certificate(), true));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> handshake(serverSide, clientSide));
        assertTrue(e.getMessage().contains("PKIX path building failed"), e.getMessage());
    }

    @Test
    void aServerWhoseCertificateNamesAnotherHostIsRefused() throws Exception {
        SSLContext serverSide = TlsContexts.load(pkcs12(misnamed, null, true));
        SSLContext clientSide = TlsContexts.load(pkcs12(server, ca.certificate(), true));
        SSLHandshakeException e = assertThrows(SSLHandshakeException.class, () -> handshake(serverSide, clientSide));
        assertTrue(e.getMessage().contains("127.0.0.1"), e.getMessage());
    }

    @Test
    void withoutPeerVerificationAnyCertificateIsAccepted() throws Exception {
        SSLContext serverSide = TlsContexts.load(pkcs12(stranger, null, true));
        SSLContext clientSide = TlsContexts.load(pkcs12(server, ca.certificate(), false));
        assertEquals("ping", handshake(serverSide, clientSide));
    }

    @Test
    void unreadableStoresAreRefusedWithTheFileAndTheReason() throws Exception {
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.load(new TlsConfig(5061, server.pkcs12(), "wrong", null, null, true)));
        assertTrue(wrong.getMessage().startsWith(server.pkcs12() + ": cannot be read as PKCS#12"), wrong.getMessage());
        Path rsaKey = dir.resolve("legacy.pem");
        Files.writeString(rsaKey, "-----BEGIN RSA PRIVATE KEY-----\nAAAA\n-----END RSA PRIVATE KEY-----\n");
        IllegalArgumentException legacy = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.load(new TlsConfig(5061, rsaKey, null, null, null, true)));
        assertTrue(legacy.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), legacy.getMessage());
        IllegalArgumentException keyOnly = assertThrows(IllegalArgumentException.class,
                () -> TlsContexts.load(new TlsConfig(5061, server.keyPem(), null, null, null, true)));
        assertTrue(keyOnly.getMessage().endsWith("no CERTIFICATE block for the private key"), keyOnly.getMessage());
        assertFalse(new TlsConfig(5061, server.pkcs12(), "secret-pass", null, "other-secret", true).toString()
                .contains("secret"));
    }

    /** Runs one TLS handshake over loopback with JSSE's HTTPS identity check on the client, as TlsNetworkLayer does. */
    private static String handshake(SSLContext serverSide, SSLContext clientSide) throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (SSLServerSocket listening = (SSLServerSocket) serverSide.getServerSocketFactory()
                .createServerSocket(0, 1, loopback)) {
            CompletableFuture<Void> served = CompletableFuture.runAsync(() -> {
                try (SSLSocket s = (SSLSocket) listening.accept(); OutputStream out = s.getOutputStream()) {
                    out.write("ping".getBytes());
                } catch (IOException e) {
                    // the client refused us: its side of the test says why
                }
            });
            try (SSLSocket client = (SSLSocket) clientSide.getSocketFactory().createSocket(loopback,
                    listening.getLocalPort())) {
                SSLParameters p = client.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                client.setSSLParameters(p);
                client.startHandshake();
                InputStream in = client.getInputStream();
                return new String(in.readNBytes(4));
            } finally {
                served.get(10, TimeUnit.SECONDS);
            }
        }
    }
}
