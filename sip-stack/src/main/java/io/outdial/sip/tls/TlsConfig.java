package io.outdial.sip.tls;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The gateway's TLS listening point and client side ({@code sip.tlsPort}, {@code sip.tls}).
 *
 * @param port               the TLS listening port (SIP over TLS, RFC 3261 26.2); always positive here: no TLS is
 *                           no {@code TlsConfig}
 * @param keyStore           the gateway's certificate chain and private key: a PKCS#12 file, or a PEM file holding
 *                           an unencrypted PKCS#8 private key ({@code BEGIN PRIVATE KEY}) and the certificates
 * @param keyStorePassword   the PKCS#12 password (ignored for PEM), never logged
 * @param trustStore         the certificates of the authorities (or peers) we trust, PKCS#12 or a PEM bundle; null
 *                           for the JDK's default authorities
 * @param trustStorePassword its PKCS#12 password, or null
 * @param verifyPeer         check a peer's certificate chain against the trust store and its name against the host
 *                           we dialed (RFC 5922 with JSSE's HTTPS rules); false accepts any certificate, for a test
 *                           trunk only
 */
public record TlsConfig(int port, Path keyStore, String keyStorePassword, Path trustStore, String trustStorePassword,
                        boolean verifyPeer) {
    public TlsConfig {
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("TLS port must be 1..65535, got " + port);
        }
        Objects.requireNonNull(keyStore, "keyStore");
    }

    /** Keeps the passwords out of logs. */
    @Override
    public String toString() {
        return "TlsConfig[port=" + port + ", keyStore=" + keyStore + ", trustStore="
                + (trustStore == null ? "JDK default" : trustStore) + ", verifyPeer=" + verifyPeer + "]";
    }
}
