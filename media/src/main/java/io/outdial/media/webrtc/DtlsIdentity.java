package io.outdial.media.webrtc;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The gateway's DTLS identity for browser legs: a self-signed ECDSA P-256 certificate (as browsers make their own),
 * made in memory at start, never written anywhere. Browsers trust it through the SHA-256 fingerprint in our SDP
 * answer, which travels over the authenticated CTI WebSocket (RFC 8827 6.5), not through any CA.
 */
public final class DtlsIdentity {
    private final AsymmetricKeyParameter privateKey;
    private final byte[] certificate;
    private final DtlsFingerprint fingerprint;

    private DtlsIdentity(AsymmetricKeyParameter privateKey, byte[] certificate) {
        this.privateKey = privateKey;
        this.certificate = certificate;
        this.fingerprint = DtlsFingerprint.of(certificate);
    }

    /** A fresh key pair and a certificate valid from a day ago for {@code validity}. */
    public static DtlsIdentity generate(Duration validity) {
        SecureRandom random = new SecureRandom();
        X9ECParameters curve = ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(
                // named, so the certificate names the curve by OID: browsers refuse explicit curve parameters
                new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, curve), random));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=outdial-webrtc");
        Instant now = Instant.now();
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(name, new BigInteger(64, random).abs(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()));
            AlgorithmIdentifier signature = new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digest = new DefaultDigestAlgorithmIdentifierFinder().find(signature);
            byte[] der = builder.build(new BcECContentSignerBuilder(signature, digest).build(pair.getPrivate()))
                    .getEncoded();
            return new DtlsIdentity(pair.getPrivate(), der);
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode the DTLS certificate", e);
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("no ECDSA signer for the DTLS certificate", e);
        }
    }

    /** What goes in our SDP's a=fingerprint. */
    public DtlsFingerprint fingerprint() {
        return fingerprint;
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    byte[] certificate() {
        return certificate.clone();
    }
}
