package io.outdial.dialer.recording;

import io.outdial.dialer.config.RecordingMode;
import io.outdial.dialer.config.RecordingPolicy;

import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.SideCalls;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.dialer.config.RecordingSettings;
import io.outdial.dialer.metrics.DialerMetrics;
import io.outdial.dialer.refusal.Refused;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.StoredRecording;
import io.outdial.media.MediaEngine;
import io.outdial.media.record.RecordingWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call's recordings: starts them as each campaign's policy says (every call once bridged, or the agent's
 * StartRecording), routes the agent's Stop / Pause / Resume to the call's {@link CallRecording}, and deletes files
 * past their retention once a day. Dialer executor, except where said.
 */
public final class CallRecordings {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecordings.class);
    private static final Duration SWEEP_EVERY = Duration.ofHours(1);

    private final RecordingSettings settings;
    /** The campaigns, whose own recording policy the interaction's campaign name finds. */
    private final Campaigns campaigns;
    private final RecordingFiles files;
    private final RecordingWriter writer;
    private final CallExecutor dialer;
    private final Executor database;
    private final Scheduler scheduler;
    private final CallingListStore store;
    private final MediaEngine media;
    private final DialerMetrics metrics;
    private final Map<String, CallRecording> byInteraction = new HashMap<>();
    private final AtomicInteger running = new AtomicInteger();
    private Cancellable sweep;

    /**
     * @param settings  where files go, how long they are kept, the writer's memory; its {@code defaultPolicy} is the
     *                  policy of a name no campaign has
     * @param campaigns each campaign carries its own policy ({@code CampaignPlan.recording()})
     * @param writers   where files are written (blocking I/O: not the dialer's workers, never an event loop)
     */
    public CallRecordings(RecordingSettings settings, Campaigns campaigns, CallExecutor dialer, Executor database,
                          Scheduler scheduler, CallingListStore store, MediaEngine media, DialerMetrics metrics,
                          Executor writers) {
        this.settings = settings;
        this.campaigns = campaigns;
        this.files = new RecordingFiles(settings.directory(), settings.fileName());
        this.writer = new RecordingWriter(Math.max(2, settings.bufferSeconds()), writers);
        this.dialer = dialer;
        this.database = database;
        this.scheduler = scheduler;
        this.store = store;
        this.media = media;
        this.metrics = metrics;
        metrics.recordings(running::get, writer);
    }

    /**
     * The recording policy of the campaign named {@code campaign}, read from the campaign (an unloaded campaign keeps
     * it); the {@code recording:} defaults for a name no campaign has.
     */
    public RecordingPolicy policyOf(String campaign) {
        return campaigns.find(campaign).map(c -> c.plan().recording()).orElse(settings.defaultPolicy());
    }

    /**
     * The agent's call is connected (or about to be, in the engaging phase): a campaign recording every call starts
     * recording it once contact and agent are bridged.
     */
    public void connected(Agent agent, Interaction ix, SideCalls sides) {
        RecordingPolicy policy = policyOf(ix.campaign());
        if (policy.mode() != RecordingMode.ALL || byInteraction.containsKey(ix.id())) {
            return;
        }
        recordingOf(agent, ix, policy).start(sides, null);
    }

    /** StartRecording: where the campaign lets the agent start one. */
    public void start(Agent agent, Interaction ix, SideCalls sides, String requestId) {
        RecordingPolicy policy = policyOf(ix.campaign());
        if (!policy.agentStart()) {
            throw new Refused(Refused.Why.RECORDING_NOT_ALLOWED, "StartRecording: campaign " + ix.campaign()
                    + " records " + (policy.mode() == RecordingMode.ALL ? "every call by itself" : "no call"));
        }
        recordingOf(agent, ix, policy).start(sides, requestId);
    }

    public void stop(Interaction ix, String requestId) {
        running(ix, "StopRecording").stop(requestId);
    }

    public void pause(Interaction ix, String requestId) {
        running(ix, "PauseRecording").pause(requestId);
    }

    public void resume(Interaction ix, String requestId) {
        running(ix, "ResumeRecording").resume(requestId);
    }

    /** Recordings being written now (any thread). */
    public int running() {
        return running.get();
    }

    public RecordingWriter writer() {
        return writer;
    }

    /** Starts the hourly retention sweep (when a retention is configured). */
    public void startRetention() {
        if (settings.retentionDays() > 0 && sweep == null) {
            sweep = dialer.schedule(Duration.ZERO, this::sweepNow);
        }
    }

    /** Deletes the files of recordings older than the retention; their rows stay, marked DELETED. */
    public CompletableFuture<Integer> sweepNow() {
        Instant before = scheduler.now().minus(Duration.ofDays(settings.retentionDays()));
        CompletableFuture<Integer> swept = store(s -> {
            int deleted = 0;
            for (StoredRecording r : s.recordings().startedBefore(before)) {
                try {
                    Path file = Path.of(r.path());
                    Files.deleteIfExists(file);
                    Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".part"));
                    s.recordings().deleted(r.recordingId());
                    deleted++;
                } catch (IOException | RuntimeException e) {
                    LOG.warn("recording {}: its file {} could not be deleted: {}", r.recordingId(), r.path(),
                            e.toString());
                }
            }
            if (deleted > 0) {
                LOG.info("retention: deleted {} recording(s) older than {} days", deleted, settings.retentionDays());
            }
            return deleted;
        });
        if (settings.retentionDays() > 0) {
            sweep = dialer.schedule(SWEEP_EVERY, this::sweepNow);
        }
        return swept;
    }

    private CallRecording running(Interaction ix, String command) {
        CallRecording r = byInteraction.get(ix.id());
        if (r == null) {
            RecordingPolicy policy = policyOf(ix.campaign());
            throw new Refused(Refused.Why.RECORDING_NOT_ALLOWED, command + ": "
                    + (policy.mode() == RecordingMode.NONE ? "campaign " + ix.campaign() + " records no call"
                    : "no recording is running"));
        }
        return r;
    }

    private CallRecording recordingOf(Agent agent, Interaction ix, RecordingPolicy policy) {
        return byInteraction.computeIfAbsent(ix.id(), id -> new CallRecording(this, agent, ix, policy));
    }

    // ---- for CallRecording

    CallExecutor dialer() {
        return dialer;
    }

    Instant now() {
        return scheduler.now();
    }

    RecordingFiles files() {
        return files;
    }

    MediaEngine media() {
        return media;
    }

    void forget(CallRecording r) {
        byInteraction.values().remove(r);
    }

    void running(int delta) {
        running.addAndGet(delta);
    }

    void framesLost(long frames) {
        metrics.recordingFramesLost(frames);
    }

    /** Runs {@code work} on the database pool. */
    <T> CompletableFuture<T> store(Function<CallingListStore, T> work) {
        return CompletableFuture.supplyAsync(() -> work.apply(store), database);
    }
}
