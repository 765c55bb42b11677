package io.outdial.dialer.recording;

import io.outdial.dialer.agent.Desktop;
import io.outdial.dialer.config.RecordingMode;
import io.outdial.dialer.config.RecordingPolicy;

import io.outdial.core.exec.Continuations;
import io.outdial.dialer.agent.Agent;
import io.outdial.dialer.agent.Interaction;
import io.outdial.dialer.call.SideCalls;
import io.outdial.media.Recording;
import io.outdial.media.record.RecordingOutput;
import io.outdial.media.record.RecordingSummary;
import io.outdial.sip.Leg;
import io.outdial.dialer.refusal.Refused;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recordings of one call, one at a time, from the first start to the call's end: the policy's checks on the
 * agent's commands, the media recorder on the contact's endpoint, the row in the store and the events to the
 * desktop. Dialer executor only; the call's media watch hops there.
 */
final class CallRecording implements SideCalls.MediaWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CallRecording.class);

    private final CallRecordings owner;
    private final Agent agent;
    private final Interaction ix;
    private final RecordingPolicy policy;
    private RecordingState state = RecordingState.IDLE;
    /** Set on the call's executor, read when a recording begins. */
    private volatile boolean onHold;
    private String pendingRequest;
    /** Written on the dialer executor, read by the call's executor (hold). */
    private volatile Recording media;
    private long recordingId;
    private int started;
    private Instant pausedSince;
    private Duration paused = Duration.ZERO;
    private String failure;

    CallRecording(CallRecordings owner, Agent agent, Interaction ix, RecordingPolicy policy) {
        this.owner = owner;
        this.agent = agent;
        this.ix = ix;
        this.policy = policy;
    }

    RecordingState state() {
        return state;
    }

    RecordingPolicy policy() {
        return policy;
    }

    /** Starts a recording once the contact is bridged ({@code requestId} null: the policy's own start). */
    void start(SideCalls sides, String requestId) {
        if (state != RecordingState.IDLE) {
            throw new Refused(Refused.Why.RECORDING_NOT_ALLOWED, "StartRecording: the call is already "
                    + (state == RecordingState.ENDED ? "over" : "recorded"));
        }
        state = state.moveTo(RecordingState.STARTING);
        pendingRequest = requestId;
        sides.watch(this).whenCompleteAsync(Continuations.logged("CallRecording.watch", (watching, error) -> {
            if (!Boolean.TRUE.equals(watching) && state == RecordingState.STARTING) {
                state = state.moveTo(RecordingState.ENDED);
                owner.forget(this);
                if (requestId != null) {
                    agent.desktop().refused(requestId, Refused.Why.RECORDING_FAILED,
                            "StartRecording: the call has ended");
                }
            }
        }), owner.dialer());
    }

    void pause(String requestId) {
        require(policy.agentPause(), "PauseRecording", "this campaign does not let agents pause recordings");
        require(state == RecordingState.RECORDING && recordingId != 0, "PauseRecording",
                "no recording is running (" + state.name().toLowerCase() + ")");
        media.pause();
        pausedSince = owner.now();
        state = state.moveTo(RecordingState.PAUSED);
        agent.desktop().recordingPaused(requestId, ix, recordingId);
    }

    void resume(String requestId) {
        require(policy.agentPause(), "ResumeRecording", "this campaign does not let agents pause recordings");
        require(state == RecordingState.PAUSED, "ResumeRecording", "the recording is not paused");
        media.resume();
        paused = paused.plus(Duration.between(pausedSince, owner.now()));
        pausedSince = null;
        state = state.moveTo(RecordingState.RECORDING);
        agent.desktop().recordingResumed(requestId, ix, recordingId);
    }

    void stop(String requestId) {
        require(policy.agentStop(), "StopRecording", "this campaign does not let agents stop recordings");
        require((state == RecordingState.RECORDING || state == RecordingState.PAUSED) && recordingId != 0,
                "StopRecording", "no recording is running");
        finish(RecordingState.IDLE, "STOPPED", requestId);
    }

    private static void require(boolean ok, String command, String why) {
        if (!ok) {
            throw new Refused(Refused.Why.RECORDING_NOT_ALLOWED, command + ": " + why);
        }
    }

    // ---- the call's media watch: call executor, hops to the dialer executor

    @Override
    public void bridged(Leg contact, boolean held) {
        onHold = held;
        owner.dialer().execute(() -> begin(contact));
    }

    @Override
    public void onHold(boolean held) {
        onHold = held;
        Recording current = media;
        if (current != null) {
            current.mute(held);
        }
    }

    @Override
    public void ended() {
        owner.dialer().execute(() -> {
            if (state == RecordingState.RECORDING || state == RecordingState.PAUSED) {
                finish(RecordingState.ENDED, "COMPLETED", null);
            } else if (state != RecordingState.ENDED) {
                state = state.moveTo(RecordingState.ENDED);
                owner.forget(this);
            }
        });
    }

    // ---- dialer executor

    private void begin(Leg contact) {
        if (state != RecordingState.STARTING) {
            return;
        }
        Instant now = owner.now();
        started++;
        Path file = owner.files().fileOf(ix.campaign(), now, ix.record().recordId(), ix.id(), agent.id(),
                ix.id() + "-" + started);
        RecordingOutput output = owner.writer().open(file, error -> owner.dialer().execute(() -> failed(error)));
        try {
            media = owner.media().record(contact.media(), output);
        } catch (RuntimeException e) {
            LOG.warn("interaction {}: recording could not start: {}", ix.id(), e.toString());
            output.discard();
            state = state.moveTo(RecordingState.IDLE);
            agent.desktop().refused(pendingRequest, Refused.Why.RECORDING_FAILED,
                    "the recording could not start: " + e.getMessage());
            return;
        }
        if (onHold) {
            media.mute(true);
        }
        state = state.moveTo(RecordingState.RECORDING);
        paused = Duration.ZERO;
        failure = null;
        owner.running(+1);
        Recording mine = media;
        String request = pendingRequest;
        owner.store(store -> store.recordings().started(ix.record().recordId(), ix.campaign(), ix.id(), agent.id(),
                file.toString(), now)).whenCompleteAsync(Continuations.logged("CallRecording.started", (id, error) -> {
                    if (error != null) {
                        LOG.error("interaction {}: the recording's row could not be stored; stopping it", ix.id(),
                                error);
                        mine.stop();
                        owner.running(-1);
                        if (media == mine) {
                            media = null;
                            state = state.moveTo(RecordingState.IDLE);
                        }
                        return;
                    }
                    recordingId = id;
                    LOG.info("interaction {}: recording {} to {}", ix.id(), id, file);
                    agent.desktop().recordingStarted(request, ix, id, policy.agentControl());
                    if (failure != null) {
                        finish(state == RecordingState.ENDED ? RecordingState.ENDED : RecordingState.IDLE,
                                "FAILED", null);
                    }
                }), owner.dialer());
    }

    /** The file could not be written: the call goes on, the recording ends as failed and the desktop is told. */
    private void failed(Throwable error) {
        LOG.warn("interaction {}: recording failed, the call goes on unrecorded: {}", ix.id(), error.toString());
        failure = error.getMessage() == null ? error.getClass().getSimpleName() : error.toString();
        if (recordingId != 0 && (state == RecordingState.RECORDING || state == RecordingState.PAUSED)) {
            finish(RecordingState.IDLE, "FAILED", null);
        }
    }

    /** Ends the current recording and moves to {@code next}; the row and the desktop learn how it ended. */
    private void finish(RecordingState next, String status, String requestId) {
        Recording ending = media;
        long id = recordingId;
        Instant now = owner.now();
        Duration pausedTotal = pausedSince == null ? paused : paused.plus(Duration.between(pausedSince, now));
        media = null;
        recordingId = 0;
        pausedSince = null;
        if (state != next) {
            state = state.moveTo(next);
        }
        if (next == RecordingState.ENDED) {
            owner.forget(this);
        }
        if (ending == null) {
            return;
        }
        ending.stop().whenComplete(Continuations.logged("CallRecording.stop", (summary, error) -> {
            owner.running(-1);
            RecordingSummary s = summary == null ? new RecordingSummary(0, 0, error) : summary;
            if (s.framesLost() > 0) {
                owner.framesLost(s.framesLost());
            }
            String finalStatus = s.failed() || failure != null ? "FAILED" : status;
            String reason = s.failed() ? String.valueOf(s.failure().getMessage()) : failure;
            owner.store(store -> {
                store.recordings().ended(id, finalStatus, now, s.duration().toMillis(), pausedTotal.toMillis(),
                        "FAILED".equals(finalStatus) ? reason : null);
                return null;
            }).whenCompleteAsync(Continuations.logged("CallRecording.ended", (ok, storeError) -> {
                if (storeError != null) {
                    LOG.error("recording {}: its end could not be stored", id, storeError);
                }
                agent.desktop().recordingStopped(requestId, ix, id, Desktop.RecordingEnd.valueOf(finalStatus),
                        "FAILED".equals(finalStatus) ? reason : null);
            }), owner.dialer());
        }));
    }
}
