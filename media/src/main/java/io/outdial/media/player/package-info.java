/**
 * Prompts and music: a {@link io.outdial.media.player.MediaClip} is a recording decoded once (by
 * {@link io.outdial.media.player.WavDecoder}) into shared 20 ms frames already encoded as PCMU and PCMA, and a
 * {@link io.outdial.media.player.ClipPlayer} sends it to a {@link io.outdial.media.player.FrameSink} paced by a
 * {@link io.outdial.media.player.PlayoutClock}: an event loop in production, a virtual clock in tests. Frames are due
 * at start + n * 20 ms, so late timers never make the stream drift.
 */
package io.outdial.media.player;
