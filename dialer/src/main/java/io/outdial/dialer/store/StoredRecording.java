package io.outdial.dialer.store;

import java.time.Instant;

/**
 * A recording's row (V9 {@code recording}).
 *
 * @param status     RECORDING, STOPPED, COMPLETED, FAILED or DELETED (see {@code io.outdial.dialer.recording})
 * @param durationMs length of the file's audio, null while recording
 * @param pausedMs   how much of it is paused silence, null while recording
 */
public record StoredRecording(long recordingId, long recordId, String campaign, String interactionId,
                              String agentId, String path, String status, Instant startedAt, Instant endedAt,
                              Long durationMs, Long pausedMs, String error) {
}
