package io.outdial.media.player;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a player's frames to an RTP endpoint's peer as packets of one codec. The packets carry a source of their
 * own (SSRC, sequence, timestamp advancing 160 per frame); the endpoint's outbound stream re-bases them onto the
 * stream the peer already hears, so switching between a relayed phone and a player is seamless for the peer.
 */
public final class RtpFrameSink implements FrameSink {

    private final PacketEndpoint endpoint;
    private final Codec codec;
    private final int payloadType;
    private final ByteBufAllocator allocator;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
    private int timestamp = ThreadLocalRandom.current().nextInt();
    private boolean first = true;

    public RtpFrameSink(PacketEndpoint endpoint, Codec codec, int payloadType, ByteBufAllocator allocator) {
        this.endpoint = endpoint;
        this.codec = codec;
        this.payloadType = payloadType;
        this.allocator = allocator;
    }

    @Override
    public void onFrame(ClipFrame frame) {
        byte[] payload = frame.payload(codec);
        ByteBuf packet = allocator.buffer(RtpHeader.FIXED_LENGTH + payload.length);
        packet.writeByte(RtpHeader.VERSION << 6);
        packet.writeByte((first ? 0x80 : 0) | payloadType); // marker on the first packet: a talkspurt starts
        packet.writeShort(sequence);
        packet.writeInt(timestamp);
        packet.writeInt(ssrc);
        packet.writeBytes(payload);
        first = false;
        sequence = (sequence + 1) & 0xFFFF;
        timestamp += Codec.SAMPLES_PER_FRAME;
        endpoint.send(packet);
    }
}
