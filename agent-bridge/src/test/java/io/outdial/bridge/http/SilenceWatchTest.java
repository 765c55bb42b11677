package io.outdial.bridge.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SilenceWatchTest {
    private final SilenceWatch watch = new SilenceWatch(Duration.ofSeconds(30), Duration.ofSeconds(90));
    private final List<Object> passedOn = new ArrayList<>();
    private final EmbeddedChannel ch = new EmbeddedChannel(watch, new ChannelInboundHandlerAdapter() {
        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            passedOn.add(evt);
        }
    });

    private void tick(IdleStateEvent evt) throws Exception {
        watch.channelIdle(ch.pipeline().context(watch), evt);
    }

    @Test
    void silenceShorterThanTheIdleTimeoutAsksForPings() throws Exception {
        tick(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        tick(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertEquals(2, passedOn.size());
        assertTrue(ch.isActive());
    }

    @Test
    void silenceReachingTheIdleTimeoutClosesTheConnection() throws Exception {
        tick(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        tick(IdleStateEvent.READER_IDLE_STATE_EVENT);
        tick(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertFalse(ch.isActive());
    }

    @Test
    void anythingReceivedStartsTheCountAgain() throws Exception {
        tick(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        tick(IdleStateEvent.READER_IDLE_STATE_EVENT);
        tick(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT); // a pong arrived in between
        tick(IdleStateEvent.READER_IDLE_STATE_EVENT);
        assertTrue(ch.isActive());
    }
}
