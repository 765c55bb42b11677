package io.outdial.dialer.cti;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.metrics.DialerMetrics;
import java.util.concurrent.CompletableFuture;

/**
 * The desk the CTI bridge drives, timing the fan-out of every event to the agents' sockets
 * ({@code outdial_cti_event_delivery_seconds}). Logins, commands and disconnections are the wrapped desk's.
 */
public final class MeasuredDesk implements AgentDesk {
    private final AgentDesk desk;
    private final DialerMetrics metrics;

    public MeasuredDesk(AgentDesk desk, DialerMetrics metrics) {
        this.desk = desk;
        this.metrics = metrics;
    }

    @Override
    public CompletableFuture<CtiEvent> login(CtiCommand.Login login, AgentChannel channel) {
        return desk.login(login, channel);
    }

    @Override
    public void command(String agentId, CtiCommand command, AgentChannel channel) {
        desk.command(agentId, command, channel);
    }

    @Override
    public void disconnected(String agentId, AgentChannel channel) {
        desk.disconnected(agentId, channel);
    }

    @Override
    public void delivered(long nanos) {
        metrics.ctiEventDelivered(nanos);
    }
}
