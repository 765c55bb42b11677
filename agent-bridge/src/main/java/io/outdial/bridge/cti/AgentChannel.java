package io.outdial.bridge.cti;

/** The connection of one logged-in agent desktop; the dialer pushes events through it. Thread-safe. */
public interface AgentChannel {

    /** Queues an event to the desktop; never blocks. Events sent from one thread arrive in order. */
    void send(CtiEvent event);

    /** Sends an error event and closes the connection. */
    void close(String reason);

    /** True while the WebSocket is open. */
    boolean isOpen();
}
