package io.outdial.dialer.trunk;

import io.outdial.dialer.config.CallerId;
import java.util.List;

/**
 * A campaign's way out as it is configured: the trunk it dials through, by name, and the caller ids it offers (the
 * first is the default; none: the trunk's own). {@link Trunks#route} turns it into the campaign's
 * {@link OutboundRoute}.
 *
 * @param trunk     the trunk's name; null: the default trunk (the first one)
 * @param callerIds the caller ids the campaign offers, in configuration order
 */
public record TrunkChoice(String trunk, List<CallerId> callerIds) {
    /** The default trunk presenting its own caller id: the way out of a name no campaign has. */
    public static final TrunkChoice DEFAULT = new TrunkChoice(null, List.of());

    public TrunkChoice {
        callerIds = callerIds == null ? List.of() : List.copyOf(callerIds);
    }
}
