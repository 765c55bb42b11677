package io.outdial.media.webrtc;

import org.bouncycastle.tls.DatagramTransport;

import java.io.IOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * BouncyCastle's view of the DTLS records of one browser leg: the endpoint's event loop offers each DTLS datagram
 * (copied, a handful per handshake) and the handshake thread takes them; what the handshake sends goes back to the
 * endpoint's channel. Bounded: a flood of records beyond {@link #CAPACITY} is dropped, as the network would.
 */
final class PacketQueueTransport implements DatagramTransport {
    static final int CAPACITY = 32;
    /** A DTLS record fits one datagram below the path MTU; 1200 bytes is what browsers keep to. */
    private static final int LIMIT = 1200;
    private static final byte[] CLOSED = new byte[0];

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(CAPACITY);
    private final Consumer<byte[]> outbound;
    private volatile boolean closed;

    /** @param outbound sends one datagram to the checked browser address; safe from any thread */
    PacketQueueTransport(Consumer<byte[]> outbound) {
        this.outbound = outbound;
    }

    /** From the event loop: one DTLS datagram arrived. Returns false when it was dropped (queue full or closed). */
    boolean offer(byte[] datagram) {
        return !closed && inbound.offer(datagram);
    }

    /** Datagrams waiting for the DTLS reader. */
    int pending() {
        return inbound.size();
    }

    @Override
    public int getReceiveLimit() {
        return LIMIT;
    }

    @Override
    public int getSendLimit() {
        return LIMIT;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        byte[] datagram;
        try {
            datagram = waitMillis <= 0 ? inbound.poll() : inbound.poll(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for DTLS", e);
        }
        if (datagram == null) {
            return -1;
        }
        if (datagram == CLOSED) {
            throw new IOException("DTLS transport closed");
        }
        int length = Math.min(len, datagram.length);
        System.arraycopy(datagram, 0, buf, off, length);
        return length;
    }

    @Override
    public void send(byte[] buf, int off, int len) throws IOException {
        if (closed) {
            throw new IOException("DTLS transport closed");
        }
        outbound.accept(java.util.Arrays.copyOfRange(buf, off, off + len));
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inbound.clear();
            inbound.offer(CLOSED); // wakes a handshake waiting in receive
        }
    }
}
