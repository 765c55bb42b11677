package io.outdial.bridge.session;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.SecurityEvents;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.bridge.cti.InvalidCommandException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One desktop's CTI conversation over an upgraded WebSocket: login first, then commands to the {@link AgentDesk}.
 * All state is confined to the channel's event loop; the desk's answers are brought back onto it.
 */
public final class CtiSession extends SimpleChannelInboundHandler<WebSocketFrame> {
    private static final Logger LOG = LoggerFactory.getLogger(CtiSession.class);

    private enum Phase { AWAITING_LOGIN, LOGGING_IN, LOGGED_IN, ENDED }

    private final AgentDesk desk;
    private final CtiCodec codec;
    private WebSocketAgentChannel agentChannel;
    private Phase phase = Phase.AWAITING_LOGIN;
    private String agentId;
    private boolean disconnectReported;
    /**
     * Messages that arrived while the desk was checking the login: handled in order once it is accepted, so that
     * the login reply is the first message the desktop gets; dropped if it is refused.
     */
    private final Queue<Runnable> heldUntilLogin = new ArrayDeque<>();

    private final Gatekeeper gate;
    /** The desktop's address (from the handshake request), for throttling and logs. */
    private String source = "unknown";

    public CtiSession(AgentDesk desk, CtiCodec codec, Gatekeeper gate) {
        this.desk = desk;
        this.codec = codec;
        this.gate = gate;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        agentChannel = new WebSocketAgentChannel(ctx.channel(), codec, desk::delivered);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        Runnable handling;
        if (frame instanceof TextWebSocketFrame text) {
            String message = text.text();
            handling = () -> onMessage(ctx, message);
        } else if (frame instanceof BinaryWebSocketFrame) {
            handling = () -> agentChannel.reply(new CtiEvent.Error(null, CtiErrorCodes.UNSUPPORTED,
                    "binary frames are not supported: send JSON in text frames"));
        } else {
            return; // ping, pong and close frames are answered by WebSocketServerProtocolHandler
        }
        switch (phase) {
            case LOGGING_IN -> heldUntilLogin.add(handling);
            case ENDED -> { }
            default -> handling.run();
        }
    }

    private void onMessage(ChannelHandlerContext ctx, String text) {
        CtiCommand command;
        try {
            command = codec.decode(text);
        } catch (InvalidCommandException e) {
            agentChannel.reply(e.toError());
            return;
        }
        if (phase == Phase.LOGGED_IN) {
            dispatch(command);
        } else if (command instanceof CtiCommand.Login login) {
            startLogin(ctx, login);
        } else {
            phase = Phase.ENDED;
            agentChannel.terminate(new CtiEvent.Error(command.requestId(), CtiErrorCodes.NOT_LOGGED_IN,
                    "the first message must be Login"));
        }
    }

    private void startLogin(ChannelHandlerContext ctx, CtiCommand.Login login) {
        Optional<Duration> locked = gate.throttle().lockedFor(login.agentId(), source);
        if (locked.isPresent()) {
            phase = Phase.ENDED;
            gate.events().loginFailed(SecurityEvents.Door.CTI, SecurityEvents.Failure.THROTTLED, login.agentId(),
                    source);
            agentChannel.terminate(new CtiEvent.Error(login.requestId(), CtiErrorCodes.TOO_MANY_ATTEMPTS,
                    "too many failed logins: try again in " + Math.max(1, locked.get().toSeconds()) + " s"));
            return;
        }
        phase = Phase.LOGGING_IN;
        // Stop reading while the desk decides, so that heldUntilLogin stays small.
        ctx.channel().config().setAutoRead(false);
        CompletableFuture<CtiEvent> reply;
        try {
            reply = desk.login(login, agentChannel);
            if (reply == null) {
                reply = CompletableFuture.failedFuture(new IllegalStateException("AgentDesk.login returned null"));
            }
        } catch (RuntimeException e) {
            reply = CompletableFuture.failedFuture(e);
        }
        reply.whenComplete((event, failure) -> ctx.executor().execute(() -> loginDecided(ctx, login, event, failure)));
    }

    private void loginDecided(ChannelHandlerContext ctx, CtiCommand.Login login, CtiEvent event, Throwable failure) {
        if (failure == null && event == null) {
            failure = new IllegalStateException("AgentDesk.login completed with no event");
        }
        if (failure != null) {
            phase = Phase.ENDED;
            heldUntilLogin.clear();
            if (unwrap(failure) instanceof CtiException refused && (refused.code().equals(CtiErrorCodes.BAD_CREDENTIALS)
                    || refused.code().equals(CtiErrorCodes.UNKNOWN_AGENT))) {
                gate.throttle().failed(login.agentId(), source);
                gate.events().loginFailed(SecurityEvents.Door.CTI, SecurityEvents.Failure.BAD_CREDENTIALS,
                        login.agentId(), source);
            }
            agentChannel.terminate(loginError(login, unwrap(failure)));
            return;
        }
        gate.throttle().succeeded(login.agentId(), source);
        agentId = event instanceof CtiEvent.LoggedIn in && in.agentId() != null ? in.agentId() : login.agentId();
        phase = Phase.LOGGED_IN;
        if (!ctx.channel().isActive()) {
            // The desktop left while the desk was deciding: the desk holds this channel now, so tell it.
            heldUntilLogin.clear();
            reportDisconnected();
            return;
        }
        agentChannel.admit(withRequestId(event, login.requestId()));
        while (phase == Phase.LOGGED_IN && !heldUntilLogin.isEmpty()) {
            heldUntilLogin.poll().run();
        }
        ctx.channel().config().setAutoRead(true);
    }

    private static CtiEvent.Error loginError(CtiCommand.Login login, Throwable cause) {
        if (cause instanceof CtiException refused) {
            return new CtiEvent.Error(login.requestId(), refused.code(), refused.getMessage());
        }
        LOG.warn("login of agent {} failed", login.agentId(), cause);
        return new CtiEvent.Error(login.requestId(), CtiErrorCodes.INTERNAL_ERROR, "login failed: internal error");
    }

    /** The login reply echoes the Login's requestId even if the desk left it out. */
    private static CtiEvent withRequestId(CtiEvent event, String requestId) {
        if (event instanceof CtiEvent.LoggedIn in && in.requestId() == null && requestId != null) {
            return new CtiEvent.LoggedIn(requestId, in.agentId(), in.state(), in.campaigns());
        }
        return event;
    }

    private void dispatch(CtiCommand command) {
        if (command instanceof CtiCommand.Login) {
            agentChannel.reply(new CtiEvent.Error(command.requestId(), CtiErrorCodes.ALREADY_LOGGED_IN,
                    "this connection is already logged in as " + agentId));
            return;
        }
        try {
            desk.command(agentId, command, agentChannel);
        } catch (CtiException e) {
            agentChannel.reply(new CtiEvent.Error(command.requestId(), e.code(), e.getMessage()));
        } catch (RuntimeException e) {
            LOG.warn("agent {}: {} failed", agentId, command.getClass().getSimpleName(), e);
            agentChannel.reply(new CtiEvent.Error(command.requestId(), CtiErrorCodes.INTERNAL_ERROR,
                    "internal error"));
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            String from = handshake.requestHeaders().get(Gatekeeper.SOURCE_HEADER);
            if (from != null) {
                source = from;
            }
        }
        if (evt instanceof IdleStateEvent) {
            // SilenceWatch: the desktop has been quiet for a ping interval; a live one answers with a pong.
            ctx.writeAndFlush(new PingWebSocketFrame());
            return;
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        heldUntilLogin.clear();
        if (phase == Phase.LOGGED_IN) {
            reportDisconnected();
        }
        // While LOGGING_IN, loginDecided reports it if the login is accepted.
        super.channelInactive(ctx);
    }

    private void reportDisconnected() {
        phase = Phase.ENDED;
        if (disconnectReported) {
            return;
        }
        disconnectReported = true;
        try {
            desk.disconnected(agentId, agentChannel);
        } catch (RuntimeException e) {
            LOG.warn("agent {}: AgentDesk.disconnected failed", agentId, e);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            // A message fragmented past the limit (a single oversized frame is refused the same way by the decoder).
            ctx.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.MESSAGE_TOO_BIG.code(),
                    "message larger than " + CtiInitializer.MAX_MESSAGE_BYTES + " bytes"))
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        LOG.debug("{}: closing after {}", ctx.channel(), cause.toString());
        ctx.close();
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
