package io.outdial.media.webrtc;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.LongAdder;

/**
 * The ICE-lite agent of one browser leg (RFC 8445 2.5): it never sends checks, it answers the browser's. A binding
 * request counts only when its USERNAME is "our ufrag:their ufrag" and its MESSAGE-INTEGRITY verifies under our
 * password; then its source becomes a <em>checked</em> address (DTLS is taken from those), and the first checked
 * source the browser nominates (USE-CANDIDATE) becomes the <em>selected</em> one, the only address media may come
 * from or go to. A request that fails any test gets no answer and changes nothing: an unknown source cannot move
 * the media. A later nomination of another checked address moves the selection (the browser's own ICE restart of a
 * pair), which only the holder of the password can ask for. Confined to one thread (the endpoint's event loop).
 */
public final class IceLiteResponder {
    /** Checked addresses kept; a browser uses one or two (host and relayed), more is a misbehaving peer. */
    static final int MAX_CHECKED = 8;

    private final IceCredentials local;
    private final IceCredentials remote;
    private final String expectedUsername;
    private final SourceNetworks permitted;
    private final List<InetSocketAddress> checked = new ArrayList<>(MAX_CHECKED);
    private InetSocketAddress selected;
    private volatile long refused; // one writer (the event loop), read by metrics
    /** Also told of every refusal: the total over all browser legs (a metric), shared by their responders. */
    private final LongAdder refusedTotal;

    /**
     * @param local  our ufrag and password (in our SDP)
     * @param remote the browser's (from its SDP)
     */
    public IceLiteResponder(IceCredentials local, IceCredentials remote) {
        this(local, remote, SourceNetworks.any());
    }

    /** As above, answering only checks from {@code permitted} networks. */
    public IceLiteResponder(IceCredentials local, IceCredentials remote, SourceNetworks permitted) {
        this(local, remote, permitted, new LongAdder());
    }

    /** As above, counting each refusal in {@code refusedTotal} too (the gateway's total over its browser legs). */
    public IceLiteResponder(IceCredentials local, IceCredentials remote, SourceNetworks permitted,
                            LongAdder refusedTotal) {
        this.refusedTotal = Objects.requireNonNull(refusedTotal, "refusedTotal");
        this.permitted = Objects.requireNonNull(permitted, "permitted");
        this.local = Objects.requireNonNull(local, "local");
        this.remote = Objects.requireNonNull(remote, "remote");
        this.expectedUsername = local.ufrag() + ":" + remote.ufrag();
    }

    /**
     * Handles one datagram of STUN's range from {@code source}.
     *
     * @return the success response to send back to {@code source}, or null when the datagram is refused (counted)
     */
    public byte[] onRequest(byte[] datagram, int length, InetSocketAddress source) {
        if (!permitted.permits(source)) {
            return refuse();
        }
        StunMessage request = StunMessage.parseRequest(datagram, length).orElse(null);
        if (request == null || !expectedUsername.equals(request.username())
                || !request.integrityMatches(local.password())) {
            return refuse();
        }
        if (!checked.contains(source)) {
            if (checked.size() == MAX_CHECKED) {
                return refuse();
            }
            checked.add(source);
        }
        if (request.useCandidate()) {
            selected = source;
        }
        return request.successResponse(source, local.password());
    }

    private byte[] refuse() {
        refused++;
        refusedTotal.increment();
        return null;
    }

    /** Whether {@code source} passed a connectivity check. */
    public boolean isChecked(InetSocketAddress source) {
        return checked.contains(source);
    }

    /** The nominated address media flows with, or null before the browser nominated one. */
    public InetSocketAddress selected() {
        return selected;
    }

    /** Requests refused: malformed, wrong username, wrong integrity, or too many sources. */
    public long refused() {
        return refused;
    }

    public IceCredentials local() {
        return local;
    }

    public IceCredentials remote() {
        return remote;
    }
}
