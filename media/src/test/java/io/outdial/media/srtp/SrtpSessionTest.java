package io.outdial.media.srtp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** An endpoint's SRTP side: plain until keyed, a full slice moved to a buffer with room, refusals counted. */
class SrtpSessionTest {
    private static byte[] random() {
        byte[] b = new byte[30];
        ThreadLocalRandom.current().nextBytes(b);
        return b;
    }

    private static ByteBuf rtp(int sequence) {
        ByteBuf b = Unpooled.buffer(172);
        b.writeByte(0x80).writeByte(0).writeShort(sequence).writeInt(160 * sequence).writeInt(0x0badcafe);
        return b.writeZero(160);
    }

    @Test
    void withoutKeysPacketsPassUntouched() {
        SrtpSession session = new SrtpSession();
        ByteBuf packet = rtp(1);
        byte[] before = ByteBufUtil.getBytes(packet);
        assertSame(packet, session.protect(packet, PooledByteBufAllocator.DEFAULT));
        assertEquals(SrtpReceiver.Verdict.OK, session.unprotect(packet));
        assertArrayEquals(before, ByteBufUtil.getBytes(packet));
    }

    @Test
    void aSliceWithoutRoomForTheTagIsMovedAndTheFarEndDecryptsIt() {
        byte[] ours = random();
        byte[] theirs = random();
        SrtpSession near = new SrtpSession();
        near.follow(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, ours, theirs));
        SrtpSession far = new SrtpSession();
        far.follow(new SrtpKeys(SrtpSuite.AES_CM_128_HMAC_SHA1_80, theirs, ours));

        ByteBuf full = rtp(7);
        byte[] plain = ByteBufUtil.getBytes(full);
        ByteBuf slice = full.retainedSlice(0, full.readableBytes());
        ByteBuf sent = near.protect(slice, PooledByteBufAllocator.DEFAULT);
        assertNotSame(slice, sent, "a slice cannot grow: the packet moved");
        assertEquals(1, full.refCnt(), "the slice was released once moved");
        assertEquals(plain.length + 10, sent.readableBytes());
        assertEquals(SrtpReceiver.Verdict.OK, far.unprotect(sent));
        assertArrayEquals(plain, ByteBufUtil.getBytes(sent));
        sent.release();

        ByteBuf forged = near.protect(rtp(8), PooledByteBufAllocator.DEFAULT);
        forged.setByte(20, forged.getByte(20) ^ 0x40);
        assertEquals(SrtpReceiver.Verdict.FORGED, far.unprotect(forged));
        assertEquals(1, far.refused());
    }
}
