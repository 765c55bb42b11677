package io.outdial.sip.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.outdial.sip.auth.DigestServer.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class DigestServerTest {
    private final AtomicLong now = new AtomicLong(1_000_000);
    private final NonceMint mint = new NonceMint(Duration.ofSeconds(60), 100, now::get);
    private final Map<String, String> passwords = Map.of("agent1", "s3cret");
    private final SipAccounts accounts = (user, alg) -> Optional.ofNullable(passwords.get(user))
            .map(p -> alg.ha1(user, "outdial", p));
    private final DigestServer server = new DigestServer("outdial", mint, accounts);

    private String answer(String challengeHeader, String user, String password, long nc) throws Exception {
        DigestChallenge c = DigestChallenge.parse(challengeHeader);
        return new DigestClient(user, password, null).answer(c, "REGISTER", "sip:outdial", nc).toHeaderValue();
    }

    @Test
    void challengesOfferSha256ThenMd5WithQopAuth() throws Exception {
        List<String> challenges = server.challenges(false);
        assertEquals(2, challenges.size());
        DigestChallenge first = DigestChallenge.parse(challenges.get(0));
        DigestChallenge second = DigestChallenge.parse(challenges.get(1));
        assertEquals("SHA-256", first.algorithmName());
        assertEquals("MD5", second.algorithmName());
        assertTrue(first.qopAuth() && second.qopAuth());
        assertNotEquals(first.nonce(), second.nonce());
        assertTrue(DigestChallenge.parse(server.challenges(true).get(0)).stale());
    }

    @Test
    void acceptsBothAlgorithms() throws Exception {
        for (String challenge : server.challenges(false)) {
            DigestServer.Verdict v = server.verify("REGISTER", List.of(answer(challenge, "agent1", "s3cret", 1)));
            assertEquals(Outcome.ACCEPTED, v.outcome(), v.reason());
            assertEquals("agent1", v.user());
        }
    }

    @Test
    void unknownUserAndWrongPasswordLookAlike() throws Exception {
        String challenge = server.challenges(false).get(0);
        DigestServer.Verdict wrong = server.verify("REGISTER", List.of(answer(challenge, "agent1", "guess", 1)));
        DigestServer.Verdict unknown = server.verify("REGISTER", List.of(answer(challenge, "nobody", "s3cret", 1)));
        assertEquals(Outcome.REFUSED, wrong.outcome());
        assertEquals(wrong.outcome(), unknown.outcome());
        assertEquals(wrong.reason(), unknown.reason());
    }

    @Test
    void aReplayedNonceCountIsRefusedAndAHigherOneAccepted() throws Exception {
        String challenge = server.challenges(false).get(1);
        String first = answer(challenge, "agent1", "s3cret", 1);
        assertEquals(Outcome.ACCEPTED, server.verify("REGISTER", List.of(first)).outcome());
        assertEquals(Outcome.REFUSED, server.verify("REGISTER", List.of(first)).outcome());
        assertEquals(Outcome.ACCEPTED,
                server.verify("REGISTER", List.of(answer(challenge, "agent1", "s3cret", 2))).outcome());
        assertEquals(Outcome.REFUSED,
                server.verify("REGISTER", List.of(answer(challenge, "agent1", "s3cret", 2))).outcome());
    }

    @Test
    void anExpiredNonceIsStaleOnlyWithTheRightPassword() throws Exception {
        String challenge = server.challenges(false).get(0);
        now.addAndGet(61_000);
        assertEquals(Outcome.STALE,
                server.verify("REGISTER", List.of(answer(challenge, "agent1", "s3cret", 1))).outcome());
        assertEquals(Outcome.REFUSED,
                server.verify("REGISTER", List.of(answer(challenge, "agent1", "nope", 1))).outcome());
    }

    @Test
    void aForgedNonceIsRefused() throws Exception {
        String forged = new DigestChallenge("outdial", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", null, "MD5", true,
                false).toHeaderValue();
        assertEquals(Outcome.REFUSED,
                server.verify("REGISTER", List.of(answer(forged, "agent1", "s3cret", 1))).outcome());
        String notBase64 = new DigestChallenge("outdial", "%%%", null, "MD5", true, false).toHeaderValue();
        assertEquals(Outcome.REFUSED,
                server.verify("REGISTER", List.of(answer(notBase64, "agent1", "s3cret", 1))).outcome());
    }

    @Test
    void noCredentialsOrOtherRealmChallengesAndGarbageIsMalformed() throws Exception {
        assertEquals(Outcome.CHALLENGE, server.verify("REGISTER", List.of()).outcome());
        String other = new DigestChallenge("elsewhere", mint.mint(), null, "MD5", true, false).toHeaderValue();
        assertEquals(Outcome.CHALLENGE,
                server.verify("REGISTER", List.of(answer(other, "agent1", "s3cret", 1))).outcome());
        assertEquals(Outcome.MALFORMED, server.verify("REGISTER", List.of("Digest username=")).outcome());
        assertEquals(Outcome.MALFORMED, server.verify("REGISTER", List.of("digest username=")).outcome());
    }

    @Test
    void credentialsInAnUnknownSchemeAreIgnoredAndChallenged() {
        assertEquals(Outcome.CHALLENGE,
                server.verify("REGISTER", List.of("NoOneKnowsThisScheme opaque-data=here")).outcome());
        assertEquals(Outcome.CHALLENGE, server.verify("REGISTER", List.of("Digestive username=x")).outcome());
    }

    @Test
    void credentialsWithoutQopAreADowngradeAndRefused() throws Exception {
        DigestChallenge c = DigestChallenge.parse(server.challenges(false).get(1));
        DigestChallenge noQop = new DigestChallenge(c.realm(), c.nonce(), null, c.algorithmName(), false, false);
        String header = new DigestClient("agent1", "s3cret", null).answer(noQop, "REGISTER", "sip:outdial", 1)
                .toHeaderValue();
        assertEquals(Outcome.REFUSED, server.verify("REGISTER", List.of(header)).outcome());
    }

    @Test
    void theNonceTableIsBounded() {
        NonceMint small = new NonceMint(Duration.ofSeconds(60), 3, now::get);
        String oldest = small.mint();
        for (int i = 0; i < 5; i++) {
            small.mint();
        }
        assertEquals(3, small.tracked());
        assertEquals(NonceMint.Check.STALE, small.use(oldest, 1));
    }

    @Test
    void failedAttemptsSlowASourceDownAndAreForgotten() {
        FailedAttempts f = new FailedAttempts(Duration.ofMinutes(5), Duration.ofSeconds(4), 2, now::get);
        for (int i = 0; i < FailedAttempts.FREE; i++) {
            assertEquals(Duration.ZERO, f.failed("10.0.0.1"));
        }
        assertEquals(Duration.ofMillis(250), f.failed("10.0.0.1"));
        assertEquals(Duration.ofMillis(500), f.failed("10.0.0.1"));
        for (int i = 0; i < 10; i++) {
            f.failed("10.0.0.1");
        }
        assertEquals(Duration.ofSeconds(4), f.failed("10.0.0.1"));
        assertEquals(Duration.ZERO, f.failed("10.0.0.2"));
        now.addAndGet(Duration.ofMinutes(6).toMillis());
        assertEquals(0, f.failures("10.0.0.1"));
        f.failed("10.0.0.3");
        f.failed("10.0.0.4");
        f.failed("10.0.0.5");
        assertEquals(0, f.failures("10.0.0.3"), "bounded: the least recent source is dropped");
        f.succeeded("10.0.0.5");
        assertEquals(0, f.failures("10.0.0.5"));
    }
}
