package io.outdial.media.webrtc;

import io.outdial.media.RtpEndpoint;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;

/**
 * Makes RTP endpoints into browser legs: one per gateway, holding the DTLS identity (made at start), the handshake
 * pool and the WebRTC settings. {@link #accept} reads a browser's offer, guards the endpoint with a
 * {@link WebRtcTransport} and returns the answer to send back to the page.
 */
public final class BrowserLegs implements AutoCloseable {
    private final DtlsIdentity identity;
    private final WebRtcHandshakes handshakes;
    private final WebRtcSettings settings;
    private final java.util.concurrent.atomic.AtomicInteger connected = new java.util.concurrent.atomic.AtomicInteger();
    /** Failures by kind: every kind has its adder from the start, so that reading and counting never allocate. */
    private final java.util.Map<WebRtcFailure, java.util.concurrent.atomic.LongAdder> failures = failureAdders();
    private final java.util.concurrent.atomic.LongAdder checksRefused = new java.util.concurrent.atomic.LongAdder();
    private volatile ReceptionReports reports = ReceptionReports.NONE;
    /** Hands every leg's RTCP reports to whoever {@link #reportTo} named, even one named after the leg began. */
    private final ReceptionReports forwarding = new ReceptionReports() {
        @Override
        public void report(double fractionLost, long newlyLost, double jitterSeconds) {
            reports.report(fractionLost, newlyLost, jitterSeconds);
        }

        @Override
        public void dropped(io.outdial.media.srtp.SrtpReceiver.Verdict why) {
            reports.dropped(why);
        }
    };

    public BrowserLegs(WebRtcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.identity = DtlsIdentity.generate(Duration.ofDays(30));
        this.handshakes = new WebRtcHandshakes(settings.handshakeThreads(), settings.handshakeQueue());
    }

    /** A browser leg accepted: the SDP answer for the page and the transport guarding the endpoint. */
    public record Accepted(String answer, WebRtcTransport transport) {
    }

    /**
     * Guards {@code endpoint} (opened from the media engine, not yet connected) for the browser whose offer is
     * {@code offerSdp}; {@code listener} hears when the leg is secured, fails or closes.
     *
     * @throws BrowserSdpException when the offer is refused (no fingerprint, no G.711, ...)
     */
    public Accepted accept(RtpEndpoint endpoint, String offerSdp, WebRtcTransport.Listener listener) {
        if (!(endpoint instanceof GuardedEndpoint guarded)) {
            throw new IllegalArgumentException(endpoint + " cannot carry a browser leg");
        }
        BrowserOffer offer = BrowserSdp.parseOffer(offerSdp);
        IceCredentials local = IceCredentials.random();
        IceLiteResponder ice = new IceLiteResponder(local, offer.ice(), settings.permittedSources(), checksRefused);
        DtlsSrtpHandshake handshake = new DtlsSrtpHandshake(offer.role(), identity, offer.fingerprint(),
                settings.handshakeTimeoutMillis());
        WebRtcTransport transport = new WebRtcTransport(ice, handshake, handshakes, offer.codec(),
                offer.payloadType(), offer.telephoneEventPt(), counted(listener), forwarding);
        guarded.secureWith(transport);
        InetSocketAddress candidate = new InetSocketAddress(candidateAddress(guarded),
                guarded.localAddress().getPort());
        return new Accepted(BrowserSdp.answer(offer, local, identity.fingerprint(), candidate), transport);
    }

    private InetAddress candidateAddress(GuardedEndpoint endpoint) {
        String advertised = settings.candidateAddress();
        if (advertised == null || advertised.isBlank()) {
            return endpoint.localAddress().getAddress();
        }
        try {
            return InetAddress.getByName(advertised);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("webrtc.candidateAddress does not resolve: " + advertised, e);
        }
    }

    /** Counts what the metrics show, then tells the leg's own listener. */
    private WebRtcTransport.Listener counted(WebRtcTransport.Listener listener) {
        return new WebRtcTransport.Listener() {
            private boolean up;

            @Override
            public void secured(java.net.InetSocketAddress browser) {
                up = true;
                connected.incrementAndGet();
                listener.secured(browser);
            }

            @Override
            public void failed(WebRtcFailure why, String reason) {
                failures.get(why).increment();
                listener.failed(why, reason);
            }

            @Override
            public void closed(String reason) {
                if (up) {
                    up = false;
                    connected.decrementAndGet();
                }
                listener.closed(reason);
            }
        };
    }

    /** Where the browsers' RTCP reports about our audio go (metrics: loss and jitter). */
    public void reportTo(ReceptionReports sink) {
        this.reports = Objects.requireNonNull(sink, "sink");
    }

    /** Browser phones whose DTLS is up now (metric: browser phones connected). */
    public int connected() {
        return connected.get();
    }

    /**
     * Browser legs failed since start (metric: ICE/DTLS failures): DTLS refused (wrong fingerprint, no common
     * profile), timed out, or the browser never checked in.
     */
    public long failures() {
        return failures.values().stream().mapToLong(java.util.concurrent.atomic.LongAdder::sum).sum();
    }

    /** Browser legs failed since start for {@code why} (the metric's {@code reason} label). */
    public long failures(WebRtcFailure why) {
        return failures.get(why).sum();
    }

    private static java.util.Map<WebRtcFailure, java.util.concurrent.atomic.LongAdder> failureAdders() {
        java.util.Map<WebRtcFailure, java.util.concurrent.atomic.LongAdder> adders =
                new java.util.EnumMap<>(WebRtcFailure.class);
        for (WebRtcFailure why : WebRtcFailure.values()) {
            adders.put(why, new java.util.concurrent.atomic.LongAdder());
        }
        return adders;
    }

    /**
     * STUN datagrams refused by the browser legs' ICE-lite responders since start (metric): a wrong USERNAME or
     * MESSAGE-INTEGRITY, malformed, from outside the permitted networks, or one source too many. Each is dropped
     * unanswered and moves nothing.
     */
    public long checksRefused() {
        return checksRefused.sum();
    }

    /** The fingerprint our answers carry. */
    public DtlsFingerprint fingerprint() {
        return identity.fingerprint();
    }

    @Override
    public void close() {
        handshakes.close();
    }
}
