package io.outdial.dialer.record;

import io.outdial.sip.LegEvent;

/** Maps a contact leg that was never answered to the call result written on its record (ARCHITECTURE.md 6). */
public final class FailureResults {
    private FailureResults() {
    }

    /**
     * The call result of a failed contact leg. {@link LegEvent.FailureKind#CANCELLED} (we hung up before answer
     * because the campaign went away) has no result of its own: the caller returns such a record to Ready.
     */
    public static CallResult of(LegEvent.Failed failed) {
        return switch (failed.kind()) {
            case RING_TIMEOUT -> CallResult.NO_ANSWER;
            // The trunk never answered our INVITE: nothing is known of the contact, so it is an error to retry.
            case NO_RESPONSE, MEDIA_MISMATCH -> CallResult.GENERAL_ERROR;
            case CANCELLED -> CallResult.UNKNOWN;
            case REJECTED -> ofStatus(failed.status());
        };
    }

    /** The call result of a final non-2xx response to the INVITE. */
    public static CallResult ofStatus(int status) {
        return switch (status) {
            case 486, 600 -> CallResult.BUSY;
            // 487 without our CANCEL: the far side gave up ringing, as good as unanswered.
            case 408, 480, 487 -> CallResult.NO_ANSWER;
            case 404, 410, 484, 604 -> CallResult.WRONG_NUMBER;
            case 503 -> CallResult.ALL_TRUNKS_BUSY;
            default -> status >= 300 && status < 700 ? CallResult.GENERAL_ERROR : CallResult.SYSTEM_ERROR;
        };
    }
}
