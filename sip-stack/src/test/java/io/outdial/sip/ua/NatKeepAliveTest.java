package io.outdial.sip.ua;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import gov.nist.javax.sip.header.HeaderFactoryImpl;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.VirtualScheduler;
import io.outdial.sip.registrar.BindingTable;
import io.outdial.sip.registrar.Registration;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sip.header.CallIdHeader;
import org.junit.jupiter.api.Test;

/** Which bindings the NAT keep-alive pings, when, and how many at a time; in virtual time. */
class NatKeepAliveTest {
    private static final Duration EVERY = Duration.ofSeconds(25);

    private final VirtualScheduler clock = new VirtualScheduler(Instant.parse("2026-12-07T09:00:00Z"));
    private final BindingTable bindings = new BindingTable(clock::now);
    private final OutOfDialogClients clients = new OutOfDialogClients();
    private final List<String[]> sent = new ArrayList<>();
    private int ids;
    private boolean failSending;

    private final NatKeepAlive.Pinger pinger = new NatKeepAlive.Pinger() {
        @Override
        public CallIdHeader newCallId() {
            try {
                return new HeaderFactoryImpl().createCallIdHeader("ka-" + (++ids));
            } catch (java.text.ParseException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void send(String target, CallIdHeader callId) throws Exception {
            if (failSending) {
                throw new javax.sip.SipException("no UDP listening point");
            }
            sent.add(new String[] {target, callId.getCallId()});
        }
    };

    private NatKeepAlive keepAlive(Duration every) {
        return new NatKeepAlive(every, bindings, pinger, clients, new CallExecutor("ka", Runnable::run, clock));
    }

    private void bind(String user, boolean natted, String transport) {
        bindings.bind(new Registration(user, "sip:" + user + "@10.0.0.9:5060",
                natted ? "sip:" + user + "@127.0.0.1:40001" : "sip:" + user + "@10.0.0.9:5060", "127.0.0.1:40001",
                transport, natted, clock.now(), clock.now().plus(Duration.ofHours(1)), null, "reg-" + user, 1));
    }

    @Test
    void onlyUdpBindingsBehindNatArePingedEachIntervalAtTheirSourceAddress() {
        bind("natted", true, "udp");
        bind("direct", false, "udp");
        bind("overtcp", true, "tcp");
        NatKeepAlive keepAlive = keepAlive(EVERY);
        keepAlive.start();

        clock.advance(EVERY.minusSeconds(1));
        assertEquals(0, sent.size(), "nothing before the first interval");
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, sent.size());
        assertEquals("sip:natted@127.0.0.1:40001", sent.get(0)[0]);
        assertSame(keepAlive, clients.find(sent.get(0)[1]), "its answer is routed back by Call-ID");

        keepAlive.answered(sent.get(0)[1]);
        assertNull(clients.find(sent.get(0)[1]));
        clock.advance(EVERY);
        assertEquals(2, sent.size(), "answered: the next round pings again");
        assertArrayEquals(new long[] {2, 1, 0}, keepAlive.counts());
    }

    @Test
    void aPhoneThatDoesNotAnswerHasOneOptionsOutstandingAndTheTimeoutIsCounted() {
        bind("natted", true, "udp");
        NatKeepAlive keepAlive = keepAlive(EVERY);
        keepAlive.start();
        clock.advance(EVERY);
        clock.advance(EVERY);
        clock.advance(EVERY);
        assertEquals(1, sent.size(), "no second OPTIONS while the first is unanswered");

        keepAlive.timedOut(sent.get(0)[1]);
        keepAlive.timedOut(sent.get(0)[1]);
        assertArrayEquals(new long[] {1, 0, 1}, keepAlive.counts(), "a late second timeout counts nothing");
        clock.advance(EVERY);
        assertEquals(2, sent.size());
        keepAlive.answered("unknown-call-id");
        assertArrayEquals(new long[] {2, 0, 1}, keepAlive.counts());
    }

    @Test
    void aSendFailureLeavesNothingOutstandingAndStopEndsTheRounds() {
        bind("natted", true, "udp");
        NatKeepAlive keepAlive = keepAlive(EVERY);
        keepAlive.start();
        failSending = true;
        clock.advance(EVERY);
        assertEquals(0, sent.size());
        assertNull(clients.find("ka-1"), "a request that was not sent is not waited for");
        failSending = false;
        clock.advance(EVERY);
        assertEquals(1, sent.size(), "the next round tries again");

        keepAlive.stop();
        assertNull(clients.find(sent.get(0)[1]));
        clock.advance(EVERY.multipliedBy(4));
        assertEquals(1, sent.size(), "stopped");
    }

    @Test
    void aZeroIntervalNeverPings() {
        bind("natted", true, "udp");
        keepAlive(Duration.ZERO).start();
        clock.advance(Duration.ofMinutes(10));
        assertEquals(0, sent.size());
        assertEquals(0, clock.pending());
    }
}
