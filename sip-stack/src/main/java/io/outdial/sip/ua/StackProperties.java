package io.outdial.sip.ua;

import io.outdial.sip.SipConfig;
import io.outdial.sip.ua.guard.GuardedMessageParserFactory;
import io.outdial.sip.ua.logging.Slf4jMessageLogger;
import io.outdial.sip.ua.logging.Slf4jStackLogger;
import io.outdial.sip.tls.TlsContexts;
import io.outdial.sip.tls.TlsNetworkLayer;
import java.util.Properties;
import javax.net.ssl.SSLContext;
import java.util.concurrent.atomic.AtomicInteger;

/** The JAIN-SIP RI settings of one gateway stack (names checked against SipStackImpl, see ARCHITECTURE.md 4). */
final class StackProperties {
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /**
     * The RI drops early dialogs after 3 minutes by default, which would cut a long ring short; each leg bounds its
     * own early phase (ring timeout, then the CANCEL guard), so the stack's limit only has to stay out of the way.
     */
    private static final int EARLY_DIALOG_TIMEOUT_SECONDS = 3600;

    /** Bounds what one TCP peer can make us buffer for a single message. */
    private static final int MAX_MESSAGE_SIZE = 64 * 1024;

    /**
     * The UDP socket's receive and send buffers. The RI asks for 64 KiB, which holds some 50 datagrams on loopback:
     * at 250 calls/s (about 3,000 SIP datagrams/s in) a 20 ms pause of the stack's reader overflowed it and the
     * kernel dropped 200 OKs and INVITE responses, which peers retransmitted only 500 ms later (docs/benchmarks.md,
     * issue 13). The kernel caps the request at net.core.rmem_max / wmem_max.
     */
    static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;

    /** The stack's timer: a hashed wheel that never parks the sender and drops cancelled tasks (see {@link #of}). */
    static final String SIP_TIMER = WheelSipTimer.class.getName();

    /** A peer that has not finished its TLS handshake by then is dropped. */
    private static final long TLS_HANDSHAKE_TIMEOUT_MILLIS = 10_000;

    private StackProperties() {
    }

    static Properties of(SipConfig config) {
        Properties p = new Properties();
        // The RI keeps stacks by name: several gateways in one JVM (tests) each need their own.
        p.setProperty("javax.sip.STACK_NAME",
                "outdial-" + INSTANCES.incrementAndGet() + "-" + config.host() + "-" + config.udpPort() + "-"
                        + config.tcpPort());
        // Refuses messages lacking mandatory headers before the stack reads them; plain 400 reason phrases.
        p.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", GuardedMessageParserFactory.class.getName());
        // A B2BUA creates its dialogs itself (getNewDialog) and answers every request itself.
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(Math.max(1, config.threads())));
        // The listener only hands events to call executors, so it is safe to call from many threads at once.
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jMessageLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(MAX_MESSAGE_SIZE));
        p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
        // The RI's default timer is a java.util.Timer, which keeps a cancelled task (and the dialog or transaction it
        // points to) queued until its time comes: the early-dialog timer of every call, an hour out, held about 1.4 KB
        // per call (heap after GC rising through a 10-minute soak, docs/benchmarks.md). Its other timer, a scheduled
        // executor, parks call executors on its lock (WheelSipTimer says why ours is a wheel).
        p.setProperty("gov.nist.javax.sip.TIMER_CLASS_NAME", SIP_TIMER);
        p.setProperty("gov.nist.javax.sip.EARLY_DIALOG_TIMEOUT_SECONDS", Integer.toString(EARLY_DIALOG_TIMEOUT_SECONDS));
        return p;
    }

    /**
     * Adds SIP over TLS with {@code context}'s keys and trust (see {@link TlsNetworkLayer}): TLS 1.2 and 1.3 only,
     * the JDK's default cipher suites for them (JAIN-SIP's own list still names anonymous and 3DES suites), no
     * client certificate asked of phones, and a bound on how long a peer may take to finish its handshake.
     */
    static void addTls(Properties p, SSLContext context) {
        p.setProperty("gov.nist.javax.sip.NETWORK_LAYER", TlsNetworkLayer.class.getName());
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", String.join(",", TlsContexts.PROTOCOLS));
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES",
                String.join(",", context.getDefaultSSLParameters().getCipherSuites()));
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", Long.toString(TLS_HANDSHAKE_TIMEOUT_MILLIS));
    }
}
