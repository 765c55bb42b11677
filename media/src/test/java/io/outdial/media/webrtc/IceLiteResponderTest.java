package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The ICE-lite responder on good and hostile STUN: a browser's check is answered with its mapped address, signed and
 * fingerprinted; a check with the wrong password, username or bytes gets nothing and moves nothing.
 */
class IceLiteResponderTest {
    private static final IceCredentials GATEWAY = new IceCredentials("gWay", "gatewaypassword0123456789");
    private static final IceCredentials BROWSER = new IceCredentials("brws", "browserpassword0123456789");
    private static final InetSocketAddress BROWSER_HOST = new InetSocketAddress(loopback(), 50_000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress(loopback(), 50_002);

    private static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    private static IceLiteResponder responder() {
        return new IceLiteResponder(GATEWAY, BROWSER);
    }

    private static byte[] check(boolean nominate) {
        TestStun t = TestStun.request("gWay:brws", GATEWAY.password());
        return (nominate ? t.nominate() : t).build();
    }

    @Test
    void aBrowsersCheckIsAnsweredWithItsMappedAddressSignedAndFingerprinted() throws Exception {
        IceLiteResponder ice = responder();
        byte[] request = check(false);
        byte[] response = ice.onRequest(request, request.length, BROWSER_HOST);
        assertNotNull(response);
        ByteBuffer b = ByteBuffer.wrap(response);
        assertEquals(0x0101, b.getShort(0) & 0xffff);
        assertEquals(response.length - 20, b.getShort(2) & 0xffff);
        assertEquals(0x2112A442, b.getInt(4));
        assertArrayEquals(Arrays.copyOfRange(request, 8, 20), Arrays.copyOfRange(response, 8, 20));
        // XOR-MAPPED-ADDRESS first: family IPv4, port and address XORed with the cookie
        assertEquals(0x0020, b.getShort(20));
        assertEquals(1, response[25]);
        assertEquals(50_000, (b.getShort(26) & 0xffff) ^ 0x2112);
        assertEquals(0x7f000001, b.getInt(28) ^ 0x2112A442);
        // MESSAGE-INTEGRITY under the gateway's password, over the message up to it with the length counting it
        assertEquals(0x0008, b.getShort(32));
        byte[] signed = Arrays.copyOf(response, 32);
        ByteBuffer.wrap(signed).putShort(2, (short) (32 - 20 + 24));
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(GATEWAY.password().getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        assertArrayEquals(mac.doFinal(signed), Arrays.copyOfRange(response, 36, 56));
        // FINGERPRINT last
        assertEquals((short) 0x8028, b.getShort(56));
        CRC32 crc = new CRC32();
        crc.update(response, 0, 56);
        assertEquals((int) crc.getValue() ^ 0x5354554e, b.getInt(60));
        assertTrue(ice.isChecked(BROWSER_HOST));
        assertNull(ice.selected(), "a check without USE-CANDIDATE does not select");
    }

    @Test
    void theNominatedCheckedAddressIsSelected() {
        IceLiteResponder ice = responder();
        byte[] request = check(true);
        assertNotNull(ice.onRequest(request, request.length, BROWSER_HOST));
        assertEquals(BROWSER_HOST, ice.selected());
    }

    @Test
    void aCheckWithoutFingerprintStillCounts() {
        IceLiteResponder ice = responder();
        byte[] request = TestStun.request("gWay:brws", GATEWAY.password()).withoutFingerprint().nominate().build();
        assertNotNull(ice.onRequest(request, request.length, BROWSER_HOST));
    }

    @Test
    void aStrangerWithoutThePasswordCannotMoveTheMedia() {
        IceLiteResponder ice = responder();
        byte[] good = check(true);
        ice.onRequest(good, good.length, BROWSER_HOST);
        byte[] forged = TestStun.request("gWay:brws", "notthepassword0123456789").nominate().build();
        assertNull(ice.onRequest(forged, forged.length, STRANGER));
        byte[] otherUser = TestStun.request("gWay:evil", GATEWAY.password()).nominate().build();
        assertNull(ice.onRequest(otherUser, otherUser.length, STRANGER));
        assertEquals(BROWSER_HOST, ice.selected());
        assertFalse(ice.isChecked(STRANGER));
        assertEquals(2, ice.refused());
    }

    @Test
    void everyLegsRefusalsAddUpInTheSharedTotalAndAnsweredChecksDoNot() {
        java.util.concurrent.atomic.LongAdder total = new java.util.concurrent.atomic.LongAdder();
        IceLiteResponder first = new IceLiteResponder(GATEWAY, BROWSER, SourceNetworks.any(), total);
        IceLiteResponder second = new IceLiteResponder(GATEWAY, BROWSER, SourceNetworks.any(), total);
        byte[] good = check(true);
        assertNotNull(first.onRequest(good, good.length, BROWSER_HOST));
        byte[] forged = TestStun.request("gWay:brws", "notthepassword0123456789").build();
        assertNull(first.onRequest(forged, forged.length, STRANGER));
        assertNull(second.onRequest(forged, forged.length, STRANGER));
        byte[] swapped = TestStun.request("brws:gWay", GATEWAY.password()).build();
        assertNull(second.onRequest(swapped, swapped.length, STRANGER));
        assertEquals(1, first.refused());
        assertEquals(2, second.refused());
        assertEquals(3, total.sum());
    }

    @Test
    void damagedRequestsAreRefusedWithoutThrowing() {
        IceLiteResponder ice = responder();
        byte[] good = check(true);
        // every single-byte change anywhere breaks a length, the cookie, the integrity or the fingerprint
        for (int i = 0; i < good.length; i++) {
            byte[] damaged = good.clone();
            damaged[i] ^= 0x01;
            assertNull(ice.onRequest(damaged, damaged.length, STRANGER), "byte " + i);
        }
        // every truncation
        for (int length = 0; length < good.length; length++) {
            assertNull(ice.onRequest(good, length, STRANGER), "length " + length);
        }
        // random garbage, with and without a plausible header
        Random random = new Random(17);
        for (int n = 0; n < 2_000; n++) {
            byte[] junk = new byte[random.nextInt(600)];
            random.nextBytes(junk);
            if (junk.length >= 20 && n % 2 == 0) {
                ByteBuffer.wrap(junk).putShort(0, (short) 1).putShort(2, (short) (junk.length - 20))
                        .putInt(4, 0x2112A442);
            }
            assertNull(ice.onRequest(junk, junk.length, STRANGER));
        }
        assertNull(ice.onRequest(null, 0, STRANGER));
        assertNull(ice.selected());
        assertFalse(ice.isChecked(STRANGER));
    }

    @Test
    void sourcesBeyondTheLimitAreRefused() {
        IceLiteResponder ice = responder();
        byte[] request = check(false);
        for (int port = 0; port < IceLiteResponder.MAX_CHECKED; port++) {
            assertNotNull(ice.onRequest(request, request.length, new InetSocketAddress(loopback(), 40_000 + port)));
        }
        assertNull(ice.onRequest(request, request.length, new InetSocketAddress(loopback(), 41_000)));
    }

    @Test
    void credentialsAreRandomValidAndKeptOutOfLogs() {
        IceCredentials a = IceCredentials.random();
        IceCredentials b = IceCredentials.random();
        assertFalse(a.password().equals(b.password()));
        assertFalse(a.toString().contains(a.password()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new IceCredentials("ab", "x".repeat(22)));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new IceCredentials("abcd", "short"));
    }

    @Test
    void checksFromOutsideThePermittedNetworksGetNoAnswerEvenWithThePassword() {
        IceLiteResponder ice = new IceLiteResponder(GATEWAY, BROWSER, SourceNetworks.parse("10.20.0.0/16, ::1/128"));
        byte[] request = check(true);
        assertNull(ice.onRequest(request, request.length, BROWSER_HOST));
        InetSocketAddress agent = new InetSocketAddress("10.20.7.9", 50_000);
        assertNotNull(ice.onRequest(request, request.length, agent));
        assertEquals(agent, ice.selected());
        assertTrue(SourceNetworks.parse("127.0.0.0/8").permits(BROWSER_HOST));
        assertFalse(SourceNetworks.parse("10.20.0.0/15").permits(new InetSocketAddress("10.22.0.1", 1)));
        assertTrue(SourceNetworks.parse("10.20.0.0/15").permits(new InetSocketAddress("10.21.255.1", 1)));
        assertTrue(SourceNetworks.parse(" ").permits(BROWSER_HOST));
        for (String bad : new String[] {"10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::1/129"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SourceNetworks.parse(bad), bad);
        }
    }
}
