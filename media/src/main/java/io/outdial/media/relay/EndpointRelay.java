package io.outdial.media.relay;

import io.outdial.media.RtpRelay;
import io.outdial.media.rtp.PacketEndpoint;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/** A running relay between two endpoints: one {@link RelayDirection} attached as each endpoint's sink. */
public final class EndpointRelay implements RtpRelay {

    private final PacketEndpoint a;
    private final PacketEndpoint b;
    private final RelayDirection aToB;
    private final RelayDirection bToA;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private EndpointRelay(PacketEndpoint a, PacketEndpoint b, LongAdder engineTotal) {
        this.a = a;
        this.b = b;
        this.aToB = new RelayDirection(a, b, engineTotal);
        this.bToA = new RelayDirection(b, a, engineTotal);
    }

    /**
     * Starts relaying both ways; each relayed packet is also counted in {@code engineTotal}.
     *
     * @throws IllegalStateException if either endpoint already feeds another sink (stop that relay first)
     */
    public static EndpointRelay start(PacketEndpoint a, PacketEndpoint b, LongAdder engineTotal) {
        EndpointRelay relay = new EndpointRelay(a, b, engineTotal);
        a.attach(relay.aToB);
        try {
            b.attach(relay.bToA);
        } catch (RuntimeException e) {
            a.detach(relay.aToB);
            throw e;
        }
        return relay;
    }

    @Override
    public long packetsRelayed() {
        return aToB.relayed() + bToA.relayed();
    }

    /** Packets not relayed: a payload type not negotiated, a DTMF event the other side cannot take, no peer yet. */
    public long packetsDropped() {
        return aToB.dropped() + bToA.dropped();
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            a.detach(aToB);
            b.detach(bToA);
        }
    }

    @Override
    public String toString() {
        return "relay " + a + " <-> " + b;
    }
}
