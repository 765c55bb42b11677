package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiEvent;
import io.outdial.dialer.agent.CampaignCard;
import io.outdial.dialer.agent.Interaction;
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
