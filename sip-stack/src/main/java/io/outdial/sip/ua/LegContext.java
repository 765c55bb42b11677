package io.outdial.sip.ua;

import io.outdial.media.MediaEngine;
import javax.sip.SipProvider;

/** What every leg of one user agent shares: the SIP provider, message building, media, and the leg registry. */
record LegContext(SipProvider provider, SipMessages messages, MediaEngine media, LegRegistry registry) {
}
