/**
 * Call-progress detectors as plug-ins: each is a {@link io.outdial.media.detect.FrameDetector}, a small state machine
 * fed one 20 ms frame of 8 kHz PCM at a time that reports one {@link io.outdial.media.detect.Detection} in media time
 * (answering machine, beep, fax tone, special information tone, silence), with its thresholds in a settings record.
 * Detectors allocate nothing per frame and are single-threaded (one stream, one thread). The package is pure signal
 * processing: it imports no Netty, no RTP and no other media package, so detectors are tested on sample arrays.
 */
package io.outdial.media.detect;
