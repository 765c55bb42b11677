package io.outdial.sip.tls;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** Builds the JSSE context of a {@link TlsConfig}: its key store's key managers and its trust store's trust managers. */
public final class TlsContexts {
    /** The protocol versions we speak: RFC 8996 retires everything older than TLS 1.2. */
    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    private static final char[] IN_MEMORY = "in-memory".toCharArray();

    private TlsContexts() {
    }

    /**
     * Loads {@code config}'s files.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it (missing, wrong password, no key)
     */
    public static SSLContext load(TlsConfig config) {
        try {
            requireReadable(config.keyStore());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            // A PEM key lives only in memory: it gets a password of its own there.
            char[] password = PemFiles.isPem(config.keyStore()) ? IN_MEMORY : chars(config.keyStorePassword());
            keys.init(keyStore(config.keyStore(), password), password);
            TrustManager[] trust = config.verifyPeer() ? trustManagers(config) : new TrustManager[] {TRUST_ANY};
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust, null);
            return context;
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot set up TLS from " + config + ": " + e.getMessage(), e);
        }
    }

    private static TrustManager[] trustManagers(TlsConfig config) throws IOException, GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        if (config.trustStore() == null) {
            factory.init((KeyStore) null);
        } else {
            factory.init(trustStore(config.trustStore(), chars(config.trustStorePassword())));
        }
        return factory.getTrustManagers();
    }

    private static KeyStore keyStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        requireReadable(file);
        if (!PemFiles.isPem(file)) {
            KeyStore store = pkcs12(file, password);
            if (!hasKey(store)) {
                throw new IOException(file + ": holds no private key");
            }
            return store;
        }
        List<PemFiles.Block> blocks = PemFiles.read(file);
        PrivateKey key = PemFiles.privateKey(file, blocks);
        List<Certificate> chain = PemFiles.certificates(file, blocks);
        if (chain.isEmpty()) {
            throw new IOException(file + ": no CERTIFICATE block for the private key");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("gateway", key, password, chain.toArray(Certificate[]::new));
        return store;
    }

    private static KeyStore trustStore(Path file, char[] password) throws IOException, GeneralSecurityException {
        requireReadable(file);
        if (!PemFiles.isPem(file)) {
            return pkcs12(file, password);
        }
        List<Certificate> certs = PemFiles.certificates(file, PemFiles.read(file));
        if (certs.isEmpty()) {
            throw new IOException(file + ": no CERTIFICATE block");
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        for (int i = 0; i < certs.size(); i++) {
            store.setCertificateEntry("trusted-" + i, certs.get(i));
        }
        return store;
    }

    private static KeyStore pkcs12(Path file, char[] password) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        } catch (IOException e) {
            // The JDK reports a wrong password as an IOException whose cause is an UnrecoverableKeyException.
            throw new IOException(file + ": cannot be read as PKCS#12 (wrong password or not a key store): "
                    + e.getMessage(), e);
        }
        return store;
    }

    private static boolean hasKey(KeyStore store) throws GeneralSecurityException {
        for (String alias : java.util.Collections.list(store.aliases())) {
            if (store.isKeyEntry(alias)) {
                return true;
            }
        }
        return false;
    }

    private static void requireReadable(Path file) throws IOException {
        if (!Files.isReadable(file)) {
            throw new IOException(file + ": no such readable file");
        }
    }

    private static char[] chars(String password) {
        return password == null ? new char[0] : password.toCharArray();
    }

    /** sip.tls.verifyPeer: false. Accepts every certificate; the start-up log says so. */
    private static final X509ExtendedTrustManager TRUST_ANY = new X509ExtendedTrustManager() {
        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    };
}
