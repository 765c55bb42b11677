package io.outdial.dialer.store;

import java.util.List;

/** One prewritten response of a campaign's library (V10 {@code standard_response}). */
public record StandardResponse(long responseId, String campaign, String title, String text, List<String> tags) {

    public StandardResponse {
        tags = List.copyOf(tags);
    }
}
