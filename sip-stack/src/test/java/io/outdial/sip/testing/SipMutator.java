package io.outdial.sip.testing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded mutations of valid SIP messages for the fuzz test: bit flips, truncation, a header repeated up to 60 kB,
 * bad Content-Length values, invalid UTF-8, NUL bytes, lines dropped or swapped, and plain garbage. The same seed
 * gives the same messages.
 */
public final class SipMutator {
    private static final String[] BASES = {
        "OPTIONS sip:gw@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-@N@\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:fuzz@127.0.0.1>;tag=f@N@\r\nTo: <sip:gw@127.0.0.1>\r\n"
                + "Call-ID: fuzz-@N@@127.0.0.1\r\nCSeq: 1 OPTIONS\r\nContent-Length: 0\r\n\r\n",
        "INVITE sip:5551234@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-@N@\r\n"
                + "Max-Forwards: 70\r\nFrom: \"Fuzz\" <sip:fuzz@127.0.0.1>;tag=f@N@\r\nTo: <sip:5551234@127.0.0.1>\r\n"
                + "Call-ID: fuzz-@N@@127.0.0.1\r\nCSeq: 1 INVITE\r\nContact: <sip:fuzz@127.0.0.1:@PORT@>\r\n"
                + "Content-Type: application/sdp\r\nContent-Length: 129\r\n\r\n"
                + "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\n"
                + "m=audio 40000 RTP/AVP 0 8 101\r\na=rtpmap:101 telephone-event/8000\r\n",
        "BYE sip:gw@127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-@N@\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:fuzz@127.0.0.1>;tag=f@N@\r\nTo: <sip:gw@127.0.0.1>;tag=g@N@\r\n"
                + "Call-ID: fuzz-@N@@127.0.0.1\r\nCSeq: 2 BYE\r\nContent-Length: 0\r\n\r\n",
        "REGISTER sip:127.0.0.1 SIP/2.0\r\nVia: SIP/2.0/UDP 127.0.0.1:@PORT@;branch=z9hG4bK-@N@\r\n"
                + "Max-Forwards: 70\r\nFrom: <sip:fuzz@127.0.0.1>;tag=f@N@\r\nTo: <sip:fuzz@127.0.0.1>\r\n"
                + "Call-ID: fuzz-@N@@127.0.0.1\r\nCSeq: 1 REGISTER\r\nContact: <sip:fuzz@127.0.0.1:@PORT@>\r\n"
                + "Expires: 3600\r\nContent-Length: 0\r\n\r\n",
        "SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:@GW@;branch=z9hG4bK-@N@\r\n"
                + "From: <sip:outdial@127.0.0.1>;tag=f@N@\r\nTo: <sip:fuzz@127.0.0.1>;tag=t@N@\r\n"
                + "Call-ID: fuzz-@N@@127.0.0.1\r\nCSeq: 1 INVITE\r\nContent-Length: 0\r\n\r\n",
    };

    private final Random random;
    private final int probePort;
    private final int gatewayPort;
    private int n;

    /** Mutations of messages whose Via names {@code probePort}, sent to a gateway on {@code gatewayPort}. */
    public SipMutator(long seed, int probePort, int gatewayPort) {
        this.random = new Random(seed);
        this.probePort = probePort;
        this.gatewayPort = gatewayPort;
    }

    /** The next mutated message (at most 64 kB). */
    public byte[] next() {
        n++;
        String base = BASES[random.nextInt(BASES.length)].replace("@PORT@", Integer.toString(probePort))
                .replace("@GW@", Integer.toString(gatewayPort)).replace("@N@", Integer.toString(n));
        byte[] bytes = base.getBytes(StandardCharsets.ISO_8859_1);
        int rounds = 1 + random.nextInt(3);
        for (int r = 0; r < rounds; r++) {
            bytes = mutate(bytes);
        }
        return bytes.length > 64_000 ? Arrays.copyOf(bytes, 64_000) : bytes;
    }

    private byte[] mutate(byte[] in) {
        switch (random.nextInt(10)) {
            case 0 -> { // bit flips
                byte[] out = in.clone();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int at = random.nextInt(out.length);
                    out[at] ^= (byte) (1 << random.nextInt(8));
                }
                return out;
            }
            case 1 -> {
                return Arrays.copyOf(in, random.nextInt(in.length + 1));
            }
            case 2 -> { // one header line repeated up to ~60 kB
                List<String> lines = lines(in);
                int pick = 1 + random.nextInt(Math.max(1, lines.size() - 2));
                String line = lines.get(Math.min(pick, lines.size() - 1));
                int times = 1 + random.nextInt(Math.max(1, 60_000 / Math.max(1, line.length() + 2)));
                for (int i = 0; i < times; i++) {
                    lines.add(pick, line);
                }
                return join(lines);
            }
            case 3 -> {
                String[] values = {"-1", "99999999999999999999", "abc", "", "65536", "0", "2147483648", "1 2"};
                String value = values[random.nextInt(values.length)];
                String text = new String(in, StandardCharsets.ISO_8859_1)
                        .replaceFirst("Content-Length: \\d+", "Content-Length: " + value);
                return text.getBytes(StandardCharsets.ISO_8859_1);
            }
            case 4 -> {
                return insert(in, new byte[] {(byte) 0xc3, (byte) 0x28, (byte) 0xff, (byte) 0xfe, (byte) 0xed,
                        (byte) 0xa0, (byte) 0x80});
            }
            case 5 -> {
                return insert(in, new byte[] {0});
            }
            case 6 -> {
                List<String> lines = lines(in);
                if (lines.size() > 1) {
                    lines.remove(random.nextInt(lines.size()));
                }
                return join(lines);
            }
            case 7 -> {
                List<String> lines = lines(in);
                if (lines.size() > 2) {
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                }
                return join(lines);
            }
            case 8 -> {
                byte[] garbage = new byte[1 + random.nextInt(2000)];
                random.nextBytes(garbage);
                return garbage;
            }
            default -> { // a header value replaced by junk
                List<String> lines = lines(in);
                int at = random.nextInt(lines.size());
                String line = lines.get(at);
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lines.set(at, line.substring(0, colon + 1) + " " + junk());
                }
                return join(lines);
            }
        }
    }

    private String junk() {
        String alphabet = "<>;,=@:\"\\ %/?[]{}()\t0123456789abcdefSIP/2.0";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(120); i > 0; i--) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private byte[] insert(byte[] in, byte[] what) {
        int at = random.nextInt(in.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length + what.length);
        out.write(in, 0, at);
        out.write(what, 0, what.length);
        out.write(in, at, in.length - at);
        return out.toByteArray();
    }

    private static List<String> lines(byte[] in) {
        return new ArrayList<>(List.of(new String(in, StandardCharsets.ISO_8859_1).split("\r\n", -1)));
    }

    private static byte[] join(List<String> lines) {
        return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
    }
}
