package io.outdial.dialer.cti;

import io.outdial.bridge.cti.AgentChannel;
import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which handler each CTI command of a logged-in desktop goes to: one entry per command type, and a check when the
 * table is built that every command of the sealed {@link CtiCommand} has one, so a new command cannot go unrouted.
 */
final class CommandTable {

    /** Handles one command type for the agent whose desktop sent it (dialer executor). */
    @FunctionalInterface
    interface Handler<C extends CtiCommand> {
        void handle(Agent agent, C command, AgentChannel channel);
    }

    private final Map<Class<?>, Handler<?>> handlers;

    private CommandTable(Map<Class<?>, Handler<?>> handlers) {
        this.handlers = Map.copyOf(handlers);
    }

    static Builder builder() {
        return new Builder();
    }

    /** Runs the command's handler; throws the handler's {@link CtiException}. */
    @SuppressWarnings("unchecked")
    <C extends CtiCommand> void dispatch(Agent agent, C command, AgentChannel channel) {
        Handler<C> handler = (Handler<C>) handlers.get(command.getClass());
        if (handler == null) {
            // Unreachable once build() passed: kept so that a class outside the sealed hierarchy cannot slip by.
            throw new CtiException(CtiErrorCodes.INVALID, "unknown command " + command.getClass().getSimpleName());
        }
        handler.handle(agent, command, channel);
    }

    /** The command types with a handler. */
    java.util.Set<Class<?>> routed() {
        return handlers.keySet();
    }

    static final class Builder {
        private final Map<Class<?>, Handler<?>> handlers = new HashMap<>();

        <C extends CtiCommand> Builder on(Class<C> type, Handler<? super C> handler) {
            if (handlers.put(type, handler) != null) {
                throw new IllegalStateException("CTI command " + type.getSimpleName() + " has two handlers");
            }
            return this;
        }

        /** Builds the table, or throws naming every command of {@link CtiCommand} that has no handler. */
        CommandTable build() {
            List<String> missing = new ArrayList<>();
            for (Class<?> type : CtiCommand.class.getPermittedSubclasses()) {
                if (!handlers.containsKey(type)) {
                    missing.add(type.getSimpleName());
                }
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("CTI commands without a handler: " + missing);
            }
            return new CommandTable(handlers);
        }
    }
}
