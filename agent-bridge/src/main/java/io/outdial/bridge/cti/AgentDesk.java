package io.outdial.bridge.cti;

import java.util.concurrent.CompletableFuture;

/**
 * What the CTI protocol drives, implemented by the dialer. The bridge calls these on a Netty event loop:
 * implementations hand the work to their own executors and return at once.
 */
public interface AgentDesk {

    /**
     * Authenticates an agent. On success the returned event (usually {@link CtiEvent.LoggedIn}) is sent first, and the
     * desk may push more events (campaign notices) through {@code channel}. Completes exceptionally with
     * {@link CtiException} to refuse the login (the bridge sends the error and closes the connection).
     */
    CompletableFuture<CtiEvent> login(CtiCommand.Login login, AgentChannel channel);

    /** A command from a logged-in agent (never {@link CtiCommand.Login}). Replies and errors go through the channel. */
    void command(String agentId, CtiCommand command, AgentChannel channel);

    /** The agent's WebSocket closed (or the agent logged out). */
    void disconnected(String agentId, AgentChannel channel);

    /**
     * An event handed to an {@link AgentChannel} reached the agent's socket {@code nanos} after
     * {@link AgentChannel#send} (queueing on the connection's event loop, serialising and the socket write), for the
     * CTI fan-out histogram. Called on a Netty event loop; must not block. Events to a closed connection are not
     * reported.
     */
    default void delivered(long nanos) {
    }
}
