package io.outdial.dialer.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.record.RecordStatus;
import io.outdial.dialer.record.RecordType;
import io.outdial.dialer.store.CallingRecord;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreDialCheckTest {

    @Test
    void theFourAgentMessagesAreTheSeedsWordForWord() {
        assertEquals("The phone number is on the Do-Not-Call list", DncReason.ON_LIST.message(false));
        assertEquals("The phone number is on the Do-Not-Call list. The next available phone number will be selected.",
                DncReason.ON_LIST.message(true));
        assertEquals("The phone number cannot be validated (Do-Not-Call list service is unavailable).",
                DncReason.CANNOT_VALIDATE.message(false));
        assertEquals("The phone number cannot be validated (Do-Not-Call list service is unavailable). The next"
                + " available phone number will be selected.", DncReason.CANNOT_VALIDATE.message(true));
        assertEquals("cannot_validate", DncReason.CANNOT_VALIDATE.wireName());
    }

    @Test
    void onlyTwoHundredDialsAndOnlyFourONineIsOnTheList() {
        assertEquals(Verdict.DIAL, Verdict.ofStatus(200));
        assertEquals(Verdict.ON_LIST, Verdict.ofStatus(409));
        for (int other : List.of(201, 204, 302, 400, 404, 500, 503)) {
            assertEquals(Verdict.UNAVAILABLE, Verdict.ofStatus(other), Integer.toString(other));
        }
    }

    private static CallingRecord record(long id, String chain) {
        return new CallingRecord(id, "spring", "2005550101", "Mobile", RecordType.GENERAL, RecordStatus.RETRIEVED,
                CallResult.UNKNOWN, 0, null, null, 0, 86400, "UTC", null, chain, 2, Map.of("customer_id", "C-9"));
    }

    @Test
    void theServiceIsToldTheRecordPhoneCustomerAndCampaign() throws Exception {
        JsonNode body = new ObjectMapper().readTree(PreDialValidation.body(record(17, "k"), "C-9"));
        assertEquals(17, body.path("recordId").asLong());
        assertEquals("spring", body.path("campaign").asText());
        assertEquals("2005550101", body.path("phone").asText());
        assertEquals("C-9", body.path("customerId").asText());
        assertEquals("Mobile", body.path("contactInfoType").asText());
        assertEquals("k", body.path("chainId").asText());
        assertEquals(2, body.path("chainN").asInt());
    }

    @Test
    void anAgentRetrievalStopsOnARefusalWithoutANextNumber() {
        DncNotice withNext = new DncNotice(record(1, "k"), DncReason.ON_LIST, true);
        DncNotice last = new DncNotice(record(2, "k"), DncReason.CANNOT_VALIDATE, false);
        assertEquals(Optional.of(last), new Retrieval(Optional.empty(), List.of(withNext, last)).refusedForAgent());
        assertTrue(new Retrieval(Optional.of(record(3, null)), List.of(withNext)).refusedForAgent().isEmpty());
        assertTrue(new Retrieval(Optional.empty(), List.of()).refusedForAgent().isEmpty());
        assertEquals(last.message(), DncReason.CANNOT_VALIDATE.message(false));
    }
}
