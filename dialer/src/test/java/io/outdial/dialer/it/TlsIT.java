package io.outdial.dialer.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.bridge.cti.CtiCommand;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS and WSS on the gateway's HTTP port with a certificate made by the test (openssl for PEM files, keytool for a
 * PKCS#12 keystore): the API, the browser login (its cookie now Secure) and a CTI desktop over wss://, and no plain
 * HTTP on that port.
 */
class TlsIT {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    private static final String AGENTS = "  - { id: ann, secret: s3cret-ann }";
    private static final String CAMPAIGNS = "  - { name: spring, dialingMode: progressive, agents: [ann],"
            + " autoLoad: false }";

    @TempDir
    Path dir;

    private static void run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + Files.readString(dir.resolve("tool.log")));
    }

    /** An HTTP client that trusts only the test's certificate (PEM) and checks the host name against it. */
    private static HttpClient trusting(Path certificatePem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(certificatePem)) {
            trust.setCertificateEntry("gateway", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).build();
    }

    @Test
    void pemCertificateServesHttpsAndWssAndNoPlainHttp() throws Exception {
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "key.pem", "-out",
                "cert.pem", "-days", "2", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1");
        String tls = "  tls:\n    certificate: " + dir.resolve("cert.pem") + "\n    privateKey: "
                + dir.resolve("key.pem");
        try (GatewayHarness gw = GatewayHarness.startWithHttp("127.0.0.1:5999", AGENTS, CAMPAIGNS, tls, "")) {
            assertTrue(gw.baseUrl().startsWith("https://"));
            exercise(gw, trusting(dir.resolve("cert.pem")));
        }
    }

    @Test
    void pkcs12KeystoreServesHttpsAndWss() throws Exception {
        run(dir, "keytool", "-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity",
                "2", "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                "gateway.p12", "-storepass", "it-store-pass", "-keypass", "it-store-pass");
        run(dir, "keytool", "-exportcert", "-rfc", "-alias", "gateway", "-keystore", "gateway.p12", "-storepass",
                "it-store-pass", "-file", "gateway.pem");
        String tls = "  tls:\n    keystore: " + dir.resolve("gateway.p12") + "\n    keystorePassword: it-store-pass";
        try (GatewayHarness gw = GatewayHarness.startWithHttp("127.0.0.1:5999", AGENTS, CAMPAIGNS, tls, "")) {
            exercise(gw, trusting(dir.resolve("gateway.pem")));
        }
    }

    private static void exercise(GatewayHarness gw, HttpClient https) throws Exception {
        HttpResponse<String> health = https.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/health"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(401, https.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/campaigns")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> campaigns = https.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/api/campaigns"))
                .header("Authorization", "Bearer " + GatewayHarness.SUPERVISOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, campaigns.statusCode());
        assertTrue(campaigns.body().contains("spring"), campaigns.body());

        HttpResponse<String> login = https.send(HttpRequest.newBuilder(URI.create(gw.baseUrl() + "/auth/login"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"" + GatewayHarness.SUPERVISOR_USER
                        + "\",\"password\":\"" + GatewayHarness.SUPERVISOR_PASSWORD + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        List<String> attributes = List.of(login.headers().firstValue("Set-Cookie").orElseThrow().split(";\\s*"));
        assertTrue(attributes.stream().anyMatch(a -> a.equalsIgnoreCase("Secure")), attributes.toString());

        try (CtiClient desk = new CtiClient(https, gw.ctiUrl())) {
            assertTrue(gw.ctiUrl().startsWith("wss://"));
            desk.send(new CtiCommand.Login("r1", "ann", "s3cret-ann", "sip:ann@127.0.0.1:5999"));
            assertEquals("ann", desk.await("LoggedIn", LIMIT).get("agentId").asText());
        }

        String plain = gw.baseUrl().replace("https://", "http://");
        assertThrows(IOException.class, () -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(plain + "/health")).timeout(LIMIT).build(), HttpResponse.BodyHandlers.ofString()),
                "plain HTTP on the TLS port gets no answer");
    }
}
