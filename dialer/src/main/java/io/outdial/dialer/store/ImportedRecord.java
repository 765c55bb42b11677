package io.outdial.dialer.store;

import io.outdial.dialer.record.RecordType;
import java.time.Instant;
import java.util.Map;

/** One good CSV row, checked and normalised, ready to insert as a Ready record. */
record ImportedRecord(String contactInfo, String contactInfoType, RecordType recordType, Instant dialSchedTime,
                      int dailyFrom, int dailyTill, String tz, String chainId, int chainN,
                      Map<String, String> customFields) {
}
