/**
 * Call recording: a stereo recorder that listens to one RTP endpoint from its event loop (what the endpoint
 * receives on the left channel, what it sends on the right) and hands whole chunks of 16-bit PCM, taken from a
 * bounded pool, to a writer that turns them into WAV files on a worker pool. Nothing is allocated per packet and
 * nothing blocks the event loop; when the pool runs dry, audio is lost and counted rather than waited for.
 */
package io.outdial.media.record;
