package io.outdial.dialer.config;

import io.outdial.dialer.record.CallResult;
import io.outdial.dialer.treatment.Treatment;
import io.outdial.dialer.treatment.TreatmentAction;
import io.outdial.dialer.treatment.Treatments;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code campaigns[i].treatments}: one item per call result, each with its action. */
final class TreatmentSection {
    private TreatmentSection() {
    }

    static Treatments read(List<YamlSection> items) {
        List<Treatment> list = new ArrayList<>();
        for (YamlSection s : items) {
            Treatment t = readOne(s);
            if (list.stream().anyMatch(other -> other.result() == t.result())) {
                throw s.fail("result", "must be unique among the campaign's treatments", t.result().name());
            }
            list.add(t);
        }
        return new Treatments(list);
    }

    private static Treatment readOne(YamlSection s) {
        String resultText = s.requiredText("result");
        CallResult result;
        try {
            result = CallResult.parse(resultText);
        } catch (IllegalArgumentException e) {
            throw s.fail("result", "must be a call result (name such as busy or no_answer, label, or code)",
                    resultText);
        }
        TreatmentAction action = s.oneOf("action", null, TreatmentAction.values());
        if (action == null) {
            throw s.fail("action", "is required: retry, retry_at, next_in_chain or cancel", "nothing");
        }
        Treatment t;
        switch (action) {
            case RETRY:
                t = Treatment.retry(result, s.duration("after", Duration.ofMinutes(5), Duration.ZERO,
                        Duration.ofDays(30)), s.duration("increment", Duration.ZERO, Duration.ZERO, Duration.ofDays(30)));
                break;
            case NEXT_IN_CHAIN:
                t = Treatment.nextInChain(result, s.duration("after", Duration.ZERO, Duration.ZERO,
                        Duration.ofDays(30)));
                break;
            case RETRY_AT:
                t = retryAt(s, result);
                break;
            case CANCEL:
                t = Treatment.cancel(result);
                break;
            default:
                throw new IllegalStateException("unknown action " + action);
        }
        s.refuseUnknownKeys();
        return t;
    }

    private static Treatment retryAt(YamlSection s, CallResult result) {
        String at = s.requiredText("at").trim();
        try {
            return at.contains("T") ? Treatment.retryAt(result, LocalDateTime.parse(at))
                    : Treatment.retryAt(result, LocalTime.parse(at));
        } catch (DateTimeParseException e) {
            throw s.fail("at", "must be a time of day (HH:MM, the next one to come) or a local date-time"
                    + " (YYYY-MM-DDTHH:MM), in the contact's time zone", at);
        }
    }
}
