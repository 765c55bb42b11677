package io.outdial.dialer.agent;

import java.time.Duration;

/**
 * A configured agent.
 *
 * @param phone     the phone calls go to unless the desktop logs in with another
 * @param autoReady a phone-only agent: logged in and Ready at start-up, its interactions marked done by the gateway
 * @param wrapUp    after-call work the gateway waits before marking a phone-only agent's interaction done
 */
public record AgentProfile(String id, String secret, String phone, boolean autoReady, Duration wrapUp) {
}
