package io.outdial.bridge.session;

import static io.outdial.bridge.fakes.RecordingDesk.next;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCodec;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.bridge.fakes.RecordingDesk;
import io.outdial.bridge.auth.AuditEntry;
import io.outdial.bridge.auth.AuthSettings;
import io.outdial.bridge.auth.Gatekeeper;
import io.outdial.bridge.auth.LoginThrottle;
import io.outdial.bridge.auth.PasswordChecks;
import io.outdial.bridge.auth.SecurityEvents;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CtiSessionTest {
    private static final String LOGIN =
            "{\"type\":\"Login\",\"requestId\":\"r1\",\"agentId\":\"agent1\",\"secret\":\"s\"}";
    private static final CtiEvent.CampaignInfo SPRING =
            new CtiEvent.CampaignInfo("Spring", null, "Running", "Progressive", "Automatic");

    private final ObjectMapper json = new ObjectMapper();
    private final RecordingDesk desk = new RecordingDesk();
    private final PasswordChecks checks = new PasswordChecks(1);
    private final List<String> failures = new ArrayList<>();
    /** Two failures per agent lock it (the source limit is higher): shared by every connection of a test. */
    private final Gatekeeper gate = new Gatekeeper(new AuthSettings(false, List.of(), List.of(), null,
            Duration.ofMinutes(30), Duration.ofHours(1), new LoginThrottle.Limits(2, 10, Duration.ofMinutes(15),
            Duration.ofMinutes(15)), Set.of(), false, false), false, checks, new SecurityEvents() {
                @Override
                public java.util.concurrent.CompletableFuture<Void> audit(AuditEntry entry) {
                    return java.util.concurrent.CompletableFuture.completedFuture(null);
                }

                @Override
                public void loginFailed(Door door, Failure why, String account, String source) {
                    failures.add(door + " " + why + " " + account);
                }
            }, Instant::now);
    private EmbeddedChannel ch = new EmbeddedChannel(new CtiSession(desk, new CtiCodec(), gate));

    @AfterEach
    void releaseLeftovers() {
        checks.close();
        ch.finishAndReleaseAll();
    }

    @Test
    void repeatedBadSecretsLockTheAgentOutUncheckedAndAreReported() throws Exception {
        desk.decideLoginsWith(l -> CompletableFuture.failedFuture(new CtiException("BAD_CREDENTIALS", "wrong secret")));
        for (int i = 0; i < 2; i++) {
            ch = new EmbeddedChannel(new CtiSession(desk, new CtiCodec(), gate));
            receive(LOGIN);
            assertEquals("BAD_CREDENTIALS", nextMessage().get("code").asText());
            next(desk.logins);
        }
        ch = new EmbeddedChannel(new CtiSession(desk, new CtiCodec(), gate));
        receive(LOGIN);
        JsonNode error = nextMessage();
        assertEquals("TOO_MANY_ATTEMPTS", error.get("code").asText());
        assertCloseFrameAndClosed(1000);
        assertTrue(desk.logins.isEmpty(), "a locked-out login never reaches the desk");
        assertEquals(List.of("CTI BAD_CREDENTIALS agent1", "CTI BAD_CREDENTIALS agent1", "CTI THROTTLED agent1"),
                failures);
        // Another agent from the same address is not locked by agent1's failures.
        desk.decideLoginsWith(RecordingDesk::accept);
        ch = new EmbeddedChannel(new CtiSession(desk, new CtiCodec(), gate));
        receive(LOGIN.replace("agent1", "agent2"));
        assertEquals("LoggedIn", nextMessage().get("type").asText());
    }

    private void receive(String text) {
        ch.writeInbound(new TextWebSocketFrame(text));
        ch.runPendingTasks();
    }

    private Object nextFrame() {
        ch.runPendingTasks();
        return ch.readOutbound();
    }

    private JsonNode nextMessage() throws Exception {
        Object frame = nextFrame();
        try {
            return json.readTree(assertInstanceOf(TextWebSocketFrame.class, frame).text());
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    private void assertCloseFrameAndClosed(int status) {
        Object frame = nextFrame();
        try {
            assertEquals(status, assertInstanceOf(CloseWebSocketFrame.class, frame).statusCode());
        } finally {
            ReferenceCountUtil.release(frame);
        }
        assertFalse(ch.isActive(), "connection closed");
    }

    private AgentChannel loggedIn() throws Exception {
        receive(LOGIN);
        assertEquals("LoggedIn", nextMessage().get("type").asText());
        return next(desk.channels);
    }

    @Test
    void commandBeforeLoginIsRefusedAndTheConnectionClosed() throws Exception {
        receive("{\"type\":\"Ready\",\"requestId\":\"r0\"}");
        JsonNode error = nextMessage();
        assertEquals("Error", error.get("type").asText());
        assertEquals("NOT_LOGGED_IN", error.get("code").asText());
        assertEquals("r0", error.get("requestId").asText());
        assertCloseFrameAndClosed(1000);
        assertTrue(desk.commands.isEmpty());
        assertTrue(desk.disconnects.isEmpty(), "nobody was logged in");
    }

    @Test
    void refusedLoginSendsTheDesksCodeAndCloses() throws Exception {
        desk.decideLoginsWith(l -> CompletableFuture.failedFuture(new CtiException("BAD_CREDENTIALS", "wrong secret")));
        receive(LOGIN);
        JsonNode error = nextMessage();
        assertEquals("BAD_CREDENTIALS", error.get("code").asText());
        assertEquals("wrong secret", error.get("message").asText());
        assertEquals("r1", error.get("requestId").asText());
        assertCloseFrameAndClosed(1000);
        assertTrue(desk.disconnects.isEmpty(), "a refused login never was a logged-in agent");
    }

    @Test
    void loginThatFailsUnexpectedlyIsAnInternalErrorAndCloses() throws Exception {
        desk.decideLoginsWith(l -> {
            throw new IllegalStateException("database down");
        });
        receive(LOGIN);
        assertEquals("INTERNAL_ERROR", nextMessage().get("code").asText());
        assertCloseFrameAndClosed(1000);
    }

    @Test
    void acceptedLoginRepliesThenCommandsReachTheDeskWithTheAgentId() throws Exception {
        receive(LOGIN);
        JsonNode reply = nextMessage();
        assertEquals("LoggedIn", reply.get("type").asText());
        assertEquals("r1", reply.get("requestId").asText());
        AgentChannel channel = next(desk.channels);

        receive("{\"type\":\"Ready\",\"requestId\":\"r2\"}");
        RecordingDesk.Received r = next(desk.commands);
        assertEquals("agent1", r.agentId());
        assertEquals(new CtiCommand.Ready("r2"), r.command());
        assertSame(channel, r.channel(), "one AgentChannel per connection");
    }

    @Test
    void loginReplyEchoesTheRequestIdWhenTheDeskLeftItOut() throws Exception {
        desk.decideLoginsWith(l -> CompletableFuture.completedFuture(
                new CtiEvent.LoggedIn(null, "agent1", "NotReady", List.of())));
        receive(LOGIN);
        assertEquals("r1", nextMessage().get("requestId").asText());
    }

    @Test
    void eventsTheDeskSendsBeforeDecidingTheLoginFollowTheLoginReply() throws Exception {
        CompletableFuture<CtiEvent> decision = new CompletableFuture<>();
        desk.decideLoginsWith(l -> decision);
        receive(LOGIN);
        AgentChannel channel = next(desk.channels);
        channel.send(new CtiEvent.CampaignLoaded(SPRING));
        assertNull(nextFrame(), "held back until the login is decided");

        decision.complete(new CtiEvent.LoggedIn("r1", "agent1", "NotReady", List.of(SPRING)));
        channel.send(new CtiEvent.CampaignStarted(SPRING));
        assertEquals("LoggedIn", nextMessage().get("type").asText());
        assertEquals("CampaignLoaded", nextMessage().get("type").asText());
        assertEquals("CampaignStarted", nextMessage().get("type").asText());
    }

    @Test
    void eachEventWrittenToTheSocketReportsItsDeliveryTimeOnce() throws Exception {
        receive(LOGIN);
        assertEquals("LoggedIn", nextMessage().get("type").asText());
        AgentChannel channel = next(desk.channels);
        assertTrue(desk.deliveries.isEmpty(), "the login reply is the bridge's own, not a fanned-out event");

        long before = System.nanoTime();
        channel.send(new CtiEvent.CampaignStarted(SPRING));
        channel.send(new CtiEvent.CampaignStarted(SPRING));
        assertEquals("CampaignStarted", nextMessage().get("type").asText());
        assertEquals("CampaignStarted", nextMessage().get("type").asText());
        long bound = System.nanoTime() - before;
        assertEquals(2, desk.deliveries.size(), desk.deliveries::toString);
        for (long nanos : desk.deliveries) {
            assertTrue(nanos >= 0 && nanos <= bound, nanos + " ns within the " + bound + " ns the test took");
        }

        ch.close();
        channel.send(new CtiEvent.CampaignStarted(SPRING));
        ch.runPendingTasks();
        assertEquals(2, desk.deliveries.size(), "an event to a closed connection is not counted as delivered");
    }

    @Test
    void messagesArrivingWhileTheLoginIsCheckedAreHandledAfterItInOrder() throws Exception {
        CompletableFuture<CtiEvent> decision = new CompletableFuture<>();
        desk.decideLoginsWith(l -> decision);
        receive(LOGIN);
        receive("{\"type\":\"Ready\",\"requestId\":\"r2\"}");
        receive("not json");
        assertNull(nextFrame());
        assertTrue(desk.commands.isEmpty());

        decision.complete(new CtiEvent.LoggedIn("r1", "agent1", "NotReady", List.of()));
        assertEquals("LoggedIn", nextMessage().get("type").asText());
        assertEquals(new CtiCommand.Ready("r2"), next(desk.commands).command());
        assertEquals("MALFORMED", nextMessage().get("code").asText());
        assertTrue(ch.config().isAutoRead(), "reading resumes");
    }

    @Test
    void secondLoginIsRefusedAndTheConnectionStays() throws Exception {
        loggedIn();
        receive(LOGIN.replace("r1", "r2"));
        JsonNode error = nextMessage();
        assertEquals("ALREADY_LOGGED_IN", error.get("code").asText());
        assertEquals("r2", error.get("requestId").asText());
        assertTrue(ch.isActive());
        assertEquals(1, desk.logins.size());
    }

    @Test
    void badMessagesAreAnsweredAndTheConnectionStays() throws Exception {
        receive("{oops");
        assertEquals("MALFORMED", nextMessage().get("code").asText());
        loggedIn();
        receive("{\"type\":\"Dance\",\"requestId\":\"r3\"}");
        JsonNode unknown = nextMessage();
        assertEquals("UNKNOWN_COMMAND", unknown.get("code").asText());
        assertEquals("r3", unknown.get("requestId").asText());
        receive("{\"type\":\"MarkDone\",\"requestId\":\"r4\"}");
        JsonNode invalid = nextMessage();
        assertEquals("INVALID", invalid.get("code").asText());
        assertTrue(invalid.get("message").asText().contains("interactionId"));
        assertTrue(ch.isActive());
        assertTrue(desk.commands.isEmpty());
    }

    @Test
    void binaryFrameIsUnsupportedAndTheConnectionStays() throws Exception {
        ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3})));
        assertEquals("UNSUPPORTED", nextMessage().get("code").asText());
        assertTrue(ch.isActive());
    }

    @Test
    void commandTheDeskRefusesAtOnceBecomesAnErrorWithItsRequestId() throws Exception {
        desk.onCommand(r -> {
            throw new CtiException("NOT_ALLOWED", "Ready is not allowed while Busy");
        });
        loggedIn();
        receive("{\"type\":\"Ready\",\"requestId\":\"r5\"}");
        JsonNode error = nextMessage();
        assertEquals("NOT_ALLOWED", error.get("code").asText());
        assertEquals("r5", error.get("requestId").asText());
        assertTrue(ch.isActive());
    }

    @Test
    void closeWithReasonSendsClosedErrorThenCloseFrame() throws Exception {
        AgentChannel channel = loggedIn();
        channel.close("agent1 logged in from another desktop");
        assertFalse(channel.isOpen(), "closed as soon as asked");
        channel.send(new CtiEvent.AgentStateChanged(null, "agent1", "Ready", null));

        JsonNode error = nextMessage();
        assertEquals("CLOSED", error.get("code").asText());
        assertEquals("agent1 logged in from another desktop", error.get("message").asText());
        assertCloseFrameAndClosed(1000);
        assertNull(nextFrame(), "nothing after the close");
    }

    @Test
    void logoutReplySentBeforeCloseArrivesBeforeTheCloseFrame() throws Exception {
        desk.onCommand(r -> {
            r.channel().send(new CtiEvent.LoggedOut(r.command().requestId(), r.agentId()));
            r.channel().close(null);
        });
        loggedIn();
        receive("{\"type\":\"Logout\",\"requestId\":\"r6\"}");
        assertEquals(new CtiCommand.Logout("r6"), next(desk.commands).command());
        JsonNode bye = nextMessage();
        assertEquals("LoggedOut", bye.get("type").asText());
        assertEquals("r6", bye.get("requestId").asText());
        assertCloseFrameAndClosed(1000);
        assertEquals("agent1", next(desk.disconnects).agentId());
        assertTrue(desk.disconnects.isEmpty());
    }

    @Test
    void disconnectIsReportedOnceWhenTheDesktopGoes() throws Exception {
        AgentChannel channel = loggedIn();
        ch.close();
        ch.close();
        channel.close("again");
        ch.runPendingTasks();
        RecordingDesk.Disconnect d = next(desk.disconnects);
        assertEquals("agent1", d.agentId());
        assertSame(channel, d.channel());
        assertTrue(desk.disconnects.isEmpty());
        assertFalse(channel.isOpen());
    }

    @Test
    void desktopLeavingWhileTheLoginIsCheckedIsReportedOnceTheLoginIsAccepted() {
        CompletableFuture<CtiEvent> decision = new CompletableFuture<>();
        desk.decideLoginsWith(l -> decision);
        receive(LOGIN);
        ch.close();
        assertTrue(desk.disconnects.isEmpty(), "not logged in yet");

        decision.complete(new CtiEvent.LoggedIn("r1", "agent1", "NotReady", List.of()));
        ch.runPendingTasks();
        assertEquals("agent1", next(desk.disconnects).agentId());
        assertTrue(desk.disconnects.isEmpty());
    }

    @Test
    void agentIdIsTheOneTheDeskLoggedIn() throws Exception {
        desk.decideLoginsWith(l -> CompletableFuture.completedFuture(
                new CtiEvent.LoggedIn(l.requestId(), "AGENT1", "NotReady", List.of())));
        receive(LOGIN);
        nextMessage();
        receive("{\"type\":\"Ready\"}");
        assertEquals("AGENT1", next(desk.commands).agentId());
    }

    @Test
    void quietDesktopIsPinged() {
        ch.pipeline().fireUserEventTriggered(IdleStateEvent.FIRST_READER_IDLE_STATE_EVENT);
        Object frame = nextFrame();
        assertInstanceOf(PingWebSocketFrame.class, frame);
        ReferenceCountUtil.release(frame);
    }
}
