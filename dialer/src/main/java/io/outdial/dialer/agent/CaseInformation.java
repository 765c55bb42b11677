package io.outdial.dialer.agent;

import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** The "Case Information" summary a desktop shows above the record: where the call comes from and whom it calls. */
public final class CaseInformation {
    private CaseInformation() {
    }

    /** Origin ("Callback", "Personal Callback" or "Outbound campaign call to N"), Campaign, Phone, Phone Type. */
    public static Map<String, Object> of(String campaign, CallingRecord record) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("Origin", origin(record));
        info.put("Campaign", campaign);
        info.put("Phone", record.contactInfo());
        info.put("Phone Type", record.contactInfoType());
        return info;
    }

    static String origin(CallingRecord record) {
        if (record.recordType() == RecordType.PERSONAL_CALLBACK) {
            return "Personal Callback";
        }
        if (record.recordType() == RecordType.CAMPAIGN_CALLBACK) {
            return "Callback";
        }
        return "Outbound campaign call to " + record.contactInfo();
    }
}
