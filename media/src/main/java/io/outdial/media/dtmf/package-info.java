/**
 * DTMF sent as RFC 4733 telephone-events: {@link io.outdial.media.dtmf.DtmfDigits} maps the sixteen keys to event
 * codes, {@link io.outdial.media.dtmf.TelephoneEventPacket} writes one event packet, and
 * {@link io.outdial.media.dtmf.DtmfSender} plays queued digits to one endpoint's peer (an update every 20 ms, three
 * end packets, a gap between digits) through that endpoint's {@link io.outdial.media.dtmf.EventStream}, on its event
 * loop, reusing one buffer. Relaying events a phone sends is the relay's business ({@code media.relay}).
 */
package io.outdial.media.dtmf;
