package io.outdial.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A contact's RTP port on loopback, as a plain JDK socket, that decodes the RFC 4733 telephone-events it receives
 * (SIPp cannot): each event is known by its timestamp, and is complete once an end packet came.
 */
public final class TelephoneEventReceiver implements AutoCloseable {

    private static final String KEYS = "0123456789*#ABCD";

    /** One event as received: every packet sharing its timestamp, in arrival order. */
    public record Event(int payloadType, int timestamp, int ssrc, List<Packet> packets) {
        /** The key this event stands for ('?' for a code that is not a DTMF key). */
        public char key() {
            int code = packets.get(0).event();
            return code < KEYS.length() ? KEYS.charAt(code) : '?';
        }

        public long endPackets() {
            return packets.stream().filter(Packet::end).count();
        }

        public boolean complete() {
            return endPackets() > 0;
        }

        /** The duration the end packets carry (the last packet's). */
        public int finalDuration() {
            return packets.get(packets.size() - 1).duration();
        }
    }

    /** One event packet's header and payload fields, and its place among every packet received (from 0). */
    public record Packet(long arrival, int sequence, boolean marker, int event, boolean end, int volume,
                         int duration) {
    }

    private final DatagramSocket socket;
    private final int eventPt;
    private final Map<Integer, Event> events = new LinkedHashMap<>();
    private long otherPackets;
    private long received;
    /** The arrival index of each packet of another payload type. */
    private final List<Long> otherArrivals = new ArrayList<>();

    /** Listens on a free loopback port for telephone-events of payload type {@code eventPt}. */
    public TelephoneEventReceiver(int eventPt) {
        this.eventPt = eventPt;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Packets received of another payload type than the events' (audio). */
    public synchronized long otherPackets() {
        return otherPackets;
    }

    /** Every RTP packet received. */
    public synchronized long received() {
        return received;
    }

    /**
     * Reads until {@code count} complete events (an end packet each) and then {@code settle} of quiet or more
     * packets (the remaining end packets) have come; fails if they do not come within {@code limit}.
     */
    public List<Event> awaitEvents(int count, Duration limit, Duration settle) {
        long deadline = System.nanoTime() + limit.toNanos();
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        long quietUntil = Long.MAX_VALUE;
        while (true) {
            long now = System.nanoTime();
            long until = Math.min(deadline, quietUntil);
            if (now >= until) {
                break;
            }
            try {
                socket.setSoTimeout((int) Math.max(1, (until - now) / 1_000_000));
                socket.receive(datagram);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            record(ByteBuffer.wrap(buffer, 0, datagram.getLength()));
            if (completeEvents() >= count && quietUntil == Long.MAX_VALUE) {
                quietUntil = System.nanoTime() + settle.toNanos();
            }
        }
        synchronized (this) {
            if (completeEvents() < count) {
                throw new AssertionError("wanted " + count + " complete telephone-events within " + limit
                        + ", got " + events.values() + " and " + otherPackets + " other packets");
            }
            return List.copyOf(events.values());
        }
    }

    /**
     * Packets of another payload type (audio) that arrived between the first and the last packet of {@code event}:
     * none if the sender held its audio back while the digit played.
     */
    public synchronized long otherPacketsDuring(Event event) {
        long first = event.packets().get(0).arrival();
        long last = event.packets().get(event.packets().size() - 1).arrival();
        return otherArrivals.stream().filter(a -> a > first && a < last).count();
    }

    private synchronized long completeEvents() {
        return events.values().stream().filter(Event::complete).count();
    }

    private synchronized void record(ByteBuffer p) {
        if (p.remaining() < 12 || (p.get(0) & 0xC0) != 0x80) {
            return;
        }
        long arrival = received++;
        int pt = p.get(1) & 0x7F;
        if (pt != eventPt || p.remaining() < 16) {
            otherPackets++;
            otherArrivals.add(arrival);
            return;
        }
        int timestamp = p.getInt(4);
        int ssrc = p.getInt(8);
        int offset = 12 + 4 * (p.get(0) & 0x0F);
        Packet packet = new Packet(arrival, p.getShort(2) & 0xFFFF, (p.get(1) & 0x80) != 0, p.get(offset) & 0xFF,
                (p.get(offset + 1) & 0x80) != 0, p.get(offset + 1) & 0x3F, p.getShort(offset + 2) & 0xFFFF);
        events.computeIfAbsent(timestamp, t -> new Event(pt, t, ssrc, new ArrayList<>())).packets().add(packet);
    }

    @Override
    public void close() {
        socket.close();
    }
}
