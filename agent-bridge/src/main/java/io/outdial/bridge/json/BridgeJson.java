package io.outdial.bridge.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/** The JSON conventions of everything the bridge sends and reads (CTI messages and admin API bodies). */
public final class BridgeJson {

    private BridgeJson() {
    }

    /**
     * A mapper with the wire conventions:
     * <ul>
     * <li>unknown properties are ignored, so a newer desktop can talk to an older gateway (a misspelt optional field
     * goes unnoticed; required fields are checked by name in {@code CtiCodec});</li>
     * <li>trailing content and duplicate keys are errors: a message must mean one thing;</li>
     * <li>null properties are left out (an absent field reads as null), but null values inside maps are kept, since
     * a calling-list record with an empty {@code call_time} still has that field;</li>
     * <li>java.time values are ISO-8601 strings.</li>
     * </ul>
     * Thread-safe once built; build one per server and share it.
     */
    public static ObjectMapper newMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
                        JsonInclude.Include.ALWAYS))
                .build();
    }
}
