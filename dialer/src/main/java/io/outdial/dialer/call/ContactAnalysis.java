package io.outdial.dialer.call;

import io.outdial.core.exec.Continuations;
import io.outdial.dialer.config.DetectionSettings;
import io.outdial.dialer.config.DetectionSettings.CallProgress;
import io.outdial.dialer.record.CallResult;
import io.outdial.media.MediaEngine;
import io.outdial.media.MediaTap;
import io.outdial.media.Playback;
import io.outdial.media.detect.AmdCause;
import io.outdial.media.detect.AmdOutcome;
import io.outdial.media.detect.AnsweringMachineDetector;
import io.outdial.media.detect.BeepDetector;
import io.outdial.media.detect.Detection;
import io.outdial.media.detect.FaxDetector;
import io.outdial.media.detect.FrameDetector;
import io.outdial.media.detect.SilenceDetector;
import io.outdial.media.detect.SitDetector;
import io.outdial.media.detect.VoiceActivitySettings;
import io.outdial.sip.Leg;
import io.outdial.core.exec.Cancellable;
import io.outdial.core.exec.CallExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Listens to one contact's audio and decides what the call becomes, per the campaign's {@link DetectionSettings}:
 * special information tones on early media and after the answer, then fax, silence and answering machines after the
 * answer. Runs on the call's executor; detections come from the media event loop and are handed over to it.
 *
 * <p>Stages: IDLE -> EARLY_MEDIA -> LISTENING -> (CLEARED | AWAITING_GREETING_END -> LEAVING_MESSAGE) -> DONE.
 * The agent may be connected once {@link Verdicts#cleared} has been called; from then on only tones, fax and silence
 * heard before the bridge can still release the call, and the bridge stops all listening.
 */
final class ContactAnalysis {
    private static final Logger LOG = LoggerFactory.getLogger(ContactAnalysis.class);
    /** After an undecided verdict, how long past the silence timeout the call waits for a silence verdict. */
    private static final Duration SILENCE_GRACE = Duration.ofMillis(300);

    /** What the analysis tells its call, on the call's executor. */
    interface Verdicts {
        /** The agent may be connected (a person, or a machine or unknown party the campaign connects). */
        void cleared(Detection.AmdDecision decision);

        /** The call is to be dropped with this result; {@code cause} is what was detected. */
        void release(CallResult result, Detection cause);

        /** A machine gets a message and no agent: the agent's leg may go now. */
        void agentNotNeeded();

        /** Every detection, for the metrics and the agent's view. */
        void detected(Detection detection);
    }

    private enum Stage { IDLE, EARLY_MEDIA, LISTENING, CLEARED, AWAITING_GREETING_END, LEAVING_MESSAGE, DONE }

    private final DetectionSettings settings;
    private final MediaEngine media;
    private final CallExecutor executor;
    private final Verdicts verdicts;
    private Stage stage = Stage.IDLE;
    private MediaTap tap;
    private Playback message;
    private Cancellable timer;
    private Leg contact;

    ContactAnalysis(DetectionSettings settings, MediaEngine media, CallExecutor executor, Verdicts verdicts) {
        this.settings = settings;
        this.media = media;
        this.executor = executor;
        this.verdicts = verdicts;
    }

    /** Whether the agent must wait for a verdict (answering machine detection is on). */
    boolean holdsTheAgent() {
        return settings.amd();
    }

    /** The contact sent early media (183 with SDP): listen for tones if the campaign does on dial. */
    void earlyMedia(Leg leg) {
        if (stage != Stage.IDLE || settings.callProgress() != CallProgress.ON_DIAL || leg.media() == null) {
            return;
        }
        contact = leg;
        stage = Stage.EARLY_MEDIA;
        listen(List.of(new SitDetector()));
    }

    /** The contact answered: listen for what the campaign wants, or clear the call at once. */
    void answered(Leg leg) {
        if (stage != Stage.IDLE && stage != Stage.EARLY_MEDIA) {
            return;
        }
        contact = leg;
        stopListening();
        stage = Stage.LISTENING;
        List<FrameDetector> detectors = new ArrayList<>();
        if (settings.callProgress() != CallProgress.OFF) {
            detectors.add(new SitDetector());
        }
        if (settings.fax()) {
            detectors.add(new FaxDetector());
        }
        if (!settings.silence().isZero()) {
            detectors.add(new SilenceDetector(settings.silence(), settings.amdSettings().voice()));
        }
        if (settings.amd()) {
            detectors.add(new AnsweringMachineDetector(settings.amdSettings()));
        }
        if (!detectors.isEmpty() && leg.media() != null) {
            listen(detectors);
        }
        if (!settings.amd()) {
            stage = Stage.CLEARED;
            verdicts.cleared(null);
        }
    }

    /** The agent is being bridged, or the call is ending: stop listening and playing. Idempotent. */
    void stop() {
        stopListening();
        if (message != null) {
            message.stop();
        }
        stage = Stage.DONE;
    }

    private void listen(List<FrameDetector> detectors) {
        tap = media.listen(contact.media(), detectors, d -> executor.execute(() -> onDetection(d)));
    }

    private void stopListening() {
        if (tap != null) {
            tap.stop();
            tap = null;
        }
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private void onDetection(Detection d) {
        if (stage == Stage.DONE || stage == Stage.IDLE || stage == Stage.LEAVING_MESSAGE) {
            return;
        }
        verdicts.detected(d);
        if (d instanceof Detection.SitDetected sit) {
            end(SitResults.of(sit.sitClass()), d);
        } else if (d instanceof Detection.FaxDetected) {
            end(CallResult.FAX, d);
        } else if (d instanceof Detection.SilenceDetected) {
            if (stage == Stage.AWAITING_GREETING_END) {
                leaveMessage();
            } else {
                end(CallResult.SILENCE, d);
            }
        } else if (d instanceof Detection.BeepDetected) {
            if (stage == Stage.AWAITING_GREETING_END) {
                leaveMessage();
            }
        } else if (d instanceof Detection.AmdDecision decision && stage == Stage.LISTENING) {
            onAmdDecision(decision);
        }
    }

    private void onAmdDecision(Detection.AmdDecision decision) {
        if (decision.outcome() == AmdOutcome.HUMAN) {
            clear(decision);
        } else if (decision.outcome() == AmdOutcome.MACHINE) {
            switch (settings.onMachine()) {
                case DROP -> end(CallResult.ANSWERING_MACHINE, decision);
                case CONNECT -> clear(decision);
                case MESSAGE -> awaitGreetingEnd(decision);
                default -> throw new IllegalStateException(settings.onMachine().name());
            }
        } else if (!settings.silence().isZero() && decision.at().compareTo(settings.silence()) < 0) {
            // Undecided: the silence detector may still find no one there; if not, the treatment applies then.
            Duration wait = settings.silence().minus(decision.at()).plus(SILENCE_GRACE);
            timer = executor.schedule(wait, () -> {
                timer = null;
                if (stage == Stage.LISTENING) {
                    notSure(decision);
                }
            });
        } else {
            notSure(decision);
        }
    }

    private void notSure(Detection.AmdDecision decision) {
        if (settings.onNotSure() == DetectionSettings.NotSureTreatment.CONNECT) {
            clear(decision);
        } else {
            end(CallResult.ANSWERING_MACHINE, decision);
        }
    }

    private void clear(Detection.AmdDecision decision) {
        stage = Stage.CLEARED;
        verdicts.cleared(decision);
    }

    private void end(CallResult result, Detection cause) {
        stop();
        verdicts.release(result, cause);
    }

    /** A machine: wait for its beep or the silence after its greeting, then leave the message. */
    private void awaitGreetingEnd(Detection.AmdDecision decision) {
        verdicts.agentNotNeeded();
        if (decision.cause() == AmdCause.BEEP) {
            stopListening();
            leaveMessage();
            return;
        }
        stopListening();
        stage = Stage.AWAITING_GREETING_END;
        VoiceActivitySettings voice = settings.amdSettings().voice();
        listen(List.of(new BeepDetector(), new SilenceDetector(settings.greetingEndSilence(), voice)));
        timer = executor.schedule(settings.greetingWaitLimit(), () -> {
            timer = null;
            if (stage == Stage.AWAITING_GREETING_END) {
                LOG.info("{}: no end of greeting within {}, leaving the message now", contact.callId(),
                        settings.greetingWaitLimit());
                leaveMessage();
            }
        });
    }

    private void leaveMessage() {
        stopListening();
        stage = Stage.LEAVING_MESSAGE;
        message = media.play(contact.media(), settings.machineMessage(), false);
        message.finished().whenComplete(Continuations.logged("ContactAnalysis.messageLeft",
                (ok, error) -> executor.execute(() -> {
            if (stage == Stage.LEAVING_MESSAGE) {
                stage = Stage.DONE;
                verdicts.release(CallResult.ANSWERING_MACHINE, null);
            }
        })));
    }
}
