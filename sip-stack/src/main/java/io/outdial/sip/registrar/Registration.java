package io.outdial.sip.registrar;

import java.time.Instant;

/**
 * One user's current binding.
 *
 * @param user       the address-of-record's user part (the agent id)
 * @param contact    the Contact URI as the phone registered it
 * @param dialUri    where calls to the user go: the Contact, or behind NAT the Contact with the source address and
 *                   port the REGISTER came from
 * @param source     {@code host:port} the REGISTER came from
 * @param transport  transport it came over (udp, tcp)
 * @param natted     true if the Contact's address differs from the source
 * @param registered when this binding was first made
 * @param expires    when it lapses unless refreshed
 * @param userAgent  the phone's User-Agent header, or null
 * @param callId     Call-ID of the registering dialog
 * @param cseq       CSeq of the last REGISTER applied
 */
public record Registration(String user, String contact, String dialUri, String source, String transport,
                           boolean natted, Instant registered, Instant expires, String userAgent, String callId,
                           long cseq) {
}
