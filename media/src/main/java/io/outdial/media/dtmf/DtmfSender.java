package io.outdial.media.dtmf;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.outdial.core.state.Transitions;
import io.outdial.media.Codec;
import io.outdial.media.player.PlayoutClock;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * Plays DTMF digits to one endpoint's peer as RFC 4733 telephone-events. For each digit: a first packet with the
 * marker bit, then an update every 20 ms with the duration grown by 160 samples, all with the timestamp of the
 * event's start; then three end packets (E bit) with the final duration, 20 ms apart; then a silent gap before the
 * next digit, during which other audio flows again. Digits queue: requests play one after another, in order.
 *
 * <p>Each packet's time is computed from the start of its digit, never from the previous timer, so late timers do
 * not stretch a digit. One buffer is reused for every packet: it is written again only once the transport has
 * released it (a fresh pooled one is taken in the rare case it has not). Not thread-safe: every method runs on the
 * clock's thread (the endpoint's event loop).
 */
public final class DtmfSender {

    /** Where the sender is in its queue. */
    enum State implements io.outdial.core.state.State<State> {
        /** Nothing to send. */
        IDLE,
        /** A digit's start and update packets are going out. */
        TONE,
        /** Its end packets are. */
        ENDING,
        /** The silence before the next digit (or before going idle). */
        GAP;

        private static final Transitions<State> MOVES = Transitions.of(State.class, "DTMF sender")
                .entry(IDLE)
                .from(IDLE).to(IDLE, TONE)
                .from(TONE).to(ENDING, IDLE)
                .from(ENDING).to(GAP, IDLE)
                .from(GAP).to(TONE, IDLE)
                .build();

        @Override
        public Transitions<State> transitions() {
            return MOVES;
        }
    }

    static final long PACKET_NANOS = 20_000_000L;
    /** End packets sent for each digit (RFC 4733 section 2.5.1.4 asks for three). */
    static final int END_PACKETS = 3;
    /** Silence between two digits. */
    public static final int GAP_MS = 80;
    /** Power level of the tones we report, as -dBm0. */
    static final int VOLUME = 10;
    /** Digits that may wait at once; more are refused (a desktop cannot type faster than they play). */
    public static final int MAX_QUEUED_DIGITS = 64;
    public static final int MIN_DURATION_MS = 40;
    public static final int MAX_DURATION_MS = 2000;

    private record Request(String digits, int durationSamples, CompletableFuture<Void> sent) {
    }

    private final EventStream stream;
    private final PlayoutClock clock;
    private final ByteBufAllocator allocator;
    private final ArrayDeque<Request> queue = new ArrayDeque<>();
    /** One task object for every timer, rather than a method reference made per packet. */
    private final Runnable tickTask = this::tick;

    private State state = State.IDLE;
    private boolean cancelled;
    private int queuedDigits;
    private Request current;
    private int digitIndex;
    private int eventCode;
    private int payloadType;
    private int eventTimestamp;
    private long digitStartNanos;
    /** Packets of the current digit sent so far. */
    private int packets;
    private ByteBuf buffer;
    private long packetsSent;
    private long buffersAllocated;

    public DtmfSender(EventStream stream, PlayoutClock clock, ByteBufAllocator allocator) {
        this.stream = stream;
        this.clock = clock;
        this.allocator = allocator;
    }

    /**
     * Queues {@code digits} (0-9, *, #, A-D) to play, each for {@code durationMs}. The future completes when the
     * last end packet of the last digit has been sent, or fails if the peer negotiated no telephone-event, the
     * digits are not DTMF keys, the duration is outside {@value #MIN_DURATION_MS}-{@value #MAX_DURATION_MS} ms or
     * the queue is full.
     */
    public CompletableFuture<Void> enqueue(String digits, int durationMs) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        try {
            String keys = DtmfDigits.checked(digits);
            if (durationMs < MIN_DURATION_MS || durationMs > MAX_DURATION_MS) {
                throw new IllegalArgumentException("DTMF duration must be " + MIN_DURATION_MS + " to "
                        + MAX_DURATION_MS + " ms, got " + durationMs);
            }
            if (cancelled) {
                throw new IllegalStateException("the endpoint is closed");
            }
            if (stream.telephoneEventPt() < 0) {
                throw new IllegalStateException("the peer did not negotiate telephone-event");
            }
            if (queuedDigits + keys.length() > MAX_QUEUED_DIGITS) {
                throw new IllegalStateException("too many DTMF digits waiting (at most " + MAX_QUEUED_DIGITS + ")");
            }
            queuedDigits += keys.length();
            queue.add(new Request(keys, durationMs * (Codec.CLOCK_RATE / 1000), sent));
            if (state == State.IDLE) {
                nextRequest();
            }
        } catch (RuntimeException e) {
            sent.completeExceptionally(e);
        }
        return sent;
    }

    /** Fails everything queued (the endpoint is closing): a digit playing gets its end packets no more. */
    public void cancel() {
        cancelled = true;
        if (state == State.TONE || state == State.ENDING) {
            stream.endEvent(eventTimestamp, durationSoFar());
        }
        state = state.moveTo(State.IDLE);
        IllegalStateException closed = new IllegalStateException("the endpoint closed before the digits were sent");
        if (current != null) {
            current.sent.completeExceptionally(closed);
            current = null;
        }
        for (Request r : queue) {
            r.sent.completeExceptionally(closed);
        }
        queue.clear();
        queuedDigits = 0;
        if (buffer != null) {
            buffer.release();
            buffer = null;
        }
    }

    State state() {
        return state;
    }

    /** Event packets sent since this sender was made. */
    public long packetsSent() {
        return packetsSent;
    }

    /** Buffers taken from the allocator: one, unless the transport held on to a packet for 20 ms. */
    public long buffersAllocated() {
        return buffersAllocated;
    }

    private void nextRequest() {
        current = queue.poll();
        if (current == null) {
            state = state.moveTo(State.IDLE);
            return;
        }
        digitIndex = 0;
        startDigit();
    }

    private void startDigit() {
        payloadType = stream.telephoneEventPt();
        if (payloadType < 0) {
            // renegotiated away mid-queue: nothing more can be sent this way
            fail(new IllegalStateException("the peer no longer accepts telephone-event"));
            return;
        }
        eventCode = DtmfDigits.eventCode(current.digits.charAt(digitIndex));
        digitStartNanos = clock.nanoTime();
        packets = 0;
        state = state.moveTo(State.TONE);
        eventTimestamp = stream.beginEvent();
        tick();
    }

    private void tick() {
        switch (state) {
            case TONE -> {
                int duration = durationSoFar() + Codec.SAMPLES_PER_FRAME;
                if (duration < current.durationSamples) {
                    send(false, duration);
                    scheduleNextPacket();
                } else {
                    state = state.moveTo(State.ENDING);
                    sendEnd();
                }
            }
            case ENDING -> sendEnd();
            case GAP -> {
                if (current == null) {
                    current = queue.poll();
                    digitIndex = 0;
                }
                if (current == null) {
                    state = state.moveTo(State.IDLE);
                } else {
                    startDigit();
                }
            }
            case IDLE -> { } // cancelled while a timer was pending
        }
    }

    private void sendEnd() {
        send(true, current.durationSamples);
        if (packets - tonePackets() < END_PACKETS) {
            scheduleNextPacket();
        } else {
            endDigit();
        }
    }

    private void endDigit() {
        stream.endEvent(eventTimestamp, current.durationSamples);
        queuedDigits--;
        digitIndex++;
        if (digitIndex == current.digits.length()) {
            Request done = current;
            current = null;
            done.sent.complete(null);
        }
        state = state.moveTo(State.GAP);
        // counted from the last end packet, which left at the start of this digit's last 20 ms slot
        long gapEnds = digitStartNanos + (packets - 1) * PACKET_NANOS + GAP_MS * 1_000_000L;
        clock.schedule(tickTask, gapEnds - clock.nanoTime());
    }

    /** Packets of the current digit that are not end packets. */
    private int tonePackets() {
        return (current.durationSamples - 1) / Codec.SAMPLES_PER_FRAME;
    }

    private int durationSoFar() {
        return Math.min(packets * Codec.SAMPLES_PER_FRAME, current == null ? 0 : current.durationSamples);
    }

    private void scheduleNextPacket() {
        long due = digitStartNanos + (long) packets * PACKET_NANOS;
        clock.schedule(tickTask, due - clock.nanoTime());
    }

    private void send(boolean end, int duration) {
        ByteBuf packet = reusableBuffer();
        TelephoneEventPacket.write(packet, payloadType, packets == 0, eventTimestamp, eventCode, end, VOLUME,
                duration);
        packets++;
        packetsSent++;
        stream.sendEvent(packet.retain());
    }

    private ByteBuf reusableBuffer() {
        if (buffer != null && buffer.refCnt() == 1) {
            return buffer;
        }
        if (buffer != null) {
            buffer.release(); // the transport still holds it; it frees it when done
        }
        buffer = allocator.buffer(TelephoneEventPacket.LENGTH, TelephoneEventPacket.LENGTH);
        buffersAllocated++;
        return buffer;
    }

    private void fail(RuntimeException cause) {
        Request failed = current;
        current = null;
        state = state.moveTo(State.IDLE);
        failed.sent.completeExceptionally(cause);
        for (Request r : queue) {
            r.sent.completeExceptionally(cause);
        }
        queue.clear();
        queuedDigits = 0;
    }
}
