package io.outdial.bridge.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches what a connection receives. Every ping interval of silence it passes an {@link IdleStateEvent} down the
 * pipeline (the CTI session answers it with a WebSocket ping, which a live desktop answers with a pong); once the
 * silence reaches the idle timeout it closes the connection.
 */
final class SilenceWatch extends IdleStateHandler {
    private static final Logger LOG = LoggerFactory.getLogger(SilenceWatch.class);

    private final int ticksBeforeClose;
    private int silentTicks;

    SilenceWatch(Duration pingInterval, Duration idleTimeout) {
        super(pingInterval.toNanos(), 0, 0, TimeUnit.NANOSECONDS);
        long ticks = (idleTimeout.toNanos() + pingInterval.toNanos() - 1) / pingInterval.toNanos();
        this.ticksBeforeClose = (int) Math.max(1, Math.min(Integer.MAX_VALUE, ticks));
    }

    @Override
    protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent evt) throws Exception {
        silentTicks = evt.isFirst() ? 1 : silentTicks + 1;
        if (silentTicks >= ticksBeforeClose) {
            LOG.debug("{}: closing after {} silent ping intervals", ctx.channel(), silentTicks);
            // From the tail, so a WebSocket gets its close frame on the way out.
            ctx.channel().close();
        } else {
            super.channelIdle(ctx, evt);
        }
    }
}
