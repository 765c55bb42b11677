package io.outdial.bridge.auth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHashesTest {

    @Test
    void aHashMatchesItsPasswordOnlyAndIsSaltedEachTime() {
        String hash = PasswordHashes.hash("correct horse", PasswordHashes.MIN_COST);
        assertTrue(PasswordHashes.isHash(hash));
        assertTrue(PasswordHashes.matches("correct horse", hash));
        assertFalse(PasswordHashes.matches("correct horse ", hash));
        assertFalse(PasswordHashes.matches(null, hash));
        assertNotEquals(hash, PasswordHashes.hash("correct horse", PasswordHashes.MIN_COST));
    }

    @Test
    void anUnknownAccountOrAnOverlongPasswordNeverMatches() {
        assertFalse(PasswordHashes.matches("anything", null));
        assertFalse(PasswordHashes.matches("anything", "plain-text-is-not-a-hash"));
        String hash = PasswordHashes.hash("x".repeat(72), PasswordHashes.MIN_COST);
        assertTrue(PasswordHashes.matches("x".repeat(72), hash));
        assertFalse(PasswordHashes.matches("x".repeat(73), hash), "bcrypt would ignore the 73rd byte");
        assertThrows(IllegalArgumentException.class, () -> PasswordHashes.hash("é".repeat(40)));
    }

    @Test
    void tokensAreKeptAsTheirSha256AndFoundByValue() {
        String token = ApiTokens.generate();
        assertTrue(token.startsWith(ApiTokens.PREFIX));
        ApiTokens tokens = new ApiTokens(java.util.List.of(
                new ApiTokens.Token("ci", Role.SUPERVISOR, ApiTokens.sha256(token))));
        assertTrue(tokens.find(token).isPresent());
        assertFalse(tokens.find(token + "x").isPresent());
        assertFalse(tokens.find(ApiTokens.sha256(token)).isPresent(), "the stored hash is no token");
    }
}
