package io.outdial.media.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.RtpPeer;
import io.outdial.media.relay.PayloadMapping;
import io.outdial.media.rtp.OutboundStream;
import io.outdial.media.rtp.RtpHeader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;

/**
 * What the relay does to one 20 ms G.711 packet between reading and writing it: map the payload type, transcode
 * the 160 payload bytes in place (when the two legs differ), stamp the outgoing SSRC, sequence number and
 * timestamp. The packet sits in a pooled direct buffer, as the transport reads it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class RelayHotPathBenchmark {

    private static final InetSocketAddress PHONE = new InetSocketAddress("127.0.0.1", 40000);

    /** PCMA: the other leg differs, the payload is transcoded; PCMU: same codec, the packet is only relabelled. */
    @Param({"PCMA", "PCMU"})
    public String otherLeg;

    private ByteBuf packet;
    private PayloadMapping mapping;
    private OutboundStream stream;
    private final byte[] scratch = new byte[2048];
    private int sequence;
    private int timestamp;

    @Setup(Level.Trial)
    public void setUp() {
        Codec other = Codec.valueOf(otherLeg);
        mapping = PayloadMapping.between(new RtpPeer(PHONE, Codec.PCMU, 0, 101),
                new RtpPeer(PHONE, other, other.staticPayloadType(), 96));
        stream = OutboundStream.random();
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
        packet.writeByte(0x80).writeByte(0).writeShort(0).writeInt(0).writeInt(0x1234_5678);
        for (int i = 0; i < Codec.SAMPLES_PER_FRAME; i++) {
            packet.writeByte(i * 37);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        packet.release();
    }

    @Benchmark
    public ByteBuf rewriteOnePacket() {
        // what the phone would have sent next: PCMU, next sequence number and timestamp
        RtpHeader.setPayloadType(packet, 0);
        RtpHeader.setSequence(packet, sequence++);
        RtpHeader.setTimestamp(packet, timestamp += Codec.SAMPLES_PER_FRAME);
        RtpHeader.setSsrc(packet, 0x1234_5678);
        if (!mapping.apply(packet, scratch)) {
            throw new IllegalStateException("audio must be relayed");
        }
        stream.stamp(packet);
        return packet;
    }
}
