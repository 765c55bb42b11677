package io.outdial.bridge.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link AgentChannel} of one WebSocket connection. Events are serialised on the caller's thread (a snapshot of
 * whatever maps they hold) and written by the channel's event loop in the order they were handed over. Until the
 * login is accepted, events from the desk are held back, so that the login reply is always the first message.
 */
final class WebSocketAgentChannel implements AgentChannel {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketAgentChannel.class);

    private final Channel channel;
    private final CtiCodec codec;
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    /** Told, per event, the nanoseconds from {@link #send} to the frame written to the socket. */
    private final LongConsumer delivered;

    // Event-loop confined.
    private boolean admitted;
    private final List<String> heldBack = new ArrayList<>();

    WebSocketAgentChannel(Channel channel, CtiCodec codec, LongConsumer delivered) {
        this.channel = channel;
        this.codec = codec;
        this.delivered = delivered;
    }

    @Override
    public void send(CtiEvent event) {
        Objects.requireNonNull(event, "event");
        if (closeRequested.get()) {
            LOG.debug("{}: dropped {} sent after close", channel, event.getClass().getSimpleName());
            return;
        }
        long handedOver = System.nanoTime();
        String text;
        try {
            text = codec.encode(event);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: dropped an event that cannot be serialised", channel, e);
            return;
        }
        // Always through the task queue, even from the event loop itself: one FIFO keeps every caller's order.
        onEventLoop(() -> deliver(text, handedOver));
    }

    @Override
    public void close(String reason) {
        if (!closeRequested.compareAndSet(false, true)) {
            return;
        }
        // Queued behind the events this caller sent before, so those still go out first.
        onEventLoop(() -> closeNow(reason == null ? null : new CtiEvent.Error(null, CtiErrorCodes.CLOSED, reason)));
    }

    private void onEventLoop(Runnable task) {
        try {
            channel.eventLoop().execute(task);
        } catch (RejectedExecutionException e) {
            LOG.debug("{}: the bridge is stopped, nothing more is sent", channel);
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isActive() && !closeRequested.get();
    }

    @Override
    public String toString() {
        return "AgentChannel" + channel;
    }

    /** Login accepted (on the event loop): writes its reply, then what the desk sent meanwhile; later events pass. */
    void admit(CtiEvent loginReply) {
        write(codec.encode(loginReply));
        admitted = true;
        heldBack.forEach(this::write);
        heldBack.clear();
        channel.flush();
    }

    /** The bridge's own answer to a desktop message (on the event loop); not held back before login. */
    void reply(CtiEvent event) {
        write(codec.encode(event));
        channel.flush();
    }

    /** Ends the connection at once from the event loop: {@code error} (if any), then a close frame. */
    void terminate(CtiEvent.Error error) {
        closeRequested.set(true);
        closeNow(error);
    }

    private void deliver(String text, long handedOver) {
        if (!channel.isActive()) {
            return;
        }
        if (admitted) {
            channel.writeAndFlush(new TextWebSocketFrame(text)).addListener(written -> {
                if (written.isSuccess()) {
                    delivered.accept(System.nanoTime() - handedOver);
                }
            });
        } else {
            heldBack.add(text);
        }
    }

    private void closeNow(CtiEvent.Error error) {
        heldBack.clear();
        if (!channel.isActive()) {
            return;
        }
        if (error != null) {
            write(codec.encode(error));
        }
        // Close the socket once the close frame is out; the desktop learns why from the error above.
        channel.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                .addListener(ChannelFutureListener.CLOSE);
    }

    private void write(String text) {
        channel.write(new TextWebSocketFrame(text));
    }
}
