package io.outdial.bridge.auth;

import java.time.Instant;

/**
 * One supervisor or admin action, as the audit log keeps it.
 *
 * @param at     when it was answered
 * @param actor  user or token name ({@code anonymous} for a failed login)
 * @param role   the actor's role, or null when unknown (failed login)
 * @param action what was asked: {@code POST /api/campaigns/sample/start}, {@code login}, {@code logout}
 * @param status the HTTP status of the answer (a login failure is 401)
 * @param source the address it came from
 */
public record AuditEntry(Instant at, String actor, Role role, String action, int status, String source) {
}
