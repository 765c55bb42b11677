package io.outdial.dialer.call;

import io.outdial.dialer.record.CallResult;
import io.outdial.media.detect.SitClass;

/** The call result each special information tone class gives (ARCHITECTURE.md sections 5 and 6). */
final class SitResults {

    private SitResults() {
    }

    static CallResult of(SitClass sitClass) {
        return switch (sitClass) {
            case NO_CIRCUIT -> CallResult.SIT_NO_CIRCUIT;
            case OPERATOR_INTERCEPT -> CallResult.SIT_OPER_INTERCEPT;
            case VACANT_CODE -> CallResult.SIT_VACANT;
            case REORDER -> CallResult.SIT_REORDER;
            case UNKNOWN -> CallResult.SIT_UNKNOWN;
        };
    }
}
