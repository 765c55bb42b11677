/**
 * Listening to and speaking on a live endpoint: {@link io.outdial.media.analysis.DetectorTap} decodes what an
 * endpoint receives into reused 160-sample frames for the {@code detect} detectors (filling silence from a watchdog
 * when packets stop), and {@link io.outdial.media.analysis.ClipPlayback} plays a clip to the endpoint's peer in its
 * negotiated codec. Both run on the endpoint's event loop and must not block; detections are handed to the caller's
 * listener there.
 */
package io.outdial.media.analysis;
