package io.outdial.media.mix;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.outdial.media.Codec;
import io.outdial.media.Conference;
import io.outdial.media.RtpPeer;
import io.outdial.media.player.PlayoutClock;
import io.outdial.media.rtp.PacketEndpoint;
import io.outdial.media.rtp.RtpHeader;
import io.outdial.media.rtp.RtpSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A {@link ConferenceMixer} on RTP endpoints: each endpoint's packets feed its slot, and a 20 ms tick on a
 * {@link PlayoutClock} (one event loop; no thread of its own) sends each peer its mix. Ticks are due at start +
 * n * 20 ms, computed from the start, so a late timer does not make the stream drift (as {@code ClipPlayer}).
 * Packets are pooled buffers handed to the endpoint, as the clip players send them.
 */
public final class MixedConference implements Conference {
    static final long FRAME_NANOS = 20_000_000L;
    private static final int MAX_BURST = 5;

    private final ConferenceMixer mixer = new ConferenceMixer();
    private final List<Member> members = new ArrayList<>();
    private final PlayoutClock clock;
    private final long startNanos;
    private long next;
    private volatile boolean stopped;

    private MixedConference(PlayoutClock clock) {
        this.clock = clock;
        this.startNanos = clock.nanoTime();
    }

    /**
     * Mixes {@code endpoints} (each with a peer) on {@code clock}.
     *
     * @throws IllegalStateException if an endpoint has no peer or already feeds a sink
     */
    public static MixedConference start(List<? extends PacketEndpoint> endpoints, PlayoutClock clock,
                                        ByteBufAllocator allocator) {
        if (endpoints.size() < 2 || endpoints.size() > ConferenceMixer.MAX_PARTICIPANTS) {
            throw new IllegalArgumentException("a conference mixes 2.." + ConferenceMixer.MAX_PARTICIPANTS
                    + " endpoints, got " + endpoints.size());
        }
        MixedConference conference = new MixedConference(clock);
        try {
            for (PacketEndpoint endpoint : endpoints) {
                conference.add(endpoint, allocator);
            }
        } catch (RuntimeException e) {
            conference.stop();
            throw e;
        }
        clock.schedule(conference::tick, 0);
        return conference;
    }

    private void add(PacketEndpoint endpoint, ByteBufAllocator allocator) {
        RtpPeer peer = endpoint.peer();
        if (peer == null) {
            throw new IllegalStateException("cannot mix " + endpoint + ": no peer yet");
        }
        Member member = new Member(endpoint, peer, allocator, mixer);
        member.slot = mixer.join(peer.codec(), member);
        endpoint.attach(member);
        members.add(member);
    }

    @Override
    public int participants() {
        return mixer.participants();
    }

    /** Frames dropped by the mixer (a participant far ahead of the ticks). */
    public long framesDropped() {
        return mixer.framesDropped();
    }

    @Override
    public void stop() {
        stopped = true;
        for (Member m : members) {
            m.endpoint.detach(m);
            mixer.leave(m.slot);
        }
    }

    private void tick() {
        if (stopped) {
            return;
        }
        long now = clock.nanoTime();
        long due = (now - startNanos) / FRAME_NANOS;
        if (due - next >= MAX_BURST) {
            next = due - MAX_BURST + 1; // after a long stall the missed frames are skipped
        }
        while (next <= due && !stopped) {
            mixer.tick();
            next++;
        }
        if (!stopped) {
            clock.schedule(this::tick, startNanos + next * FRAME_NANOS - now);
        }
    }

    /** One endpoint: its packets in, its mix out. */
    private static final class Member implements RtpSink, ConferenceMixer.Output {
        private final PacketEndpoint endpoint;
        private final RtpPeer peer;
        private final ByteBufAllocator allocator;
        private final int ssrc = ThreadLocalRandom.current().nextInt();
        private int sequence = ThreadLocalRandom.current().nextInt(0x10000);
        private int timestamp = ThreadLocalRandom.current().nextInt();
        private final ConferenceMixer mixer;
        private int slot;

        Member(PacketEndpoint endpoint, RtpPeer peer, ByteBufAllocator allocator, ConferenceMixer mixer) {
            this.endpoint = endpoint;
            this.peer = peer;
            this.allocator = allocator;
            this.mixer = mixer;
        }

        @Override
        public void onRtp(ByteBuf packet) {
            if (RtpHeader.payloadType(packet) != peer.payloadType()) {
                return; // telephone-event, comfort noise: not audio to mix
            }
            int offset = RtpHeader.payloadOffset(packet);
            if (offset < 0) {
                return;
            }
            mixer.received(slot, packet, packet.readerIndex() + offset, RtpHeader.payloadLength(packet, offset));
        }

        @Override
        public void onMixedFrame(byte[] payload, int length) {
            ByteBuf out = allocator.buffer(RtpHeader.FIXED_LENGTH + length);
            out.writeByte(RtpHeader.VERSION << 6);
            out.writeByte(peer.payloadType());
            out.writeShort(sequence);
            out.writeInt(timestamp);
            out.writeInt(ssrc);
            out.writeBytes(payload, 0, length);
            sequence = (sequence + 1) & 0xFFFF;
            timestamp += Codec.SAMPLES_PER_FRAME;
            endpoint.send(out);
        }
    }
}
