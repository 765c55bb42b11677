package io.outdial.sip.ua.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StatelessRefusalsTest {

    @ParameterizedTest(name = "{0} (to-tag {1}) -> {2}")
    @CsvSource({"INVITE, false, 403", "INVITE, true, 481", "BYE, true, 481", "INFO, true, 481", "UPDATE, true, 481",
            "PRACK, true, 481", "NOTIFY, false, 481", "SUBSCRIBE, false, 405", "MESSAGE, false, 405",
            "PUBLISH, false, 405", "REFER, true, 405", "FOO, false, 501", "invite, false, 501",
            "OPTIONS, false, 0", "REGISTER, false, 0", "ACK, true, 0", "CANCEL, false, 0"})
    void outOfDialogRequestsRefusedWithoutATransaction(String method, boolean toTag, int status) {
        assertEquals(status, StatelessRefusals.statusFor(method, toTag));
    }
}
