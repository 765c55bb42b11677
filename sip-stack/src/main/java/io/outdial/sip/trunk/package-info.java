/**
 * The gateway's registration with its SIP trunk (REGISTER to the provider, RFC 3261 10): what to register
 * ({@link io.outdial.sip.trunk.TrunkRegistrationConfig}), the life of a registration
 * ({@link io.outdial.sip.trunk.TrunkRegistrationState}), when to refresh and when to try again
 * ({@link io.outdial.sip.trunk.RegistrationSchedule}), and what the dialer and the admin API read of it
 * ({@link io.outdial.sip.trunk.TrunkRegistration}, {@link io.outdial.sip.trunk.TrunkRegistrationStatus}). The SIP
 * exchange itself lives in the user agent.
 */
package io.outdial.sip.trunk;
