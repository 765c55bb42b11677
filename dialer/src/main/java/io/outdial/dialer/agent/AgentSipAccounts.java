package io.outdial.dialer.agent;

import io.outdial.sip.auth.DigestAlgorithm;
import io.outdial.sip.auth.SipAccounts;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Agents' SIP passwords, as the registrar checks them: only the HA1 of each algorithm for the registrar's realm is
 * kept, never the password. Set from configuration at start-up and by the admin API; thread-safe (the registrar
 * reads it on SIP worker threads).
 */
public final class AgentSipAccounts implements SipAccounts {
    private final String realm;
    private final ConcurrentHashMap<String, Map<DigestAlgorithm, String>> ha1ByAgent = new ConcurrentHashMap<>();

    public AgentSipAccounts(String realm) {
        this.realm = realm;
    }

    /** Sets (or with null removes) {@code agentId}'s SIP password. */
    public void password(String agentId, String password) {
        if (password == null) {
            ha1ByAgent.remove(agentId);
            return;
        }
        Map<DigestAlgorithm, String> ha1 = new EnumMap<>(DigestAlgorithm.class);
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            ha1.put(a, a.ha1(agentId, realm, password));
        }
        ha1ByAgent.put(agentId, Map.copyOf(ha1));
    }

    /** The realm the HA1s are for. */
    public String realm() {
        return realm;
    }

    /** {@code agentId}'s HA1 by algorithm (to store), or null when it has no SIP password. */
    public Map<DigestAlgorithm, String> ha1s(String agentId) {
        return ha1ByAgent.get(agentId);
    }

    /** Sets {@code agentId}'s password from its stored HA1s (every algorithm must be there), replacing any. */
    public void restore(String agentId, Map<DigestAlgorithm, String> ha1) {
        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            if (ha1.get(a) == null) {
                throw new IllegalArgumentException("stored SIP password of " + agentId + " has no " + a + " HA1");
            }
        }
        ha1ByAgent.put(agentId, Map.copyOf(ha1));
    }

    /** True if {@code agentId} has a SIP password. */
    public boolean has(String agentId) {
        return ha1ByAgent.containsKey(agentId);
    }

    @Override
    public Optional<String> ha1(String user, DigestAlgorithm algorithm) {
        Map<DigestAlgorithm, String> ha1 = ha1ByAgent.get(user);
        return ha1 == null ? Optional.empty() : Optional.ofNullable(ha1.get(algorithm));
    }

    @Override
    public String toString() {
        return "AgentSipAccounts[realm=" + realm + ", agents=" + ha1ByAgent.size() + "]";
    }
}
