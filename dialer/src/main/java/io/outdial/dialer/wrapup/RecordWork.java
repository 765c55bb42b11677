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

    /**
     * One campaign's rules.
     *
     * @param resultRequiredBeforeTransfer Transfer waits for a call result (or disposition code); afterwards call
     *                                     result and Record Information are read-only
     * @param recordFollowsTransfer        a transfer to another agent gives that agent the record
     */
    public record Rules(RecordFields fields, CallbackRules callbacks, MarkDoneMode markDone,
                        boolean resultRequiredBeforeTransfer, boolean recordFollowsTransfer) {

        /** Without transfer rules: no result required, the record follows a transfer. */
        public Rules(RecordFields fields, CallbackRules callbacks, MarkDoneMode markDone) {
            this(fields, callbacks, markDone, false, true);
        }
    }

    private final Map<String, Rules> byCampaign;

    public RecordWork(Map<String, Rules> byCampaign) {
        this.byCampaign = Map.copyOf(new HashMap<>(byCampaign));
    }

    /** No campaign has any rule of its own. */
    public static RecordWork none() {
        return new RecordWork(Map.of());
    }

    /** The rules of a campaign with none of its own: no fields, any callback, manual Mark Done. */
    public static Rules defaults() {
        return DEFAULTS;
    }

    public Rules of(String campaign) {
        return byCampaign.getOrDefault(campaign, DEFAULTS);
    }

    public Map<String, Rules> all() {
        return byCampaign;
    }
}
