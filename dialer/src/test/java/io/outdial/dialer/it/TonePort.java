package io.outdial.dialer.it;

import io.outdial.media.codec.G711;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A party's RTP port on loopback, as plain JDK sockets, for the ITs that must tell who hears whom: it answers the
 * first peer that sends to it with a steady PCMU tone of its own frequency (20 ms packets, payload type 0), and keeps
 * the last {@value #WINDOW} samples of the PCMU it receives, so that {@link #share} says how much of what it hears is
 * a given tone (one Goertzel bin over that window). A SIPp scenario whose SDP names {@link #port()} makes it a
 * contact's or an agent phone's media ({@code uas-answer-telephone-event.xml}, {@code agent-phone-telephone-event.xml}).
 */
final class TonePort implements AutoCloseable {
    private static final int SAMPLES = 160;
    /** 200 ms of what was heard. */
    static final int WINDOW = 1600;
    /** -12 dBFS. */
    private static final double AMPLITUDE = 32767 * Math.pow(10, -12 / 20.0);

    private final DatagramSocket socket;
    private final double toneHz;
    private final short[] heard = new short[WINDOW];
    private int heardAt;
    private long samplesHeard;
    private volatile SocketAddress peer;
    private final Thread reader;
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "tone-port-sender");
        t.setDaemon(true);
        return t;
    });
    private final byte[] packet = new byte[12 + SAMPLES];
    private int sequence;
    private int timestamp;
    private long phase;

    /** A port that says {@code toneHz} once someone sent to it. */
    TonePort(double toneHz) {
        this.toneHz = toneHz;
        try {
            socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        reader = new Thread(this::read, "tone-port-reader");
        reader.setDaemon(true);
        reader.start();
        sender.scheduleAtFixedRate(this::send, 20, 20, TimeUnit.MILLISECONDS);
    }

    int port() {
        return socket.getLocalPort();
    }

    /** Samples received so far (8 kHz). */
    synchronized long samplesHeard() {
        return samplesHeard;
    }

    /**
     * The share of the energy of the last {@value #WINDOW} samples heard that lies at {@code hz}: about 1 for that
     * tone alone, about 0.5 for one of two tones of the same level, near 0 when it is absent (0 for silence).
     */
    synchronized double share(double hz) {
        double w = 2 * Math.PI * hz / 8000;
        double c = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        double energy = 0;
        for (int i = 0; i < WINDOW; i++) {
            double x = heard[(heardAt + i) % WINDOW];
            energy += x * x;
            double s0 = x + c * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - c * s1 * s2;
        return energy == 0 ? 0 : 2 * power / (WINDOW * energy);
    }

    private void read() {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        while (!socket.isClosed()) {
            try {
                socket.receive(datagram);
            } catch (IOException e) {
                return; // closed
            }
            if (peer == null) {
                peer = datagram.getSocketAddress();
            }
            heard(buffer, datagram.getLength());
        }
    }

    private synchronized void heard(byte[] p, int length) {
        if (length < 12 || (p[0] & 0xC0) != 0x80 || (p[1] & 0x7F) != 0) {
            return; // not PCMU audio (a telephone-event, RTCP)
        }
        int offset = 12 + 4 * (p[0] & 0x0F);
        for (int i = offset; i < length; i++) {
            heard[heardAt] = G711.ulawToLinear(p[i]);
            heardAt = (heardAt + 1) % WINDOW;
            samplesHeard++;
        }
    }

    private void send() {
        SocketAddress to = peer;
        if (to == null || socket.isClosed()) {
            return;
        }
        ByteBuffer header = ByteBuffer.wrap(packet);
        header.put(0, (byte) 0x80).put(1, (byte) 0).putShort(2, (short) sequence++).putInt(4, timestamp)
                .putInt(8, 0x70e5ea7 + (int) toneHz);
        timestamp += SAMPLES;
        for (int i = 0; i < SAMPLES; i++) {
            double v = AMPLITUDE * Math.sin(2 * Math.PI * toneHz * phase++ / 8000);
            packet[12 + i] = G711.linearToUlaw((int) Math.round(v));
        }
        try {
            socket.send(new DatagramPacket(packet, packet.length, to));
        } catch (IOException e) {
            // closing
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
        socket.close();
    }
}
