package io.outdial.media.transport;

import io.outdial.media.RtpEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;

/** A phone's RTP socket on loopback, as plain JDK UDP: sends to an endpoint, waits (bounded) for what comes back. */
final class Phone implements AutoCloseable {

    private static final int RECEIVE_TIMEOUT_MILLIS = 3000;

    private final DatagramSocket socket;

    Phone(String ip) {
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(ip), 0));
            socket.setSoTimeout(RECEIVE_TIMEOUT_MILLIS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    void send(RtpEndpoint to, byte[] datagram) {
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to.localAddress()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next datagram, failing the test if none comes within the timeout. */
    byte[] receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
        } catch (SocketTimeoutException e) {
            throw new AssertionError(this + " received nothing within " + RECEIVE_TIMEOUT_MILLIS + " ms");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(buffer, packet.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }

    @Override
    public String toString() {
        return "phone " + address();
    }
}
