package io.outdial.sip.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the PEM files of {@link TlsConfig}: certificates and an unencrypted PKCS#8 private key (RFC 7468). */
final class PemFiles {
    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\s*([A-Za-z0-9+/=\\s]*?)-----END \\1-----");
    private static final List<String> KEY_ALGORITHMS = List.of("RSA", "EC", "EdDSA");

    private PemFiles() {
    }

    /** True if {@code file} is text starting with a PEM boundary (else we read it as PKCS#12). */
    static boolean isPem(Path file) throws IOException {
        byte[] head;
        try (var in = Files.newInputStream(file)) {
            head = in.readNBytes(64);
        }
        return new String(head, StandardCharsets.US_ASCII).stripLeading().startsWith("-----BEGIN ");
    }

    /** A PEM file's blocks, each as its label and DER bytes. */
    static List<Block> read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            try {
                blocks.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": a " + m.group(1) + " block is not valid base64");
            }
        }
        if (blocks.isEmpty()) {
            throw new IOException(file + ": no PEM block found");
        }
        return blocks;
    }

    static List<Certificate> certificates(Path file, List<Block> blocks) throws IOException {
        List<Certificate> certs = new ArrayList<>();
        try {
            CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (Block b : blocks) {
                if (b.label().equals("CERTIFICATE")) {
                    certs.add(x509.generateCertificate(new ByteArrayInputStream(b.der())));
                }
            }
        } catch (CertificateException e) {
            throw new IOException(file + ": a certificate cannot be read: " + e.getMessage(), e);
        }
        return certs;
    }

    static PrivateKey privateKey(Path file, List<Block> blocks) throws IOException {
        for (Block b : blocks) {
            switch (b.label()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(file, b.der());
                }
                case "ENCRYPTED PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY" -> throw new IOException(file
                        + ": the key is a " + b.label() + "; give an unencrypted PKCS#8 key (openssl pkcs8 -topk8"
                        + " -nocrypt) or a PKCS#12 file with its password");
                default -> {
                    // certificates and parameters are read elsewhere or not needed
                }
            }
        }
        throw new IOException(file + ": no PRIVATE KEY block");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                // not this algorithm: try the next
            }
        }
        throw new IOException(file + ": the private key is not an RSA, EC or EdDSA PKCS#8 key");
    }

    /** One PEM block. */
    record Block(String label, byte[] der) {
    }
}
