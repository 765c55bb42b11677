package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.CampaignCard;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ContactHistoryEntry;
import java.util.List;

/** The dialer's values as the CTI protocol carries them (docs/cti-protocol.md). */
public final class CtiWire {
    private CtiWire() {
    }

    /** The interaction as CTI events carry it; a hidden record (ASM before the contact connects) shows nothing. */
    public static CtiEvent.Interaction interaction(Interaction ix) {
        String stage = stageName(ix.stage());
        if (ix.recordHidden()) {
            return new CtiEvent.Interaction(ix.id(), ix.campaign(), stage, null, java.util.Map.of(), null, null);
        }
        CallingRecord record = ix.record();
        var detected = ix.detected();
        return new CtiEvent.Interaction(ix.id(), ix.campaign(), stage,
                ix.callResult() == null ? null : ix.callResult().name(), record.toWire(),
                detected == null ? null : new CtiEvent.Detected(detected.outcome().name(), detected.cause().name(),
                        detected.at().toMillis()), ix.caseInformation(),
                ix.recordFields().fields().isEmpty() ? null : ix.recordFields().toWire(record.customFields()));
    }

    /**
     * The CTI error code of each reason the dialer refuses for (docs/cti-protocol.md "Errors"): the one mapping, for
     * refusals thrown while a command is handled ({@link #error}) and refusals told later ({@code CtiDesktop.refused}).
     * Exhaustive, so a new reason does not compile without its code.
     */
    public static String code(Refused.Why why) {
        return switch (why) {
            case BAD_REQUEST, UNKNOWN_CAMPAIGN, CALLER_ID_NOT_OFFERED -> CtiErrorCodes.INVALID;
            case NOT_ON_CAMPAIGN, WRONG_STATE, RECORD_HIDDEN, NOT_A_PREVIEW, CALLBACK_TO_FIX, NOT_A_BROWSER_PHONE ->
                    CtiErrorCodes.NOT_ALLOWED;
            case BAD_CALLBACK -> CtiErrorCodes.INVALID_CALLBACK;
            case UNKNOWN_DISPOSITION -> CtiErrorCodes.INVALID_DISPOSITION;
            case BAD_RECORD_FIELD -> CtiErrorCodes.INVALID_RECORD_FIELD;
            case RECORDING_NOT_ALLOWED -> CtiErrorCodes.RECORDING_NOT_ALLOWED;
            case INTERNAL_ERROR -> CtiErrorCodes.INTERNAL_ERROR;
            case PHONE_FAILED -> CtiErrorCodes.PHONE_FAILED;
            case TRUNK_NOT_REGISTERED -> CtiErrorCodes.TRUNK_NOT_REGISTERED;
            case RECORDING_FAILED -> CtiErrorCodes.RECORDING_FAILED;
            case PHONE_OFFER_REFUSED -> CtiErrorCodes.PHONE_OFFER_REFUSED;
            case NOT_IN_CHAIN -> CtiErrorCodes.NOT_IN_CHAIN;
            case RECORD_NOT_READY -> CtiErrorCodes.RECORD_NOT_READY;
            case OUTSIDE_CALLING_WINDOW -> CtiErrorCodes.OUTSIDE_CALLING_WINDOW;
            case ON_DO_NOT_CALL_LIST -> CtiErrorCodes.ON_DO_NOT_CALL_LIST;
        };
    }

    /** A refusal as the Error event that answers the request {@code requestId} (its field, if any, named). */
    static CtiEvent.Error error(String requestId, Refused refused) {
        return new CtiEvent.Error(requestId, code(refused.why()), refused.getMessage(), null, refused.field());
    }

    /** A refusal as the bridge's exception, for a future the bridge answers itself (a Login's). */
    static CtiException exception(Refused refused) {
        return new CtiException(code(refused.why()), refused.getMessage());
    }

    /** The stage's name on the wire (the CTI doc draws these). */
    static String stageName(Interaction.Stage stage) {
        return switch (stage) {
            case PREVIEW -> "Preview";
            case DIALING -> "Dialing";
            case RINGING -> "Ringing";
            case ESTABLISHING -> "Establishing";
            case ESTABLISHED -> "Established";
            case ON_HOLD -> "OnHold";
            case TRANSFERRING -> "Transferring";
            case CONFERENCE -> "Conference";
            case CONSULTING -> "Consulting";
            case RELEASED -> "Released";
            case DONE -> "Done";
        };
    }

    public static CtiEvent.CampaignInfo campaign(CampaignCard c) {
        return new CtiEvent.CampaignInfo(c.name(), c.description(), c.status(), c.dialingMode(), c.deliveryMode(),
                c.callerIds().isEmpty() ? null
                        : c.callerIds().stream().map(id -> new CtiEvent.CallerId(id.number(), id.name())).toList());
    }

    public static List<CtiEvent.CampaignInfo> campaigns(List<CampaignCard> cards) {
        return cards.stream().map(CtiWire::campaign).toList();
    }

    static CtiEvent.ContactNumber number(CallingRecord r, boolean selectable) {
        return new CtiEvent.ContactNumber(r.recordId(), r.contactInfo(), r.contactInfoType(), r.chainN(),
                r.status().name(), r.callResult() == null ? null : r.callResult().name(), r.attempt(), selectable);
    }

    static List<CtiEvent.HistoryEntry> history(List<ContactHistoryEntry> entries) {
        return entries.stream().map(e -> new CtiEvent.HistoryEntry(e.createdAt().toString(), e.agentId(),
                e.interactionId(), e.contactInfo(), e.callResult().name(), e.dispositionCode(), e.doNotCall(),
                e.note(), e.callbackAt() == null ? null : e.callbackAt().toString(),
                e.callbackType() == null ? null : e.callbackType().name())).toList();
    }
}
