/**
 * Who may do what over HTTP and CTI: roles, bcrypt password hashes, hashed API tokens, browser sessions with their
 * CSRF tokens, login throttling, and the audit trail of supervisor and admin actions. The router asks the
 * {@link io.outdial.bridge.auth.Gatekeeper} once per request; nothing else decides access.
 */
package io.outdial.bridge.auth;
