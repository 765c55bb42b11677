package io.outdial.bridge.admin;

import java.util.concurrent.CompletableFuture;

/**
 * The supervisor's HTTP API, implemented by the dialer. Results are JSON-serialisable values. Called on a Netty
 * event loop: implementations must return at once and do blocking work (JDBC) on their own pool. Refusals complete
 * exceptionally with {@link AdminException}.
 */
public interface AdminApi {

    /** {@code GET /api/campaigns}. */
    CompletableFuture<Object> campaigns();

    /** {@code POST /api/campaigns/{name}/{load|start|stop|unload}}. */
    CompletableFuture<Object> campaignAction(String campaign, CampaignAction action);

    /** {@code POST /api/campaigns/{name}/records} with a CSV body: imports rows, reports rejected ones. */
    CompletableFuture<Object> importRecords(String campaign, String csv);

    /** {@code GET /api/campaigns/{name}/records}. */
    CompletableFuture<Object> records(String campaign);

    /**
     * {@code GET /api/campaigns/{name}/export}: the campaign's records with their results as CSV text (a header line,
     * then one line per record).
     */
    CompletableFuture<String> exportRecords(String campaign);

    /** {@code GET /api/stats}: the supervisor's live figures (calls, rates, agents, results, per campaign). */
    CompletableFuture<Object> stats();

    /** {@code GET /api/stats/history}: the figures sampled over the last hour, oldest first. */
    CompletableFuture<Object> statsHistory();

    /** {@code GET /api/agents}: each agent's state, phone, and the registration of its softphone. */
    CompletableFuture<Object> agents();

    /**
     * {@code PUT /api/agents/{id}/sip-password} with {@code {"password": "..."}} (8..128 characters; null removes
     * it): the password the agent's softphone registers with. Kept hashed; the answer never echoes it.
     */
    CompletableFuture<Object> sipPassword(String agentId, String password);

    /** {@code DELETE /api/agents/{id}/registration}: drops the agent's registered phone binding. */
    CompletableFuture<Object> removeRegistration(String agentId);

    /**
     * {@code GET /api/audit?limit=N}: the last {@code limit} audit entries (who, when, what, from where), newest
     * first.
     */
    CompletableFuture<Object> auditLog(int limit);

    /** {@code GET /api/dnc}: the internal do-not-call list. */
    CompletableFuture<Object> doNotCallList();

    /** {@code POST /api/dnc} with a JSON {@link DoNotCallEntry}: the number (or customer) is never dialed again. */
    CompletableFuture<Object> addDoNotCall(DoNotCallEntry entry);

    /**
     * An entry of the internal do-not-call list: a phone number or a customer id, exactly one of the two.
     *
     * @param phone      the number, as in a calling list's contact_info, or null
     * @param customerId a customer id (the value of a campaign's customer-id field), or null
     * @param campaign   the campaign it applies to, or null for every campaign
     */
    record DoNotCallEntry(String phone, String customerId, String campaign) {
        /** A phone entry. */
        public DoNotCallEntry(String phone, String campaign) {
            this(phone, null, campaign);
        }
    }

    /** The lifecycle commands of a campaign. */
    enum CampaignAction { LOAD, START, STOP, UNLOAD }

    /** {@code GET /api/trunks}: each trunk and its registration (state, since, expiry, next attempt, last failure). */
    default CompletableFuture<Object> trunks() {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("no trunk view"));
    }

    // ---- the interaction view's tools (issue 18): voice recordings and standard responses

    /**
     * A recording's audio, as its WAV file holds it (all of it, or the slice a byte range asked for), and the name to
     * download it under.
     *
     * @param wav   the bytes of {@code slice} of the file
     * @param slice which bytes of the file {@code wav} holds, and the file's length
     */
    record RecordingAudio(byte[] wav, String fileName, ByteRange.Slice slice) {
        /** The whole file. */
        public RecordingAudio(byte[] wav, String fileName) {
            this(wav, fileName, new ByteRange.Slice(0, wav.length - 1L, wav.length));
        }
    }

    /** The recordings of a record, oldest first, with their status and length. */
    default CompletableFuture<Object> recordingsOfRecord(long recordId) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no recordings"));
    }

    /** One recording's row and the audit of its playbacks and downloads. */
    default CompletableFuture<Object> recording(long recordingId) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no recordings"));
    }

    /**
     * A recording's audio for {@code action} {@code play} or {@code download}: the whole file ({@code range} null) or
     * the slice {@code range} selects (a player seeking). The access is audited with {@code requester} (who asked, as
     * the HTTP layer knows them) before the audio is given; a range that selects nothing fails with
     * {@link RangeNotSatisfiable} and is not audited (no audio is given).
     */
    default CompletableFuture<RecordingAudio> recordingAudio(long recordingId, String action, String requester,
                                                             ByteRange range) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no recordings"));
    }

    /** A campaign's standard responses containing {@code query} (all when null or blank). */
    default CompletableFuture<Object> responses(String campaign, String query) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no responses"));
    }

    /** Adds (or replaces, by title) a campaign's responses from a JSON array or CSV; reports broken rows. */
    default CompletableFuture<Object> uploadResponses(String campaign, String body) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no responses"));
    }

    default CompletableFuture<Object> removeResponse(String campaign, long responseId) {
        return CompletableFuture.failedFuture(new AdminException(404, "this gateway keeps no responses"));
    }
}
