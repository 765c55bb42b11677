package io.outdial.dialer.config;

import io.outdial.dialer.recordinfo.FieldType;
import io.outdial.dialer.recordinfo.RecordField;
import io.outdial.dialer.wrapup.CallbackRules;
import io.outdial.dialer.wrapup.MarkDoneMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How agents work a campaign's records: {@code campaigns[i].recordFields}, {@code campaigns[i].callbacks},
 * {@code campaigns[i].markDone}, {@code campaigns[i].resultRequiredBeforeTransfer} and
 * {@code campaigns[i].recordFollowsTransfer}.
 *
 * @param recordFields                 the Record Information fields shown to agents, editable ones checked and
 *                                     persisted
 * @param callbacks                    which callbacks may be scheduled, and what becomes of a personal one whose
 *                                     agent is absent
 * @param markDone                     manual, or done for the agent on the call's end or on a disposition
 * @param resultRequiredBeforeTransfer Transfer is refused until a call result (or disposition code) is set; after
 *                                     the transfer the call result and Record Information are read-only
 * @param recordFollowsTransfer        a transfer to another agent gives that agent the record (its Mark Done
 *                                     writes it); false: the transferring agent keeps it
 */
public record WorkSettings(List<RecordField> recordFields, CallbackRules callbacks, MarkDoneMode markDone,
                           boolean resultRequiredBeforeTransfer, boolean recordFollowsTransfer) {

    private static final Pattern FIELD = Pattern.compile("[A-Za-z0-9_ .-]{1,64}");

    public WorkSettings {
        recordFields = List.copyOf(recordFields);
    }

    public static WorkSettings defaults() {
        return new WorkSettings(List.of(), CallbackRules.defaults(), MarkDoneMode.MANUAL, false, true);
    }

    /** Reads the five keys from the campaign's own section. */
    static WorkSettings read(YamlSection campaign) {
        List<RecordField> fields = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (YamlSection f : campaign.sections("recordFields")) {
            String name = f.requiredText("name");
            if (!FIELD.matcher(name).matches()) {
                throw f.fail("name", "must be 1..64 letters, digits, spaces, '_', '.' or '-'", name);
            }
            if (!names.add(name)) {
                throw f.fail("name", "must be distinct within the campaign's recordFields", name);
            }
            String label = f.text("label", name);
            FieldType type = f.oneOf("type", FieldType.TEXT, FieldType.values());
            List<String> options = f.textList("options");
            if (type == FieldType.DROPDOWN && options.isEmpty()) {
                throw f.fail("options", "must list the choices of a dropdown field", "[]");
            }
            if (type != FieldType.DROPDOWN && !options.isEmpty()) {
                throw f.fail("options", "applies only to type dropdown; this field's type is " + type.wireName(),
                        String.join(", ", options));
            }
            boolean editable = f.flag("editable", false);
            boolean required = f.flag("required", false);
            f.refuseUnknownKeys();
            fields.add(new RecordField(name, label, type, options, editable, required));
        }
        YamlSection cb = campaign.section("callbacks");
        CallbackRules d = CallbackRules.defaults();
        CallbackRules.Type type = cb.oneOf("type", d.type(), CallbackRules.Type.values());
        CallbackRules.AbsentAgent absent = cb.oneOf("absentAgent", d.absentAgent(),
                CallbackRules.AbsentAgent.values());
        Duration grace = cb.duration("absentAgentGrace", d.grace(), Duration.ZERO, Duration.ofDays(7));
        cb.refuseUnknownKeys();
        MarkDoneMode markDone = campaign.oneOf("markDone", MarkDoneMode.MANUAL, MarkDoneMode.values());
        boolean resultRequired = campaign.flag("resultRequiredBeforeTransfer", false);
        boolean recordFollows = campaign.flag("recordFollowsTransfer", true);
        return new WorkSettings(fields, new CallbackRules(type, absent, grace), markDone, resultRequired,
                recordFollows);
    }
}
