/**
 * The dialer's side of the bridge's security: audit entries written to the store (off the event loop), login
 * failures logged (never with a password) and counted.
 */
package io.outdial.dialer.security;
