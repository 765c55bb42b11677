package io.outdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.outdial.media.RtpPeer;
import io.outdial.media.codec.G711;
import io.outdial.media.rtp.RtpHeader;

/**
 * How one way of a relay turns packets of one negotiated stream into packets of another: audio payload type to
 * audio payload type (transcoding PCMU/PCMA in place when the codecs differ), telephone-event to telephone-event.
 * Immutable; built once per pair of peers, used for every packet.
 */
public final class PayloadMapping {

    private final int inAudio;
    private final int outAudio;
    private final int inEvent;
    private final int outEvent;
    /** Indexed by the unsigned incoming code; null when both sides use the same codec. */
    private final byte[] transcoding;

    private PayloadMapping(int inAudio, int outAudio, int inEvent, int outEvent, byte[] transcoding) {
        this.inAudio = inAudio;
        this.outAudio = outAudio;
        this.inEvent = inEvent;
        this.outEvent = outEvent;
        this.transcoding = transcoding;
    }

    /** The mapping for packets that come from {@code from}'s phone and go to {@code to}'s phone. */
    public static PayloadMapping between(RtpPeer from, RtpPeer to) {
        return new PayloadMapping(from.payloadType(), to.payloadType(), from.telephoneEventPt(),
                to.telephoneEventPt(), G711.transcodingTable(from.codec(), to.codec()));
    }

    /** Whether audio is rewritten between codecs (not just relabelled). */
    public boolean transcodes() {
        return transcoding != null;
    }

    /**
     * Rewrites the payload type, and the audio payload when the codecs differ, of a well-formed RTP packet in place.
     * Returns false when the packet must be dropped: a payload type not negotiated on the incoming side, or a
     * telephone-event the outgoing side did not negotiate.
     *
     * @param scratch working space of the calling thread, at least as long as the payload; reused to avoid
     *                allocating and to transcode with two bulk copies instead of a bounds check per byte
     */
    public boolean apply(ByteBuf packet, byte[] scratch) {
        int payloadType = RtpHeader.payloadType(packet);
        if (payloadType == inAudio) {
            RtpHeader.setPayloadType(packet, outAudio);
            if (transcoding != null) {
                transcode(packet, scratch);
            }
            return true;
        }
        if (payloadType == inEvent && outEvent >= 0) {
            RtpHeader.setPayloadType(packet, outEvent);
            return true;
        }
        return false;
    }

    private void transcode(ByteBuf packet, byte[] scratch) {
        int offset = RtpHeader.payloadOffset(packet);
        int length = RtpHeader.payloadLength(packet, offset);
        int index = packet.readerIndex() + offset;
        if (length > scratch.length) {
            for (int i = index; i < index + length; i++) {
                packet.setByte(i, transcoding[packet.getUnsignedByte(i)]);
            }
            return;
        }
        packet.getBytes(index, scratch, 0, length);
        for (int i = 0; i < length; i++) {
            scratch[i] = transcoding[scratch[i] & 0xFF];
        }
        packet.setBytes(index, scratch, 0, length);
    }
}
