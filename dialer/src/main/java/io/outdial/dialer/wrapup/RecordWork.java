package io.outdial.dialer.wrapup;

import io.outdial.dialer.recordinfo.RecordFields;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How agents work each campaign's records: its Record Information fields, callback rules and Mark Done mode.
 * Immutable; a campaign not configured gets the defaults (no fields, any callback, manual Mark Done).
 */
public final class RecordWork {
    private static final Rules DEFAULTS = new Rules(new RecordFields(List.of()), CallbackRules.defaults(),
            MarkDoneMode.MANUAL);

    /** One campaign's rules. */
    public record Rules(RecordFields fields, CallbackRules callbacks, MarkDoneMode markDone) { }

    private final Map<String, Rules> byCampaign;

    public RecordWork(Map<String, Rules> byCampaign) {
        this.byCampaign = Map.copyOf(new HashMap<>(byCampaign));
    }

    /** No campaign has any rule of its own. */
    public static RecordWork none() {
        return new RecordWork(Map.of());
    }

    public Rules of(String campaign) {
        return byCampaign.getOrDefault(campaign, DEFAULTS);
    }

    public Map<String, Rules> all() {
        return byCampaign;
    }
}
