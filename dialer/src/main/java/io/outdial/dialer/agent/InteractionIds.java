package io.outdial.dialer.agent;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of interaction ids. An id is its owner's prefix and a number counted per owner, so a log line or a
 * desktop's interaction id says which part of the dialer owns the interaction (docs/dialer-internals.md).
 */
public final class InteractionIds {

    /** Who owns an interaction, told by its id's prefix. */
    public enum Owner {
        /** Progressive dialing (call.ProgressiveMode): one contact per Ready agent. */
        PROGRESSIVE("ix-"),
        /** Predictive dialing (call.PredictiveDialing): dialed ahead of free agents. */
        PREDICTIVE("px-"),
        /** Engaged dialing (call.EngagedDialing): assured connection and ASM, the agent called first. */
        ENGAGED("ac-"),
        /** Preview (preview.PreviewDesk): the agent asks for the record, then calls. */
        PREVIEW("pv-"),
        /** Push and direct push preview (preview.PushPreviewDesk): the record is pushed to the agent. */
        PUSH_PREVIEW("pp-");

        private final String prefix;

        Owner(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        /** The owner an id names, or empty for an id the gateway did not make. */
        public static Optional<Owner> of(String interactionId) {
            if (interactionId != null) {
                for (Owner o : values()) {
                    if (interactionId.startsWith(o.prefix)) {
                        return Optional.of(o);
                    }
                }
            }
            return Optional.empty();
        }
    }

    private final Map<Owner, AtomicLong> counters = new EnumMap<>(Owner.class);

    public InteractionIds() {
        for (Owner o : Owner.values()) {
            counters.put(o, new AtomicLong());
        }
    }

    /** A new id for an interaction {@code owner} owns: "ix-1", "ix-2", ... Thread-safe. */
    public String next(Owner owner) {
        return owner.prefix + counters.get(owner).incrementAndGet();
    }
}
