package io.outdial.dialer.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.dialer.agent.AgentSipAccounts;
import io.outdial.sip.auth.DigestAlgorithm;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SipPasswordStoreTest {
    private final CallingListStore store = InMemoryStore.open();

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aPasswordSetAtRunTimeComesBackAsTheSameHa1sAfterARestart() {
        AgentSipAccounts before = new AgentSipAccounts("outdial");
        before.password("ann", "new-secret-1");
        store.sipPasswords().put("ann", "outdial", before.ha1s("ann"));

        AgentSipAccounts after = new AgentSipAccounts("outdial");
        after.password("ann", "configured-one");
        store.sipPasswords().all("outdial").forEach(after::restore);

        for (DigestAlgorithm a : DigestAlgorithm.values()) {
            assertEquals(before.ha1("ann", a), after.ha1("ann", a), a.name());
            assertEquals(a.ha1("ann", "outdial", "new-secret-1"), after.ha1("ann", a).orElseThrow());
        }
    }

    @Test
    void onlyHa1sForTheRealmAreStoredAndAnotherRealmsAreNotUsed() {
        AgentSipAccounts accounts = new AgentSipAccounts("outdial");
        accounts.password("bob", "bob-secret-1");
        store.sipPasswords().put("bob", "outdial", accounts.ha1s("bob"));

        assertEquals(Map.of(), store.sipPasswords().all("other-realm"));
        Map<DigestAlgorithm, String> stored = store.sipPasswords().all("outdial").get("bob");
        assertFalse(stored.containsValue("bob-secret-1"), "never the password itself");
        assertEquals(32, stored.get(DigestAlgorithm.MD5).length());
        assertEquals(64, stored.get(DigestAlgorithm.SHA_256).length());
    }

    @Test
    void aNewPasswordReplacesTheOldAndRemovalForgetsIt() {
        AgentSipAccounts accounts = new AgentSipAccounts("outdial");
        accounts.password("cy", "first-secret");
        store.sipPasswords().put("cy", "outdial", accounts.ha1s("cy"));
        accounts.password("cy", "second-secret");
        store.sipPasswords().put("cy", "outdial", accounts.ha1s("cy"));
        assertEquals(accounts.ha1s("cy"), store.sipPasswords().all("outdial").get("cy"));

        store.sipPasswords().remove("cy");
        assertTrue(store.sipPasswords().all("outdial").isEmpty());
    }
}
