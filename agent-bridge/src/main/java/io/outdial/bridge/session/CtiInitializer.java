package io.outdial.bridge.session;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.auth.Gatekeeper;

/**
 * The CTI end of an HTTP pipeline, installed by the router when a request for {@code /cti} arrives: the WebSocket
 * handshake and framing, then one {@link CtiSession}.
 */
@ChannelHandler.Sharable
public final class CtiInitializer extends ChannelInitializer<Channel> {

    /** The CTI endpoint. */
    public static final String PATH = "/cti";

    /** Largest CTI message; commands are a few hundred bytes. */
    static final int MAX_MESSAGE_BYTES = 64 * 1024;

    private final AgentDesk desk;
    private final CtiCodec codec;
    private final WebSocketServerProtocolConfig protocol = WebSocketServerProtocolConfig.newBuilder()
            .websocketPath(PATH)
            .checkStartsWith(true) // accept /cti?... too
            .handleCloseFrames(true)
            // A close without a close frame of our own (idle, shutdown) still tells the desktop "going away".
            .sendCloseFrame(WebSocketCloseStatus.ENDPOINT_UNAVAILABLE)
            .forceCloseTimeoutMillis(2_000)
            .decoderConfig(WebSocketDecoderConfig.newBuilder().maxFramePayloadLength(MAX_MESSAGE_BYTES).build())
            .build();

    private final Gatekeeper gate;

    public CtiInitializer(AgentDesk desk, CtiCodec codec, Gatekeeper gate) {
        this.desk = desk;
        this.codec = codec;
        this.gate = gate;
    }

    @Override
    protected void initChannel(Channel ch) {
        ch.pipeline()
                .addLast("websocket", new WebSocketServerProtocolHandler(protocol))
                .addLast("message", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES))
                .addLast("cti", new CtiSession(desk, codec, gate));
    }
}
