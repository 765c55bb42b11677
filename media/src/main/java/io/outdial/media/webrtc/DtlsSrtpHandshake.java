package io.outdial.media.webrtc;

import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpSuite;
import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ExporterLabel;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.SRTPProtectionProfile;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Hashtable;
import java.util.Objects;

/**
 * One DTLS-SRTP key agreement (RFC 5764) with BouncyCastle's DTLS 1.2, in the role a=setup gave us: both sides
 * present a certificate, the far end's must hash to the a=fingerprint of its SDP (else the handshake fails with
 * bad_certificate), the use_srtp extension must agree on SRTP_AES128_CM_HMAC_SHA1_80, and the keys come from the
 * "EXTRACTOR-dtls_srtp" exporter. BouncyCastle's DTLS API blocks, so {@link #run} is called on the small shared
 * handshake pool ({@link WebRtcHandshakes}), never on an event loop.
 */
public final class DtlsSrtpHandshake {
    /** Key, key, salt, salt (RFC 5764 4.2). */
    private static final int MATERIAL = 2 * (SrtpSuite.KEY_LENGTH + SrtpSuite.SALT_LENGTH);
    private static final int[] PROFILES = {SRTPProtectionProfile.SRTP_AES128_CM_HMAC_SHA1_80};
    private static final SignatureAndHashAlgorithm ECDSA_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    private final DtlsRole role;
    private final DtlsIdentity identity;
    private final DtlsFingerprint expected;
    private final int timeoutMillis;
    private final BcTlsCrypto crypto = new BcTlsCrypto(new SecureRandom());
    private volatile byte[] material;
    private volatile boolean peerClosed;

    /**
     * @param expected      the far end's a=fingerprint
     * @param timeoutMillis the whole handshake's limit, retransmissions included
     */
    public DtlsSrtpHandshake(DtlsRole role, DtlsIdentity identity, DtlsFingerprint expected, int timeoutMillis) {
        this.role = Objects.requireNonNull(role, "role");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.expected = Objects.requireNonNull(expected, "expected fingerprint");
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Runs the handshake over {@code transport} (blocking), and returns the SRTP keys it agreed along with the DTLS
     * transport, which stays open for the far end's alerts and retransmissions.
     *
     * @throws IOException when the handshake fails: a wrong fingerprint, no common SRTP profile, a timeout
     */
    public Result run(org.bouncycastle.tls.DatagramTransport transport) throws IOException {
        DTLSTransport secured;
        if (role == DtlsRole.SERVER) {
            DTLSServerProtocol server = new DTLSServerProtocol();
            // no HelloVerifyRequest cookie round: the ICE check already proved the source reachable (RFC 8445),
            // and Chrome's DTLS 1.3-capable client refuses BouncyCastle's HelloVerifyRequest
            server.setVerifyRequests(false);
            secured = server.accept(new Server(), transport);
        } else {
            secured = new DTLSClientProtocol().connect(new Client(), transport);
        }
        byte[] exported = material;
        if (exported == null || exported.length != MATERIAL) {
            throw new TlsFatalAlert(AlertDescription.internal_error, "no DTLS-SRTP keying material");
        }
        return new Result(secured, keys(exported));
    }

    /** The agreed keys and the DTLS transport, kept open for the far end's alerts. */
    public record Result(DTLSTransport transport, SrtpKeys keys) {
    }

    /** Splits client key, server key, client salt, server salt into our sending and receiving material. */
    private SrtpKeys keys(byte[] exported) {
        int key = SrtpSuite.KEY_LENGTH;
        int salt = SrtpSuite.SALT_LENGTH;
        byte[] client = concat(exported, 0, key, 2 * key, salt);
        byte[] server = concat(exported, key, key, 2 * key + salt, salt);
        Arrays.fill(exported, (byte) 0);
        try {
            return role == DtlsRole.CLIENT
                    ? new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, client, server)
                    : new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, server, client);
        } finally {
            Arrays.fill(client, (byte) 0);
            Arrays.fill(server, (byte) 0);
        }
    }

    private static byte[] concat(byte[] from, int keyAt, int keyLength, int saltAt, int saltLength) {
        byte[] out = new byte[keyLength + saltLength];
        System.arraycopy(from, keyAt, out, 0, keyLength);
        System.arraycopy(from, saltAt, out, keyLength, saltLength);
        return out;
    }

    private void checkPeer(Certificate certificate) throws IOException {
        if (certificate == null || certificate.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate, "the far end sent no DTLS certificate");
        }
        TlsCertificate endEntity = certificate.getCertificateAt(0);
        if (!expected.matches(endEntity.getEncoded())) {
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "the DTLS certificate does not match the SDP a=fingerprint");
        }
    }

    /** Checks the far end's use_srtp extension (in its hello's {@code extensions}) names our one profile. */
    @SuppressWarnings("rawtypes")
    private static void checkProfile(Hashtable extensions) throws IOException {
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(extensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no use_srtp extension");
        }
        for (int profile : offered.getProtectionProfiles()) {
            if (profile == PROFILES[0]) {
                return;
            }
        }
        throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP_AES128_CM_HMAC_SHA1_80 in use_srtp");
    }

    /** {@code ours} (a hello's extensions, null for none) with our use_srtp extension added. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static Hashtable withUseSrtp(Hashtable ours) throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(ours);
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(PROFILES, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    private TlsCredentialedSigner signer(TlsContext context) throws IOException {
        Certificate ours = new Certificate(new TlsCertificate[] {crypto.createCertificate(identity.certificate())});
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto, identity.privateKey(),
                ours, ECDSA_SHA256);
    }

    /** Whether the far end sent close_notify (its page hung up) or a fatal alert after the handshake. */
    public boolean peerClosed() {
        return peerClosed;
    }

    private void alertReceived(short level, short description) {
        if (description == AlertDescription.close_notify || level == org.bouncycastle.tls.AlertLevel.fatal) {
            peerClosed = true;
        }
    }

    private void export(TlsContext context) {
        material = context.exportKeyingMaterial(ExporterLabel.dtls_srtp, null, MATERIAL);
    }

    private final class Server extends DefaultTlsServer {
        Server() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        public int getHandshakeTimeoutMillis() {
            return timeoutMillis;
        }

        @Override
        protected TlsCredentialedSigner getECDSASignerCredentials() throws IOException {
            return signer(context);
        }

        @Override
        protected int[] getSupportedCipherSuites() {
            // ECDSA suites only: our certificate is ECDSA, as every browser's
            return TlsUtils.getSupportedCipherSuites(getCrypto(), new int[] {
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
                org.bouncycastle.tls.CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            });
        }

        @Override
        public CertificateRequest getCertificateRequest() {
            short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
            return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
        }

        @Override
        public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
            checkPeer(clientCertificate);
        }

        @Override
        public void processClientExtensions(Hashtable clientExtensions) throws IOException {
            super.processClientExtensions(clientExtensions);
            checkProfile(clientExtensions);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Hashtable getServerExtensions() throws IOException {
            return withUseSrtp(super.getServerExtensions());
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            export(context);
        }

        @Override
        public void notifyAlertReceived(short level, short description) {
            super.notifyAlertReceived(level, description);
            alertReceived(level, description);
        }
    }

    private final class Client extends DefaultTlsClient {
        Client() {
            super(crypto);
        }

        @Override
        protected ProtocolVersion[] getSupportedVersions() {
            return ProtocolVersion.DTLSv12.only();
        }

        @Override
        public int getHandshakeTimeoutMillis() {
            return timeoutMillis;
        }

        @Override
        @SuppressWarnings("rawtypes")
        public Hashtable getClientExtensions() throws IOException {
            return withUseSrtp(super.getClientExtensions());
        }

        @Override
        public void processServerExtensions(Hashtable serverExtensions) throws IOException {
            super.processServerExtensions(serverExtensions);
            checkProfile(serverExtensions);
        }

        @Override
        public TlsAuthentication getAuthentication() {
            return new TlsAuthentication() {
                @Override
                public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                    checkPeer(serverCertificate.getCertificate());
                }

                @Override
                public TlsCredentials getClientCredentials(CertificateRequest request) throws IOException {
                    return signer(context);
                }
            };
        }

        @Override
        public void notifyHandshakeComplete() throws IOException {
            super.notifyHandshakeComplete();
            export(context);
        }

        @Override
        public void notifyAlertReceived(short level, short description) {
            super.notifyAlertReceived(level, description);
            alertReceived(level, description);
        }
    }
}
