/**
 * Voice recording of campaign calls: each campaign's policy (every connected call, none, on the agent's demand),
 * the files (name pattern, retention), the recordings of a call from bridge to hang-up (pause, resume, stop, a
 * failed disk) and their rows in the store. The audio itself is recorded by {@code io.outdial.media.record}.
 */
package io.outdial.dialer.recording;
