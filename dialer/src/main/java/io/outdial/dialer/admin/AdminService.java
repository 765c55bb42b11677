package io.outdial.dialer.admin;

import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
import io.outdial.bridge.admin.ByteRange;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.AgentRoster;
import io.outdial.dialer.agent.AgentSipAccounts;
import io.outdial.dialer.call.Dialing;
import io.outdial.dialer.campaign.Campaign;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.core.exec.CallExecutor;
import io.outdial.dialer.stats.LiveStats;
import io.outdial.dialer.store.CallingRecord;
import io.outdial.dialer.store.ImportException;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.trunk.OutboundRoute;
import io.outdial.dialer.trunk.Trunks;
import io.outdial.sip.SipUserAgent;
import io.outdial.sip.registrar.Registration;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/** The supervisor's HTTP API: campaign lifecycle, calling-list upload, records and agents. */
public final class AdminService implements AdminApi {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(AdminService.class);

    private volatile java.util.function.Consumer<io.outdial.dialer.campaign.Campaign> campaignActions = c -> { };
    private final AgentSipAccounts accounts;
    private final CallExecutor dialer;
    private final StoreAccess store;
    private final Trunks trunks;
    private final SipUserAgent userAgent;
    private final Campaigns campaigns;
    private final AgentRoster roster;
    private final Dialing dialing;
    private final LiveStats stats;
    private volatile RecordingsAdmin tools;

    /**
     * @param dialer    the dialer executor, where campaign and agent state live
     * @param trunks    the trunks and each campaign's route out, shown with the campaigns
     * @param userAgent whose registrar holds the agents' phone registrations
     */
    public AdminService(CallExecutor dialer, StoreAccess store, Trunks trunks, SipUserAgent userAgent,
                        Campaigns campaigns, AgentRoster roster, Dialing dialing, LiveStats stats,
                        AgentSipAccounts accounts) {
        this.accounts = accounts;
        this.dialer = dialer;
        this.store = store;
        this.trunks = trunks;
        this.userAgent = userAgent;
        this.campaigns = campaigns;
        this.roster = roster;
        this.dialing = dialing;
        this.stats = stats;
    }

    @Override
    public CompletableFuture<Object> campaigns() {
        return onDialer(() -> {
            List<Object> list = new ArrayList<>();
            for (Campaign c : campaigns.all()) {
                list.add(view(c));
            }
            return list;
        });
    }

    private Map<String, Object> view(Campaign c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("description", c.plan().description());
        m.put("status", c.state().statusName());
        m.put("dialingMode", c.plan().dialingModeLabel());
        m.put("deliveryMode", c.plan().deliveryMode());
        m.put("agents", c.plan().agentIds());
        if (c.plan().paced()) {
            m.put("optimization", c.plan().pacing().method().name());
            m.put("target", c.plan().pacing().target());
        }
        OutboundRoute route = trunks.route(c.plan().trunkChoice());
        m.put("trunk", route.trunkName());
        if (!route.callerIds().isEmpty()) {
            m.put("callerIds", route.callerIds());
        }
        if (!route.allowsCalls()) {
            // What a supervisor needs to see when a running campaign dials nothing.
            m.put("blockedBy", route.blockedReason());
        }
        return m;
    }

    @Override
    public CompletableFuture<Object> trunks() {
        List<Object> list = new ArrayList<>();
        for (io.outdial.dialer.trunk.Trunks.Entry e : trunks.all()) {
            io.outdial.sip.TrunkConfig t = e.config();
            io.outdial.sip.trunk.TrunkRegistrationStatus r = e.registration().status();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", e.name());
            m.put("host", t.host());
            m.put("port", t.port());
            m.put("transport", t.transport().name().toLowerCase(java.util.Locale.ROOT));
            m.put("callerId", t.callerId());
            m.put("authenticates", t.credentials() != null);
            m.put("allowsCalls", r.allowsCalls());
            Map<String, Object> reg = new LinkedHashMap<>();
            reg.put("required", r.required());
            if (r.required()) {
                reg.put("state", r.state().name());
                reg.put("aor", r.aor());
                reg.put("since", r.since() == null ? null : r.since().toString());
                reg.put("expiresAt", r.expiresAt() == null ? null : r.expiresAt().toString());
                reg.put("nextAttempt", r.nextAttempt() == null ? null : r.nextAttempt().toString());
                reg.put("failures", r.failures());
                reg.put("lastStatus", r.lastStatus());
            }
            reg.put("reason", r.reason());
            m.put("registration", reg);
            list.add(m);
        }
        return CompletableFuture.completedFuture(list);
    }

    /** Told of every supervisor campaign action that succeeded (dialer executor): shares it with other gateways. */
    public void onCampaignAction(java.util.function.Consumer<io.outdial.dialer.campaign.Campaign> listener) {
        this.campaignActions = java.util.Objects.requireNonNull(listener);
    }

    @Override
    public CompletableFuture<Object> campaignAction(String campaign, CampaignAction action) {
        return onDialer(() -> {
            var c = campaigns.apply(campaign, action);
            campaignActions.accept(c);
            return view(c);
        });
    }

    @Override
    public CompletableFuture<Object> importRecords(String campaign, String csv) {
        return store.queryAfter(onDialer(() -> campaigns.find(campaign)
                        .orElseThrow(() -> new AdminException(404, "no campaign named '" + campaign + "'"))),
                (c, db) -> {
                    try {
                        Object report = db.importCsv(c.name(), new StringReader(csv), rows ->
                                LOG.info("campaign {}: {} records imported so far", c.name(), rows));
                        dialing.listChanged(c);
                        return report;
                    } catch (ImportException e) {
                        throw new AdminException(400, e.getMessage());
                    }
                });
    }

    @Override
    public CompletableFuture<Object> records(String campaign) {
        return store.queryAfter(onDialer(() -> campaigns.find(campaign)
                        .orElseThrow(() -> new AdminException(404, "no campaign named '" + campaign + "'"))),
                (c, db) -> {
                    List<Map<String, Object>> rows = new ArrayList<>();
                    for (CallingRecord r : db.records(c.name())) {
                        rows.add(r.toWire());
                    }
                    return rows;
                });
    }

    @Override
    public CompletableFuture<String> exportRecords(String campaign) {
        return store.queryAfter(onDialer(() -> campaigns.find(campaign)
                        .orElseThrow(() -> new AdminException(404, "no campaign named '" + campaign + "'"))),
                (c, db) -> RecordExport.csv(db, c.name()));
    }

    @Override
    public CompletableFuture<Object> stats() {
        return stats.current().thenApply(view -> {
            view.remove("sample");
            return view;
        });
    }

    @Override
    public CompletableFuture<Object> statsHistory() {
        return CompletableFuture.completedFuture(stats.history());
    }

    @Override
    public CompletableFuture<Object> agents() {
        return onDialer(() -> {
            List<Object> list = new ArrayList<>();
            for (Agent a : roster.all()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", a.id());
                m.put("state", a.state().wireName());
                m.put("phone", a.phone());
                m.put("phoneFollowsRegistration", a.usesRegisteredPhone());
                m.put("sipPassword", accounts.has(a.id()));
                m.put("registration", userAgent.registrations().find(a.id()).map(AdminService::registration)
                        .orElse(null));
                m.put("desktop", a.hasDesktop());
                m.put("interaction", a.interaction() == null ? null : a.interaction().id());
                list.add(m);
            }
            return list;
        });
    }

    private static Map<String, Object> registration(Registration r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("contact", r.contact());
        m.put("dialUri", r.dialUri());
        m.put("source", r.source());
        m.put("transport", r.transport());
        m.put("behindNat", r.natted());
        m.put("registered", r.registered().toString());
        m.put("expires", r.expires().toString());
        m.put("userAgent", r.userAgent());
        return m;
    }

    @Override
    public CompletableFuture<Object> sipPassword(String agentId, String password) {
        CompletableFuture<String> changed = onDialer(() -> {
            Agent agent = roster.find(agentId)
                    .orElseThrow(() -> new AdminException(404, "no agent '" + agentId + "'"));
            accounts.password(agent.id(), password);
            LOG.info("SIP password of agent {} {} through the admin API", agent.id(), password == null ? "removed"
                    : "changed");
            return agent.id();
        });
        // Kept across restarts, as HA1s only; the store's own pool, not the dialer thread.
        return store.queryAfter(changed, (id, db) -> {
            if (password == null) {
                db.sipPasswords().remove(id);
            } else {
                db.sipPasswords().put(id, accounts.realm(), accounts.ha1s(id));
            }
            return Map.of("agent", id, "sipPassword", password != null);
        });
    }

    @Override
    public CompletableFuture<Object> removeRegistration(String agentId) {
        return onDialer(() -> {
            Agent agent = roster.find(agentId)
                    .orElseThrow(() -> new AdminException(404, "no agent '" + agentId + "'"));
            return Map.of("agent", agent.id(), "removed", userAgent.registrations().remove(agent.id()));
        });
    }

    @Override
    public CompletableFuture<Object> auditLog(int limit) {
        return store.query(db -> db.auditTrail().newest(limit));
    }

    @Override
    public CompletableFuture<Object> doNotCallList() {
        return store.query(db -> db.doNotCall().list());
    }

    @Override
    public CompletableFuture<Object> addDoNotCall(DoNotCallEntry entry) {
        return store.queryAfter(onDialer(() -> {
            if (entry.campaign() != null && campaigns.find(entry.campaign()).isEmpty()) {
                throw new AdminException(404, "no campaign named '" + entry.campaign() + "'");
            }
            return entry;
        }), (e, db) -> {
            try {
                return e.customerId() != null ? db.doNotCall().addCustomer(e.customerId(), e.campaign())
                        : db.doNotCall().add(e.phone(), e.campaign());
            } catch (IllegalArgumentException bad) {
                throw new AdminException(400, bad.getMessage());
            }
        });
    }

    /** Runs on the dialer executor, where campaign and agent state live. */
    private <T> CompletableFuture<T> onDialer(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, dialer).exceptionallyCompose(e -> {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** Serves the recordings and standard responses endpoints through {@code tools}. */
    public void interactionTools(RecordingsAdmin tools) {
        this.tools = tools;
    }

    private RecordingsAdmin tools() {
        RecordingsAdmin t = tools;
        if (t == null) {
            throw new AdminException(404, "this gateway keeps no recordings or responses");
        }
        return t;
    }

    @Override
    public CompletableFuture<Object> recordingsOfRecord(long recordId) {
        return tools().ofRecord(recordId);
    }

    @Override
    public CompletableFuture<Object> recording(long recordingId) {
        return tools().recording(recordingId);
    }

    @Override
    public CompletableFuture<RecordingAudio> recordingAudio(long recordingId, String action, String requester,
                                                            ByteRange range) {
        return tools().audio(recordingId, action, requester, range);
    }

    @Override
    public CompletableFuture<Object> responses(String campaign, String query) {
        return tools().responses(campaign, query);
    }

    @Override
    public CompletableFuture<Object> uploadResponses(String campaign, String body) {
        return tools().upload(campaign, body);
    }

    @Override
    public CompletableFuture<Object> removeResponse(String campaign, long responseId) {
        return tools().remove(campaign, responseId);
    }
}
