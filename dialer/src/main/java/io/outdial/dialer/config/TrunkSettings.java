package io.outdial.dialer.config;

import io.outdial.sip.TrunkConfig;
import io.outdial.sip.SrtpMode;
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
 * @param username      digest user name for the trunk's 401/407 challenges, or null (the trunk does not challenge)
 * @param password      its password (never logged or shown), or null
 * @param realm         the only realm the credentials are for, or null for whichever realm challenges
 * @param srtp          SDES-SRTP towards the trunk: off, offer (RTP/AVP with a=crypto) or require (RTP/SAVP)
 */
public record TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                            String callerName, String username, String password, String realm, SrtpMode srtp) {

    /** Plain RTP. */
    public TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                         String callerName, String username, String password, String realm) {
        this(host, port, transport, outboundProxy, callerId, callerName, username, password, realm, SrtpMode.OFF);
    }

    public static final TrunkSettings DEFAULTS =
            new TrunkSettings("127.0.0.1", 5070, Transport.UDP, null, "18005550100", "Outdial", null, null, null);

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
        String username = s.quotedText("username", null);
        String password = s.quotedText("password", null);
        String realm = s.text("realm", null);
        SrtpMode srtp = s.oneOf("srtp", d.srtp, SrtpMode.values());
        if ((username == null) != (password == null)) {
            throw new ConfigException(s.keyPath(username == null ? "username" : "password")
                    + ": trunk.username and trunk.password go together");
        }
        if (username != null && (username.isBlank() || username.length() > 128 || username.contains("\""))) {
            throw s.fail("username", "must be 1..128 characters without quotes", username);
        }
        s.refuseUnknownKeys();
        return new TrunkSettings(host, port, transport, proxy, callerId, callerName, username, password, realm,
                srtp);
    }

    public TrunkConfig toTrunkConfig() {
        return new TrunkConfig(host, port, transport, outboundProxy, callerId, callerName,
                username == null ? null : new io.outdial.sip.auth.DigestClient(username, password, realm), srtp);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "TrunkSettings[host=" + host + ", port=" + port + ", transport=" + transport + ", outboundProxy="
                + outboundProxy + ", callerId=" + callerId + ", callerName=" + callerName + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", realm=" + realm + ", srtp=" + srtp + "]";
    }
}
