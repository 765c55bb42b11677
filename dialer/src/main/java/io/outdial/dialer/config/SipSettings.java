package io.outdial.dialer.config;

import io.outdial.sip.SipConfig;
import io.outdial.sip.SourceLimits;
import io.outdial.sip.auth.DigestAlgorithm;
import io.outdial.sip.registrar.RegistrarSettings;
import io.outdial.sip.tls.TlsConfig;
import io.outdial.sip.tls.TlsContexts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The gateway's own SIP listening points ({@code sip:} section).
 *
 * @param host      address to bind and to advertise in Via/Contact
 * @param udpPort   UDP port, 0 for none
 * @param tcpPort   TCP port, 0 for none
 * @param userAgent value of the User-Agent header
 * @param threads   JAIN-SIP worker threads; 1 (the default) keeps each call's messages in arrival order
 * @param registrar the built-in registrar agents' phones register with ({@code sip.registrar})
 * @param advertisedAddress the address given to peers (Via, Contact, From) instead of {@code host}, for a gateway
 *                  behind NAT; null: host
 * @param tls       the TLS listening point and its certificates ({@code sip.tlsPort}, {@code sip.tls}), or null
 * @param outOfDialog the per-source limit on out-of-dialog requests ({@code sip.outOfDialog})
 */
public record SipSettings(String host, int udpPort, int tcpPort, String userAgent, int threads,
                          RegistrarSettings registrar, String advertisedAddress, TlsConfig tls,
                          SourceLimits outOfDialog) {

    /** With the default out-of-dialog limits. */
    public SipSettings(String host, int udpPort, int tcpPort, String userAgent, int threads,
                       RegistrarSettings registrar, String advertisedAddress, TlsConfig tls) {
        this(host, udpPort, tcpPort, userAgent, threads, registrar, advertisedAddress, tls, SourceLimits.DEFAULTS);
    }

    /** Without TLS. */
    public SipSettings(String host, int udpPort, int tcpPort, String userAgent, int threads,
                       RegistrarSettings registrar, String advertisedAddress) {
        this(host, udpPort, tcpPort, userAgent, threads, registrar, advertisedAddress, null);
    }

    public SipSettings(String host, int udpPort, int tcpPort, String userAgent, int threads,
                       RegistrarSettings registrar) {
        this(host, udpPort, tcpPort, userAgent, threads, registrar, null, null);
    }

    public static final SipSettings DEFAULTS = new SipSettings("127.0.0.1", 5060, 5060, "Outdial", 1,
            RegistrarSettings.defaults());

    static SipSettings read(YamlSection s, Path baseDir) {
        SipSettings d = DEFAULTS;
        SipSettings read = new SipSettings(
                s.host("host", d.host),
                s.integer("udpPort", d.udpPort, 0, 65535),
                s.integer("tcpPort", d.tcpPort, 0, 65535),
                s.text("userAgent", d.userAgent),
                s.integer("threads", d.threads, 1, 64),
                registrar(s.section("registrar")),
                s.text("advertisedAddress", null) == null ? null : s.host("advertisedAddress", null),
                tls(s, baseDir),
                outOfDialog(s.section("outOfDialog")));
        s.refuseUnknownKeys();
        if (read.udpPort == 0 && read.tcpPort == 0 && read.tls == null) {
            throw s.fail("tcpPort",
                    "at least one of sip.udpPort, sip.tcpPort, sip.tlsPort must be non-zero (0 means none)", 0);
        }
        return read;
    }

    /** {@code sip.tlsPort} and {@code sip.tls}; the files are read now so that a bad one stops start-up by name. */
    private static TlsConfig tls(YamlSection s, Path baseDir) {
        int port = s.integer("tlsPort", 0, 0, 65535);
        YamlSection t = s.section("tls");
        Path keyStore = t.file("keyStore", baseDir);
        String keyPassword = t.quotedText("keyStorePassword", null);
        Path trustStore = t.file("trustStore", baseDir);
        String trustPassword = t.quotedText("trustStorePassword", null);
        boolean verifyPeer = t.flag("verifyPeer", true);
        t.refuseUnknownKeys();
        if (port == 0) {
            if (keyStore != null || trustStore != null) {
                throw s.fail("tlsPort", "must be set (1..65535) when sip.tls names a key or trust store", 0);
            }
            return null;
        }
        if (keyStore == null) {
            throw new ConfigException(t.keyPath("keyStore") + ": is required when sip.tlsPort is set (a PKCS#12 or"
                    + " PEM file with the gateway's certificate and private key)");
        }
        TlsConfig tls = new TlsConfig(port, keyStore, keyPassword, trustStore, trustPassword, verifyPeer);
        try {
            TlsContexts.load(tls);
        } catch (IllegalArgumentException e) {
            boolean trust = trustStore != null && e.getMessage() != null
                    && e.getMessage().startsWith(trustStore.toString());
            throw new ConfigException(t.keyPath(trust ? "trustStore" : "keyStore") + ": " + e.getMessage(), e);
        }
        return tls;
    }

    /** {@code sip.outOfDialog}: the per-source token bucket of out-of-dialog requests. */
    private static SourceLimits outOfDialog(YamlSection s) {
        SourceLimits d = SourceLimits.DEFAULTS;
        SourceLimits read = new SourceLimits(s.integer("perSecond", d.perSecond(), 1, 100_000),
                s.integer("burst", d.burst(), 1, 1_000_000), s.integer("sources", d.sources(), 100, 1_000_000));
        s.refuseUnknownKeys();
        return read;
    }

    private static RegistrarSettings registrar(YamlSection s) {
        RegistrarSettings d = RegistrarSettings.defaults();
        String realm = s.text("realm", d.realm());
        if (realm.isBlank() || realm.length() > 64 || !realm.matches("[\\x21\\x23-\\x7e ]+")) {
            throw s.fail("realm", "must be 1..64 printable characters without quotes", realm);
        }
        Duration nonce = s.duration("nonceLifetime", d.nonceLifetime(), Duration.ofSeconds(10), Duration.ofHours(1));
        Duration min = s.duration("minExpires", d.minExpires(), Duration.ofSeconds(10), Duration.ofHours(1));
        Duration max = s.duration("maxExpires", d.maxExpires(), Duration.ofSeconds(10), Duration.ofDays(1));
        Duration nat = s.duration("natExpires", d.natExpires(), Duration.ofSeconds(10), Duration.ofHours(1));
        Duration penalty = s.duration("maxPenalty", d.maxPenalty(), Duration.ZERO, Duration.ofSeconds(30));
        Duration keepAlive = s.duration("natKeepAlive", d.natKeepAlive(), Duration.ZERO, Duration.ofMinutes(10));
        if (!keepAlive.isZero() && keepAlive.compareTo(Duration.ofSeconds(5)) < 0) {
            throw s.fail("natKeepAlive", "must be 0s (off) or at least 5s", YamlSection.show(keepAlive));
        }
        List<DigestAlgorithm> algorithms = new ArrayList<>();
        List<String> names = s.has("algorithms") ? s.textList("algorithms")
                : d.algorithms().stream().map(DigestAlgorithm::wireName).toList();
        for (String name : names) {
            DigestAlgorithm a = DigestAlgorithm.fromWire(name).filter(x -> !name.isBlank())
                    .orElseThrow(() -> s.fail("algorithms", "must list SHA-256 and/or MD5", name));
            if (algorithms.contains(a)) {
                throw s.fail("algorithms", "must name each algorithm once", name);
            }
            algorithms.add(a);
        }
        if (algorithms.isEmpty()) {
            throw s.fail("algorithms", "must list SHA-256 and/or MD5", "[]");
        }
        if (min.compareTo(max) > 0 || nat.compareTo(min) < 0) {
            throw s.fail("minExpires", "must be at most maxExpires and natExpires", min);
        }
        s.refuseUnknownKeys();
        return new RegistrarSettings(realm, nonce, min, max, nat, penalty, algorithms, keepAlive);
    }

    public SipConfig toSipConfig() {
        return new SipConfig(host, udpPort, tcpPort, userAgent, threads, SipConfig.DEFAULT_RTP_INACTIVITY,
                advertisedAddress, tls, outOfDialog);
    }
}
