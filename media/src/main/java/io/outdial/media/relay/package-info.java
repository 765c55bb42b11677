/**
 * The zero-allocation RTP relay of a bridged call: an {@link io.outdial.media.relay.EndpointRelay} attaches one
 * {@link io.outdial.media.relay.RelayDirection} as each endpoint's sink, which rewrites each packet in place with an
 * immutable {@link io.outdial.media.relay.PayloadMapping} (payload type, PCMU/PCMA transcoding, telephone-event) and
 * sends its own pooled buffer out of the other endpoint. Runs on the receiving endpoint's event loop; nothing is
 * allocated per packet.
 */
package io.outdial.media.relay;
