package io.outdial.dialer.dnc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.outdial.dialer.config.DncSettings;
import io.outdial.dialer.store.CallingRecord;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pre-dial validation service: one asynchronous HTTP POST per record (never blocks the calling thread). The
 * answer's status decides: 200 dial, 409 on the list, anything else (or no answer in time) unavailable.
 */
public final class PreDialValidation {
    private static final Logger LOG = LoggerFactory.getLogger(PreDialValidation.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** The JSON body sent for {@code record}. */
    static String body(CallingRecord record, String customerId) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordId", record.recordId());
        m.put("campaign", record.campaign());
        m.put("phone", record.contactInfo());
        m.put("customerId", customerId);
        m.put("contactInfoType", record.contactInfoType());
        m.put("chainId", record.chainId());
        m.put("chainN", record.chainN());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Asks the campaign's service about {@code record}; never completes exceptionally. */
    public CompletableFuture<Verdict> validate(DncSettings settings, CallingRecord record, String customerId) {
        HttpRequest request = HttpRequest.newBuilder(settings.validationUrl())
                .timeout(settings.validationTimeout())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body(record, customerId)))
                .build();
        CompletableFuture<Verdict> verdict;
        try {
            verdict = client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .thenApply(response -> {
                        Verdict v = Verdict.ofStatus(response.statusCode());
                        LOG.info("campaign {}: record {} ({}): validation service answered {} -> {}",
                                record.campaign(), record.recordId(), record.contactInfo(), response.statusCode(), v);
                        return v;
                    });
        } catch (RuntimeException e) {
            verdict = CompletableFuture.failedFuture(e);
        }
        // The request's own timeout covers the answer; this one also bounds a slow connect.
        return verdict.completeOnTimeout(Verdict.UNAVAILABLE,
                        settings.validationTimeout().toMillis() + 200, java.util.concurrent.TimeUnit.MILLISECONDS)
                .exceptionally(error -> {
                    LOG.warn("campaign {}: record {} ({}): validation service unavailable: {}", record.campaign(),
                            record.recordId(), record.contactInfo(), error.toString());
                    return Verdict.UNAVAILABLE;
                });
    }
}
