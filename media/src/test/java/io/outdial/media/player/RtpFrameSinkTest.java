package io.outdial.media.player;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RtpFrameSinkTest {

    @Test
    void framesBecomeContiguousRtpPacketsOfTheChosenCodec() {
        List<ByteBuf> sent = new ArrayList<>();
        // only send() is used by the sink
        PacketEndpoint endpoint = (PacketEndpoint) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{PacketEndpoint.class}, (proxy, method, args) -> {
                    if (method.getName().equals("send")) {
                        sent.add((ByteBuf) args[0]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        MediaClip clip = MediaClip.fromPcm("tone", new short[480]);
        RtpFrameSink sink = new RtpFrameSink(endpoint, Codec.PCMA, 8, UnpooledByteBufAllocator.DEFAULT);
        for (int i = 0; i < 3; i++) {
            sink.onFrame(clip.frame(i));
        }
        assertEquals(3, sent.size());
        ByteBuf first = sent.get(0);
        ByteBuf second = sent.get(1);
        assertEquals(RtpHeader.FIXED_LENGTH, RtpHeader.payloadOffset(first));
        assertEquals(8, RtpHeader.payloadType(first));
        assertTrue(RtpHeader.marker(first));
        assertFalse(RtpHeader.marker(second));
        assertEquals((RtpHeader.sequence(first) + 1) & 0xFFFF, RtpHeader.sequence(second));
        assertEquals(RtpHeader.timestamp(first) + 160, RtpHeader.timestamp(second));
        assertEquals(RtpHeader.ssrc(first), RtpHeader.ssrc(second));
        byte[] payload = new byte[160];
        second.getBytes(RtpHeader.FIXED_LENGTH, payload);
        assertArrayEquals(clip.frame(1).payload(Codec.PCMA), payload);
        sent.forEach(ByteBuf::release);
    }
}
