package io.outdial.dialer.config;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/**
 * HTTPS and WSS on the HTTP port ({@code http.tls}): a PEM certificate chain with its PKCS#8 private key, or a
 * PKCS#12 / JKS keystore. Loaded once at start-up, so a bad file stops the gateway with its key named.
 *
 * @param source  the file(s) it came from, for logs
 * @param context the server side of TLS
 */
public record TlsSettings(String source, SslContext context) {

    static TlsSettings read(YamlSection s, Path baseDir) {
        Path certificate = s.file("certificate", baseDir);
        Path privateKey = s.file("privateKey", baseDir);
        String keyPassword = s.quotedText("privateKeyPassword", null);
        Path keystore = s.file("keystore", baseDir);
        String keystorePassword = s.quotedText("keystorePassword", null);
        s.refuseUnknownKeys();
        if (certificate == null && privateKey == null && keystore == null) {
            return null;
        }
        if (keystore != null) {
            if (certificate != null || privateKey != null) {
                throw new ConfigException(s.keyPath("keystore") + ": give either a keystore or certificate and"
                        + " privateKey, not both");
            }
            return new TlsSettings(keystore.toString(), fromKeystore(s, keystore, keystorePassword));
        }
        if (certificate == null || privateKey == null) {
            throw new ConfigException(s.keyPath(certificate == null ? "certificate" : "privateKey")
                    + ": is required with " + (certificate == null ? "privateKey" : "certificate"));
        }
        requireFile(s, "certificate", certificate);
        requireFile(s, "privateKey", privateKey);
        try {
            return new TlsSettings(certificate.toString(), SslContextBuilder
                    .forServer(certificate.toFile(), privateKey.toFile(), keyPassword).build());
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigException(s.keyPath("certificate") + ": cannot use " + certificate + " with " + privateKey
                    + " (a PEM certificate chain and a PEM PKCS#8 private key): " + e.getMessage(), e);
        }
    }

    private static SslContext fromKeystore(YamlSection s, Path file, String password) {
        requireFile(s, "keystore", file);
        char[] pw = password == null ? new char[0] : password.toCharArray();
        try {
            KeyStore ks = KeyStore.getInstance(file.toFile(), pw);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, pw);
            return SslContextBuilder.forServer(kmf).build();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            // The password is never shown.
            throw new ConfigException(s.keyPath("keystore") + ": cannot open " + file + " (PKCS#12 or JKS, with"
                    + " keystorePassword): " + e.getMessage(), e);
        }
    }

    private static void requireFile(YamlSection s, String key, Path file) {
        if (!Files.isReadable(file)) {
            throw new ConfigException(s.keyPath(key) + ": no readable file " + file);
        }
    }

    @Override
    public String toString() {
        return "TlsSettings[" + source + "]";
    }
}
