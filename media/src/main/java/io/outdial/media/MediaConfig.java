package io.outdial.media;

/**
 * Where RTP endpoints bind: an address and an inclusive port range (RTP uses the even ports).
 *
 * @param bindAddress    local address the datagram channels bind to, also advertised in SDP
 * @param portMin        lowest port of the range (inclusive)
 * @param portMax        highest port of the range (inclusive)
 * @param ioThreads      Netty event-loop threads for RTP (1 or 2 is plenty for hundreds of calls)
 */
public record MediaConfig(String bindAddress, int portMin, int portMax, int ioThreads) {
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
