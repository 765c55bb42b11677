package io.outdial.media.webrtc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link SourceNetworks#of}: the config's list of CIDR blocks, one per item, read as {@code parse} reads a line. */
class SourceNetworksTest {
    private static final InetSocketAddress AGENT = new InetSocketAddress("10.20.7.9", 50_000);
    private static final InetSocketAddress AGENT_V6 = new InetSocketAddress("fd00::7", 50_000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("192.0.2.1", 50_000);

    @Test
    void aListPermitsWhatTheSameBlocksOnOneLinePermit() {
        SourceNetworks listed = SourceNetworks.of(List.of("10.20.0.0/16", " fd00::/8 "));
        SourceNetworks line = SourceNetworks.parse("10.20.0.0/16, fd00::/8");
        for (InetSocketAddress source : List.of(AGENT, AGENT_V6, STRANGER)) {
            assertEquals(line.permits(source), listed.permits(source), source.toString());
        }
        assertTrue(listed.permits(AGENT));
        assertTrue(listed.permits(AGENT_V6));
        assertFalse(listed.permits(STRANGER));
    }

    @Test
    void anEmptyListPermitsAnySource() {
        assertTrue(SourceNetworks.of(List.of()).permits(STRANGER));
    }

    @Test
    void eachItemIsOneBlock() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SourceNetworks.of(List.of("10.20.0.0/16,192.0.2.0/24")));
        assertTrue(e.getMessage().contains("10.20.0.0/16,192.0.2.0/24"), e.getMessage());
        for (String bad : List.of("10.0.0.0/33", "example.com/8", "10.0.0.0/x", "::1/129", " ")) {
            assertThrows(IllegalArgumentException.class, () -> SourceNetworks.of(List.of(bad)), bad);
        }
    }
}
