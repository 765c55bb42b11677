/**
 * SIP over TLS: the gateway's certificate and the peers it trusts ({@link io.outdial.sip.tls.TlsConfig}), loaded from
 * PKCS#12 or PEM files into a JSSE context ({@link io.outdial.sip.tls.TlsContexts}), and the JAIN-SIP network layer
 * that opens the TLS sockets with it ({@link io.outdial.sip.tls.TlsNetworkLayer}). JSSE does every cipher; this
 * package only chooses keys, trust and how a peer's name is checked (ADR 0014).
 */
package io.outdial.sip.tls;
