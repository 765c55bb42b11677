/**
 * Three-way conference audio: {@link io.outdial.media.mix.ConferenceMixer} sums the other participants' decoded
 * frames for each participant on every 20 ms tick, and {@link io.outdial.media.mix.MixedConference} runs it on RTP
 * endpoints, ticking on one event loop's {@code PlayoutClock} from the start time so the stream never drifts. No
 * thread of its own and no blocking; packets sent are pooled buffers.
 */
package io.outdial.media.mix;
