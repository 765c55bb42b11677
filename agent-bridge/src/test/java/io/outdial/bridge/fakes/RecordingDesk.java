package io.outdial.bridge.fakes;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.AgentDesk;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiEvent;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/** Stands in for the dialer's desk: records every call and answers logins as the test tells it to. */
public final class RecordingDesk implements AgentDesk {

    /** One {@link #command} call. */
    public record Received(String agentId, CtiCommand command, AgentChannel channel) { }

    /** One {@link #disconnected} call. */
    public record Disconnect(String agentId, AgentChannel channel) { }

    public final BlockingQueue<CtiCommand.Login> logins = new LinkedBlockingQueue<>();
    public final BlockingQueue<AgentChannel> channels = new LinkedBlockingQueue<>();
    public final BlockingQueue<Received> commands = new LinkedBlockingQueue<>();
    public final BlockingQueue<Disconnect> disconnects = new LinkedBlockingQueue<>();
    /** The nanoseconds each delivered event took from the channel's send to the socket. */
    public final BlockingQueue<Long> deliveries = new LinkedBlockingQueue<>();

    private volatile Function<CtiCommand.Login, CompletableFuture<CtiEvent>> loginDecision = RecordingDesk::accept;
    private volatile Consumer<Received> onCommand = r -> { };

    /** Accepts every login with LoggedIn(NotReady). */
    public static CompletableFuture<CtiEvent> accept(CtiCommand.Login login) {
        return CompletableFuture.completedFuture(
                new CtiEvent.LoggedIn(login.requestId(), login.agentId(), "NotReady", List.of()));
    }

    public RecordingDesk decideLoginsWith(Function<CtiCommand.Login, CompletableFuture<CtiEvent>> decision) {
        this.loginDecision = decision;
        return this;
    }

    public RecordingDesk onCommand(Consumer<Received> reaction) {
        this.onCommand = reaction;
        return this;
    }

    @Override
    public CompletableFuture<CtiEvent> login(CtiCommand.Login login, AgentChannel channel) {
        logins.add(login);
        channels.add(channel);
        return loginDecision.apply(login);
    }

    @Override
    public void command(String agentId, CtiCommand command, AgentChannel channel) {
        Received r = new Received(agentId, command, channel);
        commands.add(r);
        onCommand.accept(r);
    }

    @Override
    public void delivered(long nanos) {
        deliveries.add(nanos);
    }

    @Override
    public void disconnected(String agentId, AgentChannel channel) {
        disconnects.add(new Disconnect(agentId, channel));
    }

    /** The next element, waiting up to 5 s. */
    public static <T> T next(BlockingQueue<T> queue) {
        try {
            T value = queue.poll(5, TimeUnit.SECONDS);
            if (value == null) {
                throw new AssertionError("nothing arrived within 5 s");
            }
            return value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
