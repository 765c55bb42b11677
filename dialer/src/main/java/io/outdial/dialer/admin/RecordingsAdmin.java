package io.outdial.dialer.admin;

import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.AdminException;
import io.outdial.dialer.campaign.Campaigns;
import io.outdial.core.exec.CallExecutor;
import io.outdial.core.exec.Scheduler;
import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.StoreAccess;
import io.outdial.dialer.recording.CallRecordings;
import io.outdial.dialer.responses.ResponseUpload;
import io.outdial.dialer.responses.StandardResponses;
import io.outdial.dialer.store.RecordingLog;
import io.outdial.dialer.store.StandardResponse;
import io.outdial.dialer.store.StoredRecording;
import io.outdial.bridge.admin.ByteRange;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The admin API of the interaction view's tools: supervisors list, play and download a record's recordings (each
 * playback and download audited first) and manage each campaign's standard responses. Store work on the
 * database pool.
 */
public final class RecordingsAdmin {
    /** The most served in one answer (about 50 minutes of stereo audio at 32 kB/s); a range may ask for less. */
    static final long MAX_AUDIO_BYTES = 100L * 1024 * 1024;

    private final CallExecutor dialer;
    private final Scheduler clock;
    private final StoreAccess store;
    private final CallRecordings recordings;
    private final StandardResponses responses;
    private final Campaigns campaigns;

    /**
     * @param dialer the dialer executor, which campaigns are looked up on
     * @param clock  the dialer's clock, which dates each audited access
     */
    public RecordingsAdmin(CallExecutor dialer, Scheduler clock, StoreAccess store, CallRecordings recordings,
                           StandardResponses responses, Campaigns campaigns) {
        this.dialer = dialer;
        this.clock = clock;
        this.store = store;
        this.recordings = recordings;
        this.responses = responses;
        this.campaigns = campaigns;
    }

    CompletableFuture<Object> ofRecord(long recordId) {
        return store.query(db -> {
            List<Object> out = new ArrayList<>();
            for (StoredRecording r : db.recordings().ofRecord(recordId)) {
                out.add(view(r));
            }
            return out;
        });
    }

    CompletableFuture<Object> recording(long recordingId) {
        return store.query(db -> {
            Map<String, Object> m = view(found(db, recordingId));
            List<Object> accesses = new ArrayList<>();
            for (RecordingLog.Access a : db.recordings().accesses(recordingId)) {
                Map<String, Object> e = new LinkedHashMap<>();
                e.put("action", a.action());
                e.put("requester", a.requester());
                e.put("at", a.at().toString());
                accesses.add(e);
            }
            m.put("accesses", accesses);
            return m;
        });
    }

    /**
     * The recording's WAV, whole ({@code range} null) or the slice a player asked for. The range is checked against
     * the file before the audit, so a 416 gives nothing and audits nothing; every answer that gives audio (200 or
     * 206) is audited first.
     */
    CompletableFuture<AdminApi.RecordingAudio> audio(long recordingId, String action, String requester,
                                                     ByteRange range) {
        return store.query(db -> {
            StoredRecording r = found(db, recordingId);
            switch (r.status()) {
                case "RECORDING" -> throw new AdminException(409, "recording " + recordingId + " is still being"
                        + " recorded");
                case "DELETED" -> throw new AdminException(410, "recording " + recordingId + " was deleted by the"
                        + " retention rule");
                case "FAILED" -> throw new AdminException(409, "recording " + recordingId + " failed ("
                        + r.error() + "): it has no whole file");
                default -> { }
            }
            Path file = Path.of(r.path());
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long length = channel.size();
                ByteRange.Slice slice = range == null ? new ByteRange.Slice(0, length - 1, length)
                        : range.resolve(length);
                if (slice.size() > MAX_AUDIO_BYTES) {
                    throw new AdminException(413, "recording " + recordingId + " is larger than "
                            + MAX_AUDIO_BYTES + " bytes; ask for a byte range or fetch it from the recordings"
                            + " directory");
                }
                // Audited before the audio leaves: an access that could not be audited is not given.
                db.recordings().accessed(recordingId, action, requester, clock.now());
                return new AdminApi.RecordingAudio(read(channel, slice), "recording-" + recordingId + ".wav", slice);
            } catch (NoSuchFileException e) {
                throw new AdminException(404, "the file of recording " + recordingId + " is missing: " + file);
            } catch (IOException e) {
                throw new CompletionException(e);
            }
        });
    }

    /** The bytes of {@code slice}, read at their position. */
    private static byte[] read(FileChannel channel, ByteRange.Slice slice) throws IOException {
        ByteBuffer into = ByteBuffer.allocate(Math.toIntExact(Math.max(0, slice.size())));
        long at = slice.from();
        while (into.hasRemaining()) {
            int n = channel.read(into, at);
            if (n < 0) {
                throw new IOException("the file ended at byte " + at + " of " + slice.length());
            }
            at += n;
        }
        return into.array();
    }

    CompletableFuture<Object> responses(String campaign, String query) {
        return knownCampaign(campaign).thenCompose(c -> responses.search(campaign, query))
                .thenApply(list -> list.stream().map(RecordingsAdmin::view).toList());
    }

    CompletableFuture<Object> upload(String campaign, String body) {
        return knownCampaign(campaign).thenCompose(c -> {
            ResponseUpload upload;
            try {
                upload = ResponseUpload.read(body);
            } catch (IllegalArgumentException e) {
                throw new AdminException(400, e.getMessage());
            }
            return responses.upload(campaign, upload);
        }).thenApply(report -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("added", report.added());
            m.put("replaced", report.replaced());
            m.put("rejected", report.rejected().stream()
                    .map(r -> Map.<String, Object>of("row", r.row(), "reason", r.reason())).toList());
            return m;
        });
    }

    CompletableFuture<Object> remove(String campaign, long responseId) {
        return knownCampaign(campaign).thenCompose(c -> responses.remove(campaign, responseId)).thenApply(gone -> {
            if (!gone) {
                throw new AdminException(404, "campaign " + campaign + " has no response " + responseId);
            }
            return null;
        });
    }

    private CompletableFuture<Object> knownCampaign(String campaign) {
        return CompletableFuture.supplyAsync(() -> (Object) campaigns.find(campaign)
                .orElseThrow(() -> new AdminException(404, "no campaign named '" + campaign + "'")), dialer);
    }

    private static StoredRecording found(CallingListStore db, long recordingId) {
        return db.recordings().find(recordingId)
                .orElseThrow(() -> new AdminException(404, "no recording " + recordingId));
    }

    private static Map<String, Object> view(StoredRecording r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recordingId", r.recordingId());
        m.put("recordId", r.recordId());
        m.put("campaign", r.campaign());
        m.put("interactionId", r.interactionId());
        m.put("agentId", r.agentId());
        m.put("status", r.status());
        m.put("startedAt", r.startedAt().toString());
        m.put("endedAt", r.endedAt() == null ? null : r.endedAt().toString());
        m.put("durationMs", r.durationMs());
        m.put("pausedMs", r.pausedMs());
        m.put("error", r.error());
        m.put("audio", "/api/recordings/" + r.recordingId() + "/audio");
        return m;
    }

    private static Map<String, Object> view(StandardResponse r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", r.responseId());
        m.put("title", r.title());
        m.put("text", r.text());
        m.put("tags", r.tags());
        return m;
    }
}
