package io.outdial.media;

/**
 * Where RTP endpoints bind: an address and an inclusive port range (RTP uses the even ports).
 *
 * @param bindAddress    local address the datagram channels bind to, also advertised in SDP unless
 *                       {@code advertisedAddress} is given
 * @param portMin        lowest port of the range (inclusive)
 * @param portMax        highest port of the range (inclusive)
 * @param ioThreads      Netty event-loop threads for RTP (1 or 2 is plenty for hundreds of calls)
 * @param advertisedAddress the address put in SDP (c=) when it differs from the bind address (a gateway behind NAT,
 *                       its public address), or null
 */
public record MediaConfig(String bindAddress, int portMin, int portMax, int ioThreads, String advertisedAddress) {
    /** Advertising the bind address. */
    public MediaConfig(String bindAddress, int portMin, int portMax, int ioThreads) {
        this(bindAddress, portMin, portMax, ioThreads, null);
    }

    /** The address to put in SDP. */
    public String sdpAddress() {
        return advertisedAddress == null || advertisedAddress.isBlank() ? bindAddress : advertisedAddress;
    }

    public MediaConfig {
        if (portMin < 1024 || portMax > 65534 || portMin > portMax) {
            throw new IllegalArgumentException("RTP port range must lie in 1024..65534 with min <= max, got "
                    + portMin + ".." + portMax);
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1");
        }
    }
}
