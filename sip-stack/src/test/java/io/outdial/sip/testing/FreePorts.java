package io.outdial.sip.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Finds loopback ports free right now, for SIP stacks, SIPp and RTP in tests. */
public final class FreePorts {
    private static final int ATTEMPTS = 200;

    private FreePorts() {
    }

    /** A port free for both UDP and TCP on 127.0.0.1 (SIP listens on both). */
    public static int sip() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ephemeralUdp();
            if (tcpFree(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no port free for both UDP and TCP after " + ATTEMPTS + " attempts");
    }

    /** A free UDP port. */
    public static int udp() {
        return ephemeralUdp();
    }

    /** An even UDP port p with p + 2 also free: SIPp binds its audio RTP socket on p and video on p + 2. */
    public static int rtpPair() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ephemeralUdp();
            if (port % 2 == 0 && port + 2 <= 65535 && udpFree(port + 2)) {
                return port;
            }
        }
        throw new IllegalStateException("no free even UDP port pair after " + ATTEMPTS + " attempts");
    }

    private static int ephemeralUdp() {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean udpFree(int port) {
        try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port))) {
            return s.getLocalPort() == port;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(false);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
