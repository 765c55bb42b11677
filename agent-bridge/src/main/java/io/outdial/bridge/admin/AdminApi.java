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
}
