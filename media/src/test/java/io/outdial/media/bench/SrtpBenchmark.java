package io.outdial.media.bench;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.outdial.media.srtp.SrtpKeys;
import io.outdial.media.srtp.SrtpReceiver;
import io.outdial.media.srtp.SrtpSender;
import io.outdial.media.srtp.SrtpSuite;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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

/**
 * What SRTP adds to one 20 ms G.711 packet (12-byte header, 160 bytes of payload) in a pooled direct buffer, as the
 * transport holds it: protect it as we send it (encrypt, tag), then unprotect it as the far end's receiver would
 * (check the tag and the replay window, decrypt). One operation is one packet each way.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class SrtpBenchmark {
    @Param({"AES_CM_128_HMAC_SHA1_80", "AES_CM_128_HMAC_SHA1_32"})
    public String suite;

    private ByteBuf packet;
    private SrtpSender sender;
    private SrtpReceiver receiver;
    private int sequence;

    @Setup(Level.Trial)
    public void setUp() {
        byte[] material = new byte[30];
        ThreadLocalRandom.current().nextBytes(material);
        SrtpKeys keys = new SrtpKeys(SrtpSuite.valueOf(suite), material, material);
        sender = keys.sender();
        receiver = keys.receiver();
        packet = PooledByteBufAllocator.DEFAULT.directBuffer(2048);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        packet.release();
    }

    @Benchmark
    public SrtpReceiver.Verdict protectThenUnprotect() {
        packet.clear();
        packet.writeByte(0x80).writeByte(0).writeShort(sequence++ & 0xFFFF).writeInt(sequence * 160)
                .writeInt(0x1234_5678);
        packet.writeZero(160);
        sender.protect(packet);
        return receiver.unprotect(packet);
    }
}
