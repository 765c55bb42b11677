package io.outdial.sip.auth;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Mints and checks server nonces. A nonce is its issue time and 8 random bytes, signed with HMAC-SHA256 under a key
 * drawn at start-up: checking one needs no table of issued nonces, a forged or altered one fails the signature, and
 * one older than the lifetime is stale (the client retries with a fresh one without asking its user). Replay: each
 * nonce's nonce-counts must rise; the highest seen is kept per nonce for its lifetime, in a table bounded by
 * {@code maxTracked} (the oldest dropped first, and a nonce no longer tracked is treated as stale, never accepted).
 * Thread-safe.
 */
public final class NonceMint {
    /** What a presented nonce is. */
    public enum Check { FRESH, STALE, REPLAYED, FORGED }

    private static final int BODY = 16;

    private final LongSupplier clockMillis;
    private final long lifetimeMillis;
    private final int maxTracked;
    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();
    /** nonce -> highest nonce-count accepted; insertion order = issue order. Guarded by itself. */
    private final LinkedHashMap<String, Long> counts;

    public NonceMint(Duration lifetime, int maxTracked, LongSupplier clockMillis) {
        if (lifetime.isNegative() || lifetime.isZero() || maxTracked < 1) {
            throw new IllegalArgumentException("nonce lifetime and table size must be positive");
        }
        this.clockMillis = clockMillis;
        this.lifetimeMillis = lifetime.toMillis();
        this.maxTracked = maxTracked;
        byte[] k = new byte[32];
        random.nextBytes(k);
        this.key = new SecretKeySpec(k, "HmacSHA256");
        this.counts = new LinkedHashMap<>(64, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > NonceMint.this.maxTracked;
            }
        };
    }

    /** A new nonce, tracked from now. */
    public String mint() {
        ByteBuffer body = ByteBuffer.allocate(BODY);
        body.putLong(clockMillis.getAsLong());
        byte[] r = new byte[8];
        random.nextBytes(r);
        body.put(r);
        byte[] sig = sign(body.array());
        ByteBuffer all = ByteBuffer.allocate(BODY + 16).put(body.array()).put(sig, 0, 16);
        String nonce = Base64.getUrlEncoder().withoutPadding().encodeToString(all.array());
        synchronized (counts) {
            counts.put(nonce, 0L);
        }
        return nonce;
    }

    /**
     * Checks {@code nonce} with {@code nonceCount} (-1: none sent) without using it up, for a request whose password
     * check is still to come.
     */
    public Check peek(String nonce, long nonceCount) {
        return check(nonce, nonceCount, false);
    }

    /**
     * Checks {@code nonce} presented with {@code nonceCount} (-1 when the client sent none: then the nonce may be
     * used once) and, if fresh, records the count so that it cannot be presented again.
     */
    public Check use(String nonce, long nonceCount) {
        return check(nonce, nonceCount, true);
    }

    private Check check(String nonce, long nonceCount, boolean record) {
        byte[] all;
        try {
            all = Base64.getUrlDecoder().decode(nonce);
        } catch (IllegalArgumentException e) {
            return Check.FORGED;
        }
        if (all.length != BODY + 16) {
            return Check.FORGED;
        }
        byte[] body = java.util.Arrays.copyOf(all, BODY);
        byte[] sig = sign(body);
        if (!MessageDigest.isEqual(java.util.Arrays.copyOfRange(sig, 0, 16),
                java.util.Arrays.copyOfRange(all, BODY, BODY + 16))) {
            return Check.FORGED;
        }
        long issued = ByteBuffer.wrap(body).getLong();
        long age = clockMillis.getAsLong() - issued;
        if (age < 0 || age > lifetimeMillis) {
            return Check.STALE;
        }
        synchronized (counts) {
            Long last = counts.get(nonce);
            if (last == null) {
                // Signed by us and young, but pushed out of the table: never accepted, the client gets a new one.
                return Check.STALE;
            }
            long count = nonceCount < 0 ? 1 : nonceCount;
            if (count <= last || (nonceCount < 0 && last > 0)) {
                return Check.REPLAYED;
            }
            if (record) {
                counts.put(nonce, count);
            }
        }
        return Check.FRESH;
    }

    /** Nonces currently tracked (for tests and metrics). */
    public int tracked() {
        synchronized (counts) {
            return counts.size();
        }
    }

    private byte[] sign(byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
