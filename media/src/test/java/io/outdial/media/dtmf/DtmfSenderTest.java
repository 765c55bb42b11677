package io.outdial.media.dtmf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.outdial.media.player.VirtualClock;
import io.outdial.media.rtp.OutboundStream;
import io.outdial.media.rtp.RtpHeader;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DtmfSenderTest {

    private static final int OUR_SSRC = 0x0BAD_F00D;
    private static final int NEGOTIATED_PT = 96;
    private static final long MS = 1_000_000L;

    /** One packet as it left, bytes copied, with the virtual time it left at. */
    private record Sent(long atNanos, byte[] bytes, boolean duringEvent) {
        int pt() {
            return bytes[1] & 0x7F;
        }

        boolean marker() {
            return (bytes[1] & 0x80) != 0;
        }

        int sequence() {
            return ((bytes[2] & 0xFF) << 8) | (bytes[3] & 0xFF);
        }

        int timestamp() {
            return ((bytes[4] & 0xFF) << 24) | ((bytes[5] & 0xFF) << 16) | ((bytes[6] & 0xFF) << 8) | (bytes[7] & 0xFF);
        }

        int ssrc() {
            return ((bytes[8] & 0xFF) << 24) | ((bytes[9] & 0xFF) << 16) | ((bytes[10] & 0xFF) << 8)
                    | (bytes[11] & 0xFF);
        }

        int event() {
            return bytes[12] & 0xFF;
        }

        boolean end() {
            return (bytes[13] & 0x80) != 0;
        }

        int volume() {
            return bytes[13] & 0x3F;
        }

        int duration() {
            return ((bytes[14] & 0xFF) << 8) | (bytes[15] & 0xFF);
        }
    }

    private final VirtualClock clock = new VirtualClock(0);
    private final OutboundStream outbound = new OutboundStream(OUR_SSRC, 7000, 50_000, clock::nanoTime);
    private final List<Sent> sent = new ArrayList<>();
    private int telephoneEventPt = NEGOTIATED_PT;
    private boolean playing;
    private int begins;
    private int ends;

    /** The endpoint's side, stamping with a real outbound stream and releasing each packet as the transport does. */
    private final EventStream stream = new EventStream() {
        @Override
        public int telephoneEventPt() {
            return telephoneEventPt;
        }

        @Override
        public int beginEvent() {
            assertFalse(playing, "an event began while another played");
            playing = true;
            begins++;
            return outbound.eventTimestamp();
        }

        @Override
        public void sendEvent(ByteBuf packet) {
            outbound.stampEvent(packet);
            byte[] bytes = new byte[packet.readableBytes()];
            packet.getBytes(packet.readerIndex(), bytes);
            sent.add(new Sent(clock.nanoTime(), bytes, playing));
            packet.release();
        }

        @Override
        public void endEvent(int eventTimestamp, int durationSamples) {
            outbound.endEvent(eventTimestamp, durationSamples);
            playing = false;
            ends++;
        }
    };

    private final DtmfSender sender = new DtmfSender(stream, clock, UnpooledByteBufAllocator.DEFAULT);

    @Test
    void eachDigitIsAMarkedStartGrowingUpdatesEvery20msAndThreeEndPacketsAtOneTimestamp() {
        long start = clock.nanoTime();
        CompletableFuture<Void> done = sender.enqueue("5", 160);
        clock.advanceBy(1000 * MS);

        assertTrue(done.isDone() && !done.isCompletedExceptionally());
        assertEquals(10, sent.size(), "160 ms: 7 updates and 3 end packets");
        int[] durations = {160, 320, 480, 640, 800, 960, 1120, 1280, 1280, 1280};
        for (int i = 0; i < sent.size(); i++) {
            Sent p = sent.get(i);
            assertEquals(NEGOTIATED_PT, p.pt(), "the peer's negotiated payload type");
            assertEquals(OUR_SSRC, p.ssrc());
            assertEquals(7000 + i, p.sequence(), "one sequence number per packet, end packets included");
            assertEquals(50_000, p.timestamp(), "the timestamp of the event's start on every packet");
            assertEquals(5, p.event());
            assertEquals(10, p.volume());
            assertEquals(i == 0, p.marker(), "marker on the first packet only");
            assertEquals(i >= 7, p.end(), "E bit on the last three");
            assertEquals(durations[i], p.duration());
            assertEquals(start + i * 20 * MS, p.atNanos(), "every 20 ms from the digit's start");
            assertTrue(p.duringEvent(), "audio is held back while the event plays");
        }
        assertFalse(playing);
        assertEquals(1, begins);
        assertEquals(1, ends);
    }

    @Test
    void digitsFollowInOrderWithAGapAndLaterDigitsTakeLaterTimestamps() {
        sender.enqueue("1*#D", 100);
        clock.advanceBy(5000 * MS);

        List<List<Sent>> digits = splitByMarker();
        assertEquals(4, digits.size());
        int[] codes = {1, 10, 11, 15};
        int previousEnd = 0;
        for (int d = 0; d < digits.size(); d++) {
            List<Sent> digit = digits.get(d);
            int index = d;
            // 100 ms = 800 samples: updates at 160..640, then three ends at 800
            assertEquals(7, digit.size());
            assertTrue(digit.stream().allMatch(p -> p.event() == codes[index] && p.timestamp() == digit.get(0)
                    .timestamp()));
            assertEquals(List.of(false, false, false, false, true, true, true),
                    digit.stream().map(Sent::end).toList());
            assertEquals(800, digit.get(6).duration());
            if (d > 0) {
                Sent lastEnd = digits.get(d - 1).get(6);
                assertEquals(DtmfSender.GAP_MS * MS, digit.get(0).atNanos() - lastEnd.atNanos(), "the gap");
                int step = digit.get(0).timestamp() - digits.get(d - 1).get(0).timestamp();
                assertTrue(step >= 800 + DtmfSender.GAP_MS * 8, "a digit starts after the last one and the gap: "
                        + step);
                assertEquals(lastEnd.sequence() + 1, digit.get(0).sequence());
            }
            previousEnd = digit.get(6).sequence();
        }
        assertEquals(28, previousEnd - 7000 + 1);
        assertEquals(4, begins);
        assertEquals(4, ends);
    }

    @Test
    void aRequestMadeWhileDigitsPlayWaitsForThemAndItsGap() {
        CompletableFuture<Void> first = sender.enqueue("12", 40);
        clock.advanceBy(30 * MS);
        CompletableFuture<Void> second = sender.enqueue("3", 40);
        clock.advanceBy(2000 * MS);

        assertTrue(first.isDone() && second.isDone());
        List<List<Sent>> digits = splitByMarker();
        assertEquals(List.of(1, 2, 3), digits.stream().map(d -> d.get(0).event()).toList());
        // 40 ms, the shortest: one update, then the end packets at 320 samples
        List<Sent> shortest = digits.get(0);
        assertEquals(List.of(160, 320, 320, 320), shortest.stream().map(Sent::duration).toList());
        assertEquals(List.of(false, true, true, true), shortest.stream().map(Sent::end).toList());
    }

    @Test
    void oneBufferServesEveryPacketWhenTheTransportReleasesIt() {
        sender.enqueue("0123456789ABCD*#", 200);
        clock.advanceBy(10_000 * MS);
        assertEquals(16 * 12, sender.packetsSent(), "200 ms: 9 updates and 3 end packets a digit");
        assertEquals(1, sender.buffersAllocated());
    }

    @Test
    void aBufferTheTransportStillHoldsIsNeverWrittenOver() {
        List<ByteBuf> held = new ArrayList<>();
        DtmfSender holding = new DtmfSender(new EventStream() {
            @Override
            public int telephoneEventPt() {
                return 101;
            }

            @Override
            public int beginEvent() {
                return 0;
            }

            @Override
            public void sendEvent(ByteBuf packet) {
                held.add(packet); // as a transport whose socket buffer is full
            }

            @Override
            public void endEvent(int eventTimestamp, int durationSamples) {
            }
        }, clock, UnpooledByteBufAllocator.DEFAULT);
        holding.enqueue("7", 60);
        clock.advanceBy(500 * MS);
        assertEquals(5, held.size());
        assertEquals(5, holding.buffersAllocated(), "a fresh buffer for each packet still held");
        assertEquals(List.of(160, 320, 480, 480, 480), held.stream().map(TelephoneEventPacket::duration).toList());
        held.forEach(ByteBuf::release);
    }

    @Test
    void refusesWhatCannotBeSent() {
        assertFailure(sender.enqueue("12x", 160), "'x' at position 3 is not a DTMF digit");
        assertFailure(sender.enqueue("", 160), "no DTMF digits");
        assertFailure(sender.enqueue("1", 39), "40 to 2000 ms");
        assertFailure(sender.enqueue("1", 2001), "40 to 2000 ms");
        assertFailure(sender.enqueue("1".repeat(DtmfSender.MAX_QUEUED_DIGITS + 1), 160), "too many");
        telephoneEventPt = -1;
        assertFailure(sender.enqueue("1", 160), "did not negotiate telephone-event");
        clock.advanceBy(1000 * MS);
        assertEquals(0, sent.size());
    }

    @Test
    void lowerCaseLettersAreTheSameKeys() {
        sender.enqueue("a", 40);
        clock.advanceBy(500 * MS);
        assertEquals(12, sent.get(0).event());
    }

    @Test
    void cancelStopsMidDigitAndLetsAudioThrough() {
        CompletableFuture<Void> done = sender.enqueue("99", 1000);
        clock.advanceBy(100 * MS);
        assertTrue(playing);
        sender.cancel();
        assertFalse(playing);
        int count = sent.size();
        clock.advanceBy(3000 * MS);
        assertEquals(count, sent.size(), "nothing more after cancel");
        assertFailure(done, "the endpoint closed before the digits were sent");
        assertTrue(sender.enqueue("1", 100).isCompletedExceptionally());
    }

    @Test
    void audioAfterAnEventReBasesPastItsDurationWithAMarker() {
        sender.enqueue("4", 160);
        clock.advanceBy(1000 * MS);
        Sent lastEnd = sent.get(sent.size() - 1);
        ByteBuf audio = io.outdial.media.rtp.TestPacket.rtp(0, 300, 99_999, 0x1111).payload(new byte[160])
                .buffer();
        outbound.stamp(audio);
        assertEquals(lastEnd.sequence() + 1, RtpHeader.sequence(audio));
        assertTrue(RtpHeader.marker(audio));
        assertTrue(RtpHeader.timestamp(audio) - lastEnd.timestamp() >= 1280, "after the event's duration");
        audio.release();
    }

    @Test
    void digitKeysMapToRfc4733EventCodes() {
        assertArrayEquals(new int[] {0, 9, 10, 11, 12, 15, -1, -1},
                new int[] {DtmfDigits.eventCode('0'), DtmfDigits.eventCode('9'), DtmfDigits.eventCode('*'),
                        DtmfDigits.eventCode('#'), DtmfDigits.eventCode('A'), DtmfDigits.eventCode('D'),
                        DtmfDigits.eventCode('E'), DtmfDigits.eventCode(' ')});
    }

    private List<List<Sent>> splitByMarker() {
        List<List<Sent>> digits = new ArrayList<>();
        for (Sent p : sent) {
            if (p.marker()) {
                digits.add(new ArrayList<>());
            }
            digits.get(digits.size() - 1).add(p);
        }
        return digits;
    }

    private static void assertFailure(CompletableFuture<Void> future, String message) {
        ExecutionException e = assertThrows(ExecutionException.class, future::get);
        assertTrue(e.getCause().getMessage().contains(message), e.getCause().getMessage());
    }
}
