/**
 * The built-in registrar's bindings: who is registered, at which Contact, from which source address (the address
 * calls are sent to behind NAT, RFC 3581), until when; the registrar's settings; and the read side the dialer uses to
 * find an agent's phone. The SIP handling of REGISTER itself lives in {@code io.outdial.sip.ua.RegisterRequests}.
 */
package io.outdial.sip.registrar;
