package io.outdial.media.webrtc;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * The networks browser phones may connect from (config {@code browserPhone.permittedSources}, CIDR blocks such as
 * {@code 10.20.0.0/16}): a connectivity check from anywhere else is not answered, even with the right password, so
 * a leaked SDP answer cannot be used from outside the agents' networks. Empty: any source.
 */
public final class SourceNetworks {
    private final List<byte[]> prefixes;
    private final List<Integer> lengths;

    private SourceNetworks(List<byte[]> prefixes, List<Integer> lengths) {
        this.prefixes = prefixes;
        this.lengths = lengths;
    }

    /** Any source. */
    public static SourceNetworks any() {
        return new SourceNetworks(List.of(), List.of());
    }

    /**
     * Reads a comma-separated list of CIDR blocks (IPv4 or IPv6 literals); blank means any source.
     *
     * @throws IllegalArgumentException naming the bad block
     */
    public static SourceNetworks parse(String blocks) {
        if (blocks == null || blocks.isBlank()) {
            return any();
        }
        return of(List.of(blocks.split(",")));
    }

    /**
     * The CIDR blocks (IPv4 or IPv6 literals) of a list, one per item (as config lists them); empty means any source.
     *
     * @throws IllegalArgumentException naming the bad block
     */
    public static SourceNetworks of(List<String> blocks) {
        List<byte[]> prefixes = new ArrayList<>();
        List<Integer> lengths = new ArrayList<>();
        for (String raw : blocks) {
            String block = raw.strip();
            int slash = block.indexOf('/');
            String address = slash < 0 ? block : block.substring(0, slash);
            if (!address.matches("[0-9a-fA-F:.]+")) {
                throw new IllegalArgumentException("'" + block + "' is not a CIDR block of IP literals");
            }
            byte[] bytes;
            try {
                bytes = InetAddress.getByName(address).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("'" + block + "' is not a CIDR block of IP literals");
            }
            int length;
            try {
                length = slash < 0 ? bytes.length * 8 : Integer.parseInt(block.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + block + "' has no prefix length after the /");
            }
            if (length < 0 || length > bytes.length * 8) {
                throw new IllegalArgumentException("'" + block + "' has a prefix length outside 0.."
                        + bytes.length * 8);
            }
            prefixes.add(bytes);
            lengths.add(length);
        }
        return prefixes.isEmpty() ? any() : new SourceNetworks(List.copyOf(prefixes), List.copyOf(lengths));
    }

    /** Whether a check from {@code source} may be answered. */
    public boolean permits(InetSocketAddress source) {
        if (prefixes.isEmpty()) {
            return true;
        }
        byte[] address = source.getAddress().getAddress();
        for (int i = 0; i < prefixes.size(); i++) {
            if (within(address, prefixes.get(i), lengths.get(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean within(byte[] address, byte[] prefix, int length) {
        if (address.length != prefix.length) {
            return false;
        }
        int full = length / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != prefix[i]) {
                return false;
            }
        }
        int rest = length % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (address[full] & mask) == (prefix[full] & mask);
    }
}
