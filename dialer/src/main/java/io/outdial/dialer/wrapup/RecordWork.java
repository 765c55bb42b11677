package io.outdial.dialer.wrapup;

import io.outdial.dialer.recordinfo.RecordFields;
import java.util.List;

/**
 * How agents work a campaign's records: its Record Information fields, callback rules and Mark Done mode. Each
 * campaign carries its own {@link Rules} ({@code CampaignPlan.work()}); a campaign not configured gets the defaults
 * (no fields, any callback, manual Mark Done).
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

    /** The rules of a campaign with none of its own: no fields, any callback, manual Mark Done. */
    public static Rules defaults() {
        return DEFAULTS;
    }
}
