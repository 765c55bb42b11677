package io.outdial.sip.ua;

import io.outdial.media.MediaEngine;
import javax.sip.SipProvider;

/**
 * What every leg of one user agent shares: the SIP provider, message building, media, the leg registry, and the RTP
 * silence after which an answered leg is taken as gone (zero: never).
 */
record LegContext(SipProvider provider, SipMessages messages, MediaEngine media, LegRegistry registry,
                  java.time.Duration rtpInactivity) {
}
