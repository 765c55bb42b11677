package io.outdial.media.webrtc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.channel.socket.DatagramPacket;
import io.outdial.core.state.State;
import io.outdial.core.state.Transitions;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.srtp.SrtpKeys;
import org.bouncycastle.tls.DTLSTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The WebRTC side of one RTP endpoint (a browser leg): every datagram arriving on the endpoint's port passes here
 * first and is sorted by its first byte (RFC 7983): STUN to the {@link IceLiteResponder}, DTLS to the
 * {@link DtlsSrtpHandshake} (only from an address that passed a check), SRTCP (rtcp-mux, RFC 5761) from the selected
 * address authenticated and its reports read ({@link RtcpReception}), and SRTP handed back to the endpoint only once keyed and only from the selected address. When the
 * handshake agrees keys, the endpoint is connected to the browser as an SRTP peer and its own SRTP, relays,
 * players and recorders work as for any phone. Everything but the handshake runs on the endpoint's event loop.
 */
public final class WebRtcTransport {
    private static final Logger log = LoggerFactory.getLogger(WebRtcTransport.class);
    /** Consent freshness (RFC 7675 5.1): media stops 30 s after the browser's last valid check. */
    public static final long CONSENT_TIMEOUT_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
    private static final long CONSENT_CHECK_SECONDS = 5;

    /** Where a browser leg's transport is. */
    public enum Phase implements State<Phase> {
        /** Waiting for the browser's connectivity check and first DTLS record. */
        CHECKING,
        /** The DTLS handshake runs on the handshake pool. */
        HANDSHAKING,
        /** Keys agreed: SRTP flows with the selected address. */
        SECURED,
        /** The handshake failed (wrong fingerprint, no common profile, timeout) or the pool refused it. */
        FAILED,
        /** The browser closed DTLS, or the endpoint closed. */
        CLOSED;

        private static final Transitions<Phase> MOVES = Transitions.of(Phase.class, "WebRTC transport")
                .entry(CHECKING)
                .from(CHECKING).to(HANDSHAKING, FAILED, CLOSED)
                .from(HANDSHAKING).to(SECURED, FAILED, CLOSED)
                .from(SECURED).to(CLOSED)
                .terminal(FAILED, CLOSED)
                .build();

        @Override
        public Transitions<Phase> transitions() {
            return MOVES;
        }
    }

    /** What the leg above hears, on the endpoint's event loop (hand off, do not block). */
    public interface Listener {
        /** Keys agreed; the endpoint now sends SRTP to {@code browser}. */
        void secured(InetSocketAddress browser);

        /** The leg failed before its media was up ({@code why}: its kind, for the metric); it is to be released. */
        void failed(WebRtcFailure why, String reason);

        /**
         * The leg is over: the browser closed DTLS (close_notify, as when its page hangs up), its consent lapsed (no
         * valid check for {@link #CONSENT_TIMEOUT_NANOS}: a closed tab or a lost network), or the endpoint closed.
         */
        void closed(String reason);
    }

    /** How the transport reaches its endpoint: the peer it gets once keyed. */
    public interface Endpoint {
        void connect(RtpPeer peer);
    }

    private final IceLiteResponder ice;
    private final DtlsSrtpHandshake handshake;
    private final WebRtcHandshakes handshakes;
    private final Codec codec;
    private final int payloadType;
    private final int telephoneEventPt;
    private final Listener listener;
    private final ReceptionReports reports;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong rtcpReceived = new AtomicLong();

    // confined to the event loop
    private Phase phase = Phase.CHECKING;
    private Endpoint endpoint;
    private EventLoop loop;
    private volatile Channel channel;
    private volatile boolean closing;
    private final java.util.concurrent.atomic.AtomicBoolean draining = new java.util.concurrent.atomic.AtomicBoolean();
    private InetSocketAddress dtlsSource;
    private InetSocketAddress mediaAddress;
    private SrtpKeys keys;
    private RtcpReception rtcp;
    private PacketQueueTransport records;
    private volatile DTLSTransport secured;
    private java.util.function.LongSupplier clock = System::nanoTime;
    private long lastConsent;
    private java.util.concurrent.ScheduledFuture<?> consentTimer;

    /**
     * @param codec            the G.711 law the answer chose
     * @param payloadType      its payload type in the browser's offer
     * @param telephoneEventPt the telephone-event payload type, or -1
     */
    public WebRtcTransport(IceLiteResponder ice, DtlsSrtpHandshake handshake, WebRtcHandshakes handshakes,
                           Codec codec, int payloadType, int telephoneEventPt, Listener listener) {
        this(ice, handshake, handshakes, codec, payloadType, telephoneEventPt, listener, ReceptionReports.NONE);
    }

    /** @param reports hears the browser's RTCP reports about our audio, and the RTCP dropped */
    public WebRtcTransport(IceLiteResponder ice, DtlsSrtpHandshake handshake, WebRtcHandshakes handshakes,
                           Codec codec, int payloadType, int telephoneEventPt, Listener listener,
                           ReceptionReports reports) {
        this.reports = Objects.requireNonNull(reports, "reports");
        this.ice = Objects.requireNonNull(ice, "ice");
        this.handshake = Objects.requireNonNull(handshake, "handshake");
        this.handshakes = Objects.requireNonNull(handshakes, "handshakes");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.payloadType = payloadType;
        this.telephoneEventPt = telephoneEventPt;
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Called once by the endpoint this transport guards, on its event loop. */
    public void bind(Endpoint owner, EventLoop ownerLoop) {
        this.endpoint = owner;
        this.loop = ownerLoop;
        ownerLoop.execute(() -> {
            lastConsent = clock.getAsLong(); // the browser has as long for its first check as for any other
            consentTimer = ownerLoop.scheduleAtFixedRate(() -> checkConsent(clock.getAsLong()),
                    CONSENT_CHECK_SECONDS, CONSENT_CHECK_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        });
    }

    /** For tests: the clock consent is measured with (nanoseconds). Call before {@link #bind}. */
    void clock(java.util.function.LongSupplier nanos) {
        this.clock = nanos;
    }

    /**
     * On the event loop, every few seconds: ends the leg when the browser's consent lapsed (a closed tab or a lost
     * network sends no close_notify), or fails it when it never checked at all.
     */
    void checkConsent(long now) {
        if (now - lastConsent < CONSENT_TIMEOUT_NANOS) {
            return;
        }
        switch (phase) {
            case CHECKING, HANDSHAKING ->
                    fail(WebRtcFailure.NO_ICE_CHECK, "no connectivity check from the browser for 30 s");
            case SECURED -> {
                phase = phase.moveTo(Phase.CLOSED);
                stopTimer();
                log.info("browser leg {}: consent lapsed, no check for 30 s", mediaAddress);
                listener.closed("the browser's consent lapsed (no check for 30 s)");
            }
            default -> stopTimer();
        }
    }

    private void stopTimer() {
        if (consentTimer != null) {
            consentTimer.cancel(false);
        }
    }

    /**
     * On the event loop, for every datagram the endpoint's channel reads: consumes STUN, DTLS, RTCP and anything
     * not from the selected address (true), or leaves an SRTP packet from the browser to the endpoint (false).
     */
    public boolean intercept(ByteBuf packet, InetSocketAddress sender, Channel from) {
        channel = from;
        int start = packet.readerIndex();
        int length = packet.readableBytes();
        if (length == 0) {
            dropped.incrementAndGet();
            return true;
        }
        int first = packet.getUnsignedByte(start);
        if (StunMessage.isStun(first)) {
            onStun(packet, sender);
            return true;
        }
        if (first >= 20 && first <= 63) {
            onDtls(packet, sender);
            return true;
        }
        if (first >= 128 && first <= 191 && phase == Phase.SECURED && sender.equals(mediaAddress)) {
            int type = length > 1 ? packet.getUnsignedByte(start + 1) : 0;
            if (type >= 192 && type <= 223) {
                rtcpReceived.incrementAndGet();
                rtcp.receive(packet);
                return true;
            }
            return false;
        }
        dropped.incrementAndGet();
        return true;
    }

    private void onStun(ByteBuf packet, InetSocketAddress sender) {
        byte[] bytes = new byte[Math.min(packet.readableBytes(), StunMessage.MAX_LENGTH + 1)];
        packet.getBytes(packet.readerIndex(), bytes);
        byte[] response = ice.onRequest(bytes, bytes.length, sender);
        if (response == null) {
            dropped.incrementAndGet();
            return;
        }
        send(response, sender);
        if (sender.equals(mediaAddress) || mediaAddress == null) {
            lastConsent = clock.getAsLong(); // RFC 7675: consent is the selected pair's checks
        }
        InetSocketAddress nominated = ice.selected();
        if (phase == Phase.SECURED && nominated != null && !nominated.equals(mediaAddress)) {
            // the browser nominated another checked pair: media follows it (only the password holder can ask)
            mediaAddress = nominated;
            endpoint.connect(new RtpPeer(nominated, codec, payloadType, telephoneEventPt, keys));
        }
    }

    private void onDtls(ByteBuf packet, InetSocketAddress sender) {
        if (!ice.isChecked(sender) || (dtlsSource != null && !dtlsSource.equals(sender))
                || phase == Phase.FAILED || phase == Phase.CLOSED) {
            dropped.incrementAndGet();
            return;
        }
        byte[] record = new byte[packet.readableBytes()];
        packet.getBytes(packet.readerIndex(), record);
        if (phase == Phase.CHECKING) {
            dtlsSource = sender;
            records = new PacketQueueTransport(datagram -> send(datagram, sender));
            try {
                handshakes.execute(this::handshake);
            } catch (RejectedExecutionException e) {
                fail(WebRtcFailure.HANDSHAKES_BUSY, "too many DTLS handshakes at once");
                return;
            }
            phase = phase.moveTo(Phase.HANDSHAKING);
        }
        if (!records.offer(record)) {
            dropped.incrementAndGet();
            return;
        }
        if (phase == Phase.SECURED) {
            log.debug("DTLS record from {} after the handshake ({} bytes)", sender, record.length);
            try {
                handshakes.execute(this::drainAfterHandshake);
            } catch (RejectedExecutionException e) {
                dropped.incrementAndGet();
            }
        }
    }

    /** On the handshake pool. */
    private void handshake() {
        try {
            DtlsSrtpHandshake.Result result = handshake.run(records);
            secured = result.transport();
            loop.execute(() -> onSecured(result.keys()));
        } catch (IOException | RuntimeException e) {
            records.close();
            log.debug("DTLS handshake failed", e);
            String reason = "DTLS handshake failed: " + e.getMessage();
            WebRtcFailure why = WebRtcFailure.ofHandshake(e);
            loop.execute(() -> fail(why, reason));
        }
    }

    /**
     * On the handshake pool: lets BouncyCastle answer a retransmitted flight or read the browser's close_notify, until
     * the queue is empty. One reader at a time (BouncyCastle's record layer is not thread-safe); a record that comes
     * while one reads is read by it, or by the next task the reader starts on its way out.
     */
    private void drainAfterHandshake() {
        DTLSTransport transport = secured;
        if (transport == null || !draining.compareAndSet(false, true)) {
            return;
        }
        byte[] buffer = new byte[1500];
        try {
            // a wait longer than a scheduling tick: BouncyCastle gives up before reading once its wait has passed
            while (records.pending() > 0 && !handshake.peerClosed()) {
                transport.receive(buffer, 0, buffer.length, 100); // application data: none expected, ignored
            }
        } catch (IOException e) {
            log.debug("DTLS after the handshake: {}", e.toString());
        } finally {
            draining.set(false);
        }
        if (handshake.peerClosed()) {
            if (!closing) {
                loop.execute(this::onClosedByBrowser);
            }
        } else if (records.pending() > 0 && !closing) {
            try {
                handshakes.execute(this::drainAfterHandshake);
            } catch (RejectedExecutionException e) {
                dropped.incrementAndGet();
            }
        }
    }

    private void onSecured(SrtpKeys agreed) {
        if (phase != Phase.HANDSHAKING) {
            return;
        }
        phase = phase.moveTo(Phase.SECURED);
        keys = agreed;
        rtcp = new RtcpReception(agreed.rtcpReceiver(), Codec.CLOCK_RATE, reports);
        mediaAddress = ice.selected() != null ? ice.selected() : dtlsSource;
        endpoint.connect(new RtpPeer(mediaAddress, codec, payloadType, telephoneEventPt, agreed));
        log.info("browser leg secured with {}", mediaAddress);
        listener.secured(mediaAddress);
    }

    private void onClosedByBrowser() {
        if (phase == Phase.SECURED) {
            phase = phase.moveTo(Phase.CLOSED);
            stopTimer();
            log.info("browser leg {}: the browser closed DTLS", mediaAddress);
            listener.closed("the browser closed DTLS");
        }
    }

    private void fail(WebRtcFailure why, String reason) {
        if (phase == Phase.CHECKING || phase == Phase.HANDSHAKING) {
            if (records != null) {
                records.close();
            }
            phase = phase.moveTo(Phase.FAILED);
            stopTimer();
            log.warn("browser leg from {}: {}", dtlsSource, reason);
            listener.failed(why, reason);
        }
    }

    /** On the event loop: the endpoint closes; stops the handshake and DTLS. */
    public void close() {
        closing = true;
        stopTimer();
        if (records != null) {
            records.close();
        }
        DTLSTransport transport = secured;
        if (transport != null) {
            try {
                transport.close();
            } catch (IOException e) {
                log.debug("closing DTLS: {}", e.toString());
            }
        }
        if (phase != Phase.FAILED && phase != Phase.CLOSED) {
            phase = phase.moveTo(Phase.CLOSED);
            listener.closed("the endpoint closed");
        }
    }

    private void send(byte[] datagram, InetSocketAddress to) {
        Channel out = channel;
        if (out != null) {
            out.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(datagram), to), out.voidPromise());
        }
    }

    /** On the event loop: where the transport is. */
    public Phase phase() {
        return phase;
    }

    /** Datagrams consumed and dropped: refused STUN, DTLS from unchecked sources, media from elsewhere. */
    public long dropped() {
        return dropped.get();
    }

    /** SRTCP packets the browser sent (rtcp-mux) from its selected address, read or dropped. */
    public long rtcpReceived() {
        return rtcpReceived.get();
    }

    /** Our ICE credentials and the checks refused, for the answer and metrics. */
    public IceLiteResponder ice() {
        return ice;
    }
}
