package io.outdial.sip.testing;

import io.outdial.media.MediaEngine;
import io.outdial.media.RtpEndpoint;
import io.outdial.media.RtpPeer;
import io.outdial.media.RtpRelay;
import io.outdial.media.StreamStats;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small real-UDP media engine for tests: one blocking socket and receive thread per endpoint, raw forwarding for
 * relays (no header rewriting, no transcoding). Used only where the Netty engine of the media module is not
 * available on the test classpath.
 */
public final class PlainUdpMediaEngine implements MediaEngine {
    private final String bindAddress;
    private final Set<Endpoint> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong relayed = new AtomicLong();

    public PlainUdpMediaEngine(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    @Override
    public CompletableFuture<RtpEndpoint> openEndpoint() {
        try {
            Endpoint ep = new Endpoint(new DatagramSocket(new InetSocketAddress(InetAddress.getByName(bindAddress), 0)));
            open.add(ep);
            ep.start();
            return CompletableFuture.completedFuture(ep);
        } catch (IOException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public RtpRelay relay(RtpEndpoint a, RtpEndpoint b) {
        Endpoint ea = (Endpoint) a;
        Endpoint eb = (Endpoint) b;
        ea.forwardTo = eb;
        eb.forwardTo = ea;
        AtomicLong count = new AtomicLong();
        ea.relayCounter = count;
        eb.relayCounter = count;
        return new RtpRelay() {
            @Override
            public long packetsRelayed() {
                return count.get();
            }

            @Override
            public void stop() {
                ea.forwardTo = null;
                eb.forwardTo = null;
            }
        };
    }

    @Override
    public int openEndpoints() {
        return open.size();
    }

    @Override
    public long totalPacketsRelayed() {
        return relayed.get();
    }

    @Override
    public String bindAddress() {
        return bindAddress;
    }

    @Override
    public void close() {
        open.forEach(Endpoint::close);
    }

    private final class Endpoint implements RtpEndpoint {
        private final DatagramSocket socket;
        private final AtomicLong packetsIn = new AtomicLong();
        private final AtomicLong bytesIn = new AtomicLong();
        private final AtomicLong packetsOut = new AtomicLong();
        private final AtomicLong bytesOut = new AtomicLong();
        private volatile RtpPeer peer;
        private volatile Endpoint forwardTo;
        private volatile AtomicLong relayCounter;

        Endpoint(DatagramSocket socket) {
            this.socket = socket;
        }

        void start() {
            Thread t = new Thread(this::receive, "test-rtp-" + socket.getLocalPort());
            t.setDaemon(true);
            t.start();
        }

        private void receive() {
            byte[] buf = new byte[2048];
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            while (!socket.isClosed()) {
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
                packetsIn.incrementAndGet();
                bytesIn.addAndGet(packet.getLength());
                Endpoint out = forwardTo;
                if (out != null && out.send(buf, packet.getLength())) {
                    relayCounter.incrementAndGet();
                    relayed.incrementAndGet();
                }
            }
        }

        boolean send(byte[] data, int length) {
            RtpPeer p = peer;
            if (p == null) {
                return false;
            }
            try {
                socket.send(new DatagramPacket(data, length, p.remote()));
                packetsOut.incrementAndGet();
                bytesOut.addAndGet(length);
                return true;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public InetSocketAddress localAddress() {
            return (InetSocketAddress) socket.getLocalSocketAddress();
        }

        @Override
        public void connect(RtpPeer peer) {
            this.peer = peer;
        }

        @Override
        public RtpPeer peer() {
            return peer;
        }

        @Override
        public StreamStats stats() {
            return new StreamStats(packetsIn.get(), bytesIn.get(), packetsOut.get(), bytesOut.get());
        }

        @Override
        public CompletableFuture<Void> close() {
            socket.close();
            open.remove(this);
            return CompletableFuture.completedFuture(null);
        }
    }
}
