/**
 * SIP digest authentication (RFC 3261 22, RFC 7616 hashing, RFC 8760 algorithms): parsing and building the
 * challenge and credential headers, computing responses with MD5 or SHA-256, minting and checking nonces (signed, so
 * no state is kept per challenge; stale once expired; each nonce-count accepted once), the server side that verifies
 * a request against stored HA1s, the client side that answers a trunk's challenge, and the per-source penalty for
 * failed attempts. Pure: no SIP stack types, clocks injected.
 */
package io.outdial.sip.auth;
