package io.outdial.dialer.config;

import io.outdial.sip.TrunkConfig;
import io.outdial.sip.Transport;
import java.util.regex.Pattern;

/**
 * The SIP trunk contacts are dialed through ({@code trunk:} section).
 *
 * @param host          the trunk's domain or address (Request-URI {@code sip:number@host:port})
 * @param port          the trunk's port
 * @param transport     UDP or TCP towards the trunk
 * @param outboundProxy {@code host:port} every request is routed through, or null
 * @param callerId      the caller id presented to contacts (user part of From)
 * @param callerName    display name of From, or null
 */
public record TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                            String callerName) {

    public static final TrunkSettings DEFAULTS =
            new TrunkSettings("127.0.0.1", 5070, Transport.UDP, null, "18005550100", "Outdial");

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:\\d{1,5}");
    // A SIP user part we can put in From without escaping.
    private static final Pattern CALLER_ID = Pattern.compile("\\+?[A-Za-z0-9._-]{1,32}");

    static TrunkSettings read(YamlSection s) {
        TrunkSettings d = DEFAULTS;
        String host = s.host("host", d.host);
        int port = s.integer("port", d.port, 1, 65535);
        Transport transport = s.oneOf("transport", d.transport, Transport.values());
        String proxy = s.text("outboundProxy", d.outboundProxy);
        if (proxy != null && !HOST_PORT.matcher(proxy).matches()) {
            throw s.fail("outboundProxy", "must be host:port or null", proxy);
        }
        String callerId = s.quotedText("callerId", d.callerId);
        if (!CALLER_ID.matcher(callerId).matches()) {
            throw s.fail("callerId", "must be 1..32 letters, digits, '.', '_' or '-' with an optional leading +",
                    callerId);
        }
        String callerName = s.nullableText("callerName", d.callerName);
        if (callerName != null && (callerName.contains("\"") || callerName.contains("\\")
                || callerName.chars().anyMatch(Character::isISOControl))) {
            // It goes between quotes in the From header.
            throw s.fail("callerName", "must not contain quotes, backslashes or control characters", callerName);
        }
        s.refuseUnknownKeys();
        return new TrunkSettings(host, port, transport, proxy, callerId, callerName);
    }

    public TrunkConfig toTrunkConfig() {
        return new TrunkConfig(host, port, transport, outboundProxy, callerId, callerName);
    }
}
