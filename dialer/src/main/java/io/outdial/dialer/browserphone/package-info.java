/**
 * The agent's browser as its phone (issue 17, ADR 0017): a persistent WebRTC media session per agent, opened by the
 * desktop's CTI {@code PhoneOffer} after a Login with {@code phone: "browser"} and kept up for the whole login
 * ({@link io.outdial.dialer.browserphone.BrowserPhones}); each campaign call to that agent gets a
 * {@link io.outdial.dialer.browserphone.BrowserLeg} over the session's endpoint that answers at once, dialed and
 * bridged through {@link io.outdial.dialer.browserphone.BrowserPhoneUserAgent} like a SIP phone's leg, so every
 * dialing mode, music, hold and transfer work unchanged. A lost session ends its call as a phone hang-up does.
 */
package io.outdial.dialer.browserphone;
