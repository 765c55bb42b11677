package io.outdial.dialer.cti;

import io.outdial.bridge.cti.CtiCommand;
import io.outdial.bridge.cti.CtiErrorCodes;
import io.outdial.bridge.cti.CtiEvent;
import io.outdial.bridge.cti.CtiException;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.desk.WrapUp;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.wrapup.Callback;
import io.outdial.dialer.wrapup.CallbackRules;
import io.outdial.dialer.wrapup.Callbacks;
import io.outdial.dialer.wrapup.Disposition;
import io.outdial.dialer.wrapup.MarkDoneMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The wrap-up commands of a desktop: the Dispositions drop-downs, SetCallResult, SetDisposition, ScheduleCallback and
 * CancelCallback, each on the agent's own interaction while it is talking or released. Dialer executor only.
 */
final class WrapUpCommands {
    private final Campaigns campaigns;
    private final WrapUp wrapUp;
    /** Mark Done on the agent's behalf once a disposition is set (markDone: on_disposition). */
    private final BiConsumer<Agent, Interaction> autoMarkDone;

    WrapUpCommands(Campaigns campaigns, WrapUp wrapUp, BiConsumer<Agent, Interaction> autoMarkDone) {
        this.campaigns = campaigns;
        this.wrapUp = wrapUp;
        this.autoMarkDone = autoMarkDone;
    }

    /** The Dispositions drop-downs of a desktop: results an agent may set, the campaign's disposition codes. */
    void dispositionOptions(Agent agent, CtiCommand.GetDispositionOptions o) {
        if (campaigns.find(o.campaign()).isEmpty()) {
            throw new CtiException(CtiErrorCodes.INVALID, "no campaign named '" + o.campaign() + "'");
        }
        List<CtiEvent.CallResultOption> results = new ArrayList<>();
        for (CallResult r : CallResult.values()) {
            if (r.agentMaySet()) {
                results.add(new CtiEvent.CallResultOption(r.name(), r.code(), r.label()));
            }
        }
        CtiDesktop.send(agent, new CtiEvent.DispositionOptions(o.requestId(), o.campaign(), results,
                wrapUp.dispositions().codes(o.campaign())));
    }

    void setCallResult(Agent agent, CtiCommand.SetCallResult s) {
        Interaction ix = CtiDesk.ownInteraction(agent, s.interactionId());
        if (!CtiDesk.talkingOrReleased(ix)) {
            throw CtiDesk.notAllowed("SetCallResult", agent, "the interaction is " + ix.stage().name().toLowerCase());
        }
        CallResult result;
        try {
            result = CallResult.parse(s.callResult() == null ? "" : s.callResult());
        } catch (IllegalArgumentException e) {
            throw new CtiException(CtiErrorCodes.INVALID_CALL_RESULT, e.getMessage());
        }
        if (!result.agentMaySet()) {
            throw new CtiException(CtiErrorCodes.INVALID_CALL_RESULT, "'" + result.label()
                    + "' is set by the gateway, not by an agent");
        }
        if (ix.readOnly()) {
            throw new CtiDesk.ReadOnlyField("callResult", "SetCallResult is not allowed: the call result is read-only"
                    + " after the transfer");
        }
        ix.callResult(result);
        CtiDesktop.send(agent, new CtiEvent.CallResultSet(s.requestId(), ix.id(), result.name()));
    }

    void setDisposition(Agent agent, CtiCommand.SetDisposition d) {
        Interaction ix = CtiDesk.ownInteraction(agent, d.interactionId());
        if (!CtiDesk.talkingOrReleased(ix)) {
            throw CtiDesk.notAllowed("SetDisposition", agent, "the interaction is " + ix.stage().name().toLowerCase());
        }
        Disposition set = wrapUp.dispositions().check(ix.campaign(), d.dispositionCode(), d.doNotCall(), d.note());
        ix.disposition(set);
        CtiDesktop.send(agent, new CtiEvent.DispositionSet(d.requestId(), ix.id(), set.code(), set.doNotCall(),
                set.note()));
        if (campaigns.work(ix.campaign()).markDone() == MarkDoneMode.ON_DISPOSITION) {
            autoMarkDone.accept(agent, ix);
        }
    }

    void scheduleCallback(Agent agent, CtiCommand.ScheduleCallback c) {
        Interaction ix = CtiDesk.ownInteraction(agent, c.interactionId());
        if (!CtiDesk.talkingOrReleased(ix)) {
            throw CtiDesk.notAllowed("ScheduleCallback", agent, "the interaction is " + ix.stage().name().toLowerCase());
        }
        CallbackRules rules = campaigns.work(ix.campaign()).callbacks();
        boolean personal = rules.personal(c.personal());
        String refusal = rules.refusal(personal);
        if (refusal != null) {
            // A request for the other kind is refused; the interaction's earlier callback, if any, stays.
            throw new CtiException(CtiErrorCodes.INVALID_CALLBACK, refusal);
        }
        Callback cb;
        try {
            cb = Callbacks.schedule(c.at(), ix.record().tz(), wrapUp.now(), personal,
                    agent.id(), c.phone(), c.phoneType(), c.from(), c.till());
        } catch (Refused e) {
            // The refused callback replaces any earlier one: Mark Done waits until it is fixed or cancelled.
            ix.callback(null);
            ix.callbackProblem(e.getMessage());
            throw e;
        }
        ix.callback(cb);
        ix.callbackProblem(null);
        String localAt = java.time.LocalDateTime.ofInstant(cb.at(), java.time.ZoneId.of(ix.record().tz())).toString();
        CtiDesktop.send(agent, new CtiEvent.CallbackScheduled(c.requestId(), ix.id(), cb.at().toString(), localAt,
                ix.record().tz(), cb.type() == io.outdial.dialer.record.RecordType.PERSONAL_CALLBACK
                ? "Personal" : "Campaign", cb.phone(), cb.phoneType(), clockTime(cb.dailyFrom()),
                clockTime(cb.dailyTill())));
    }

    /** Seconds since midnight as HH:mm (24:00 for the end of the day); null stays null. */
    private static String clockTime(Integer seconds) {
        return seconds == null ? null : String.format("%02d:%02d", seconds / 3600, seconds % 3600 / 60);
    }

    void cancelCallback(Agent agent, CtiCommand.CancelCallback c) {
        Interaction ix = CtiDesk.ownInteraction(agent, c.interactionId());
        ix.callback(null);
        ix.callbackProblem(null);
        CtiDesktop.send(agent, new CtiEvent.CallbackCancelled(c.requestId(), ix.id()));
    }
}
