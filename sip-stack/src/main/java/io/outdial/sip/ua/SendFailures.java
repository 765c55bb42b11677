package io.outdial.sip.ua;

import java.util.Optional;
import javax.net.ssl.SSLException;

/** Says why a request could not be sent, naming a refused TLS peer plainly: an operator must see that at once. */
final class SendFailures {
    private SendFailures() {
    }

    /** The TLS failure in {@code e}'s causes (untrusted or misnamed certificate, no common protocol), if any. */
    static Optional<String> tlsRefusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return Optional.of("TLS connection refused (the peer's certificate is not trusted or does not name"
                        + " the host dialed, or no common protocol): " + ssl.getMessage());
            }
        }
        return Optional.empty();
    }
}
