/**
 * Voice recording of campaign calls: each campaign's policy (every connected call, none, on the agent's demand),
 * the files (name pattern, retention), the recordings of a call from bridge to hang-up (pause, resume, stop, a
 * failed disk) and their rows in the store. The audio itself is recorded by {@code io.outdial.media.record}.
 *
 * <p>What a file holds is the contact's conversation: the contact on the left, what the contact hears on the right
 * (the agent, a transfer's target, a conference's mix). Whenever the contact is on hold, which includes the whole of
 * a consultation and the dialing of a conference's target, both channels are silence: the hold music is not
 * recorded, nor is the consultation the contact does not hear (docs/cti-protocol.md, StartRecording).
 */
package io.outdial.dialer.recording;
