package io.outdial.media.mix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.outdial.media.Codec;
import io.outdial.media.codec.G711;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three-party mixer on generated tones: each participant hears the others and never itself. */
class ConferenceMixerTest {
    private static final int SAMPLES = Codec.SAMPLES_PER_FRAME;

    /** What one participant was sent, decoded. */
    private static final class Heard implements ConferenceMixer.Output {
        private final Codec codec;
        final List<short[]> frames = new ArrayList<>();

        Heard(Codec codec) {
            this.codec = codec;
        }

        @Override
        public void onMixedFrame(byte[] payload, int length) {
            short[] pcm = new short[length];
            G711.decode(codec, payload, 0, pcm, 0, length);
            frames.add(pcm);
        }

        short[] last() {
            return frames.get(frames.size() - 1);
        }
    }

    /** One 20 ms frame of a tone, encoded, continuing the phase of frame {@code n}. */
    private static ByteBuf tone(Codec codec, double hz, int amplitude, int n) {
        short[] pcm = new short[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            pcm[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * (n * SAMPLES + i) / Codec.CLOCK_RATE));
        }
        byte[] codes = new byte[SAMPLES];
        G711.encode(codec, pcm, 0, codes, 0, SAMPLES);
        return Unpooled.wrappedBuffer(codes);
    }

    /** Relative power of {@code hz} in a frame (a single-bin DFT). */
    private static double power(short[] frame, double hz) {
        double re = 0;
        double im = 0;
        for (int i = 0; i < frame.length; i++) {
            double angle = 2 * Math.PI * hz * i / Codec.CLOCK_RATE;
            re += frame[i] * Math.cos(angle);
            im += frame[i] * Math.sin(angle);
        }
        return (re * re + im * im) / frame.length;
    }

    @Test
    void eachParticipantHearsTheOtherTwoAndNeverItself() {
        ConferenceMixer mixer = new ConferenceMixer();
        Heard a = new Heard(Codec.PCMU);
        Heard b = new Heard(Codec.PCMA);
        Heard c = new Heard(Codec.PCMU);
        int sa = mixer.join(Codec.PCMU, a);
        int sb = mixer.join(Codec.PCMA, b);
        int sc = mixer.join(Codec.PCMU, c);
        for (int n = 0; n < 10; n++) {
            mixer.received(sa, tone(Codec.PCMU, 400, 6000, n), 0, SAMPLES);
            mixer.received(sb, tone(Codec.PCMA, 1000, 6000, n), 0, SAMPLES);
            mixer.received(sc, tone(Codec.PCMU, 1600, 6000, n), 0, SAMPLES);
            mixer.tick();
        }
        assertEquals(10, a.frames.size());
        double floor = power(a.last(), 2800) + 1;
        assertTrue(power(a.last(), 1000) > 1000 * floor && power(a.last(), 1600) > 1000 * floor, "A hears B and C");
        assertTrue(power(a.last(), 400) < power(a.last(), 1000) / 100, "A does not hear itself");
        assertTrue(power(b.last(), 400) > 100 * power(b.last(), 1000), "B hears A, not itself");
        assertTrue(power(b.last(), 1600) > 100 * power(b.last(), 1000), "B hears C, in A-law");
        assertTrue(power(c.last(), 400) > 100 * power(c.last(), 1600), "C hears A, not itself");
        assertTrue(power(c.last(), 1000) > 100 * power(c.last(), 1600), "C hears B");
    }

    @Test
    void loudPartiesAreClippedNotWrappedAround() {
        ConferenceMixer mixer = new ConferenceMixer();
        Heard a = new Heard(Codec.PCMU);
        int sa = mixer.join(Codec.PCMU, a);
        int sb = mixer.join(Codec.PCMU, (p, n) -> { });
        int sc = mixer.join(Codec.PCMU, (p, n) -> { });
        short[] loud = new short[SAMPLES];
        java.util.Arrays.fill(loud, (short) 30000);
        byte[] codes = new byte[SAMPLES];
        G711.encode(Codec.PCMU, loud, 0, codes, 0, SAMPLES);
        mixer.received(sb, Unpooled.wrappedBuffer(codes), 0, SAMPLES);
        mixer.received(sc, Unpooled.wrappedBuffer(codes), 0, SAMPLES);
        mixer.received(sa, Unpooled.wrappedBuffer(codes), 0, SAMPLES);
        mixer.tick();
        for (short s : a.last()) {
            assertTrue(s > 30000, "B + C = 60000 is clipped to the top, not wrapped negative: " + s);
        }
    }

    @Test
    void framesAssembleAcrossPacketsAndNothingIsSentWhenNobodyElseSpoke() {
        ConferenceMixer mixer = new ConferenceMixer();
        Heard a = new Heard(Codec.PCMU);
        int sa = mixer.join(Codec.PCMU, a);
        int sb = mixer.join(Codec.PCMU, (p, n) -> { });
        ByteBuf frame = tone(Codec.PCMU, 1000, 6000, 0);
        mixer.received(sb, frame, 0, 80);
        mixer.tick();
        assertEquals(0, a.frames.size(), "half a frame is not played yet: nothing to send");
        mixer.received(sb, frame, 80, 80);
        mixer.tick();
        assertEquals(1, a.frames.size());
        assertTrue(power(a.last(), 1000) > 1e6, "the whole frame is heard once complete");
        mixer.tick();
        assertEquals(1, a.frames.size(), "nothing more came: nothing sent, as a relay");
        mixer.leave(sb);
        assertEquals(1, mixer.participants());
        assertTrue(sa >= 0);
    }

    @Test
    void aParticipantFarAheadLosesItsOldestFramesAndAFourthIsRefused() {
        ConferenceMixer mixer = new ConferenceMixer();
        mixer.join(Codec.PCMU, (p, n) -> { });
        int sb = mixer.join(Codec.PCMU, (p, n) -> { });
        mixer.join(Codec.PCMU, (p, n) -> { });
        for (int n = 0; n < ConferenceMixer.RING + 2; n++) {
            mixer.received(sb, tone(Codec.PCMU, 1000, 6000, n), 0, SAMPLES);
        }
        assertEquals(2, mixer.framesDropped());
        assertThrows(IllegalStateException.class, () -> mixer.join(Codec.PCMA, (p, n) -> { }));
    }

    @Test
    void mixingAllocatesNothingPerPacket() {
        ConferenceMixer mixer = new ConferenceMixer();
        long[] sent = new long[1];
        ConferenceMixer.Output count = (payload, length) -> sent[0]++;
        int sa = mixer.join(Codec.PCMU, count);
        int sb = mixer.join(Codec.PCMA, count);
        int sc = mixer.join(Codec.PCMU, count);
        ByteBuf ulaw = tone(Codec.PCMU, 400, 6000, 0);
        ByteBuf alaw = tone(Codec.PCMA, 1000, 6000, 0);
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        int rounds = 20_000;
        for (int warm = 0; warm < 2; warm++) {
            long before = threads.getThreadAllocatedBytes(thread);
            for (int n = 0; n < rounds; n++) {
                mixer.received(sa, ulaw, 0, SAMPLES);
                mixer.received(sb, alaw, 0, SAMPLES);
                mixer.received(sc, ulaw, 0, SAMPLES);
                mixer.tick();
            }
            long perRound = (threads.getThreadAllocatedBytes(thread) - before) / rounds;
            if (warm == 1) {
                assertTrue(perRound < 8, "bytes allocated per 3 packets and a tick: " + perRound);
            }
        }
        assertEquals(2L * rounds * 3, sent[0], "every participant was sent a mix every tick");
    }
}
