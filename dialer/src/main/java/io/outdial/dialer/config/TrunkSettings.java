package io.outdial.dialer.config;

import io.outdial.sip.TrunkConfig;
import io.outdial.sip.SrtpMode;
import io.outdial.sip.Transport;
import io.outdial.sip.trunk.TrunkRegistrationConfig;
import java.time.Duration;
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
 * @param registration  what the gateway registers with the trunk ({@code trunk.registration}), or null for none
 * @param session       100rel ({@code reliableProvisional}) and session timers ({@code sessionExpires},
 *                      {@code minSessionExpires}) towards the trunk; null: the defaults
 * @param srtp          SDES-SRTP towards the trunk: off, offer (RTP/AVP with a=crypto) or require (RTP/SAVP)
 */
public record TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                            String callerName, String username, String password, String realm,
                            TrunkRegistrationConfig registration, io.outdial.sip.SessionOptions session,
                            SrtpMode srtp) {

    public TrunkSettings {
        session = session == null ? io.outdial.sip.SessionOptions.DEFAULTS : session;
        srtp = srtp == null ? SrtpMode.OFF : srtp;
    }

    /** Plain RTP. */
    public TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                         String callerName, String username, String password, String realm,
                         TrunkRegistrationConfig registration, io.outdial.sip.SessionOptions session) {
        this(host, port, transport, outboundProxy, callerId, callerName, username, password, realm, registration,
                session, null);
    }

    public TrunkSettings(String host, int port, Transport transport, String outboundProxy, String callerId,
                         String callerName, String username, String password, String realm,
                         TrunkRegistrationConfig registration) {
        this(host, port, transport, outboundProxy, callerId, callerName, username, password, realm, registration,
                null, null);
    }

    public static final TrunkSettings DEFAULTS = new TrunkSettings("127.0.0.1", 5070, Transport.UDP, null,
            "18005550100", "Outdial", null, null, null, null);
    /** What {@code trunk.registration} defaults to, apart from the user, domain and registrar taken from the trunk. */
    public static final Duration REGISTER_EXPIRES = Duration.ofHours(1);
    public static final Duration REGISTER_RETRY_MIN = Duration.ofSeconds(5);
    public static final Duration REGISTER_RETRY_MAX = Duration.ofMinutes(5);

    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9._-]+:\\d{1,5}");
    /** The name of the {@code trunk:} section's trunk, the one campaigns use unless they name another. */
    public static final String DEFAULT_NAME = "default";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static TrunkSettings read(YamlSection s) {
        TrunkSettings d = DEFAULTS;
        String host = s.host("host", d.host);
        int port = s.integer("port", d.port, 1, 65535);
        Transport transport = s.oneOf("transport", d.transport, Transport.values());
        String proxy = s.text("outboundProxy", d.outboundProxy);
        if (proxy != null && !HOST_PORT.matcher(proxy).matches()) {
            throw s.fail("outboundProxy", "must be host:port or null", proxy);
        }
        String callerId = CallerId.number(s, "callerId", d.callerId);
        String callerName = CallerId.name(s, "callerName", d.callerName);
        String username = s.quotedText("username", null);
        String password = s.quotedText("password", null);
        String realm = s.text("realm", null);
        if ((username == null) != (password == null)) {
            throw new ConfigException(s.keyPath(username == null ? "username" : "password")
                    + ": trunk.username and trunk.password go together");
        }
        if (username != null && (username.isBlank() || username.length() > 128 || username.contains("\""))) {
            throw s.fail("username", "must be 1..128 characters without quotes", username);
        }
        boolean registers = s.has("registration");
        YamlSection registrationSection = s.section("registration");
        TrunkRegistrationConfig registration = registers
                ? registration(registrationSection, host, port, username) : null;
        io.outdial.sip.SessionOptions session = TrunkSessionKeys.read(s);
        SrtpMode srtp = s.oneOf("srtp", d.srtp, SrtpMode.values());
        s.refuseUnknownKeys();
        return new TrunkSettings(host, port, transport, proxy, callerId, callerName, username, password, realm,
                registration, session, srtp);
    }

    private static TrunkRegistrationConfig registration(YamlSection s, String host, int port, String username) {
        String user = s.quotedText("user", username);
        if (user == null) {
            throw new ConfigException(s.keyPath("user") + ": required (or trunk.username): the account to register");
        }
        if (!user.matches("[A-Za-z0-9._~+-]{1,64}")) {
            throw s.fail("user", "must be 1..64 letters, digits or . _ ~ + -", user);
        }
        String domain = s.host("domain", host);
        String registrar = s.text("registrar", host + ":" + port);
        if (!HOST_PORT.matcher(registrar).matches()) {
            throw s.fail("registrar", "must be host:port", registrar);
        }
        Duration expires = s.duration("expires", REGISTER_EXPIRES, Duration.ofSeconds(60), Duration.ofDays(1));
        Duration retryMin = s.duration("retryMin", REGISTER_RETRY_MIN, Duration.ofSeconds(1), Duration.ofMinutes(5));
        Duration retryMax = s.duration("retryMax", REGISTER_RETRY_MAX, Duration.ofSeconds(1), Duration.ofHours(1));
        if (retryMax.compareTo(retryMin) < 0) {
            throw s.fail("retryMax", "must be at least retryMin (" + YamlSection.show(retryMin) + ")",
                    YamlSection.show(retryMax));
        }
        s.refuseUnknownKeys();
        return new TrunkRegistrationConfig(user, domain, registrar, expires, retryMin, retryMax);
    }

    /**
     * The {@code trunks:} list: further named trunks, each with the keys of {@code trunk:} (host required) and a
     * {@code name}; a campaign picks one with its {@code trunk} key.
     */
    static java.util.Map<String, TrunkSettings> readNamed(java.util.List<YamlSection> items) {
        java.util.Map<String, TrunkSettings> out = new java.util.LinkedHashMap<>();
        for (YamlSection item : items) {
            String name = item.requiredText("name");
            if (!NAME.matcher(name).matches()) {
                throw item.fail("name", "must be 1..64 letters, digits, '_' or '-'", name);
            }
            if (name.equals(DEFAULT_NAME) || out.containsKey(name)) {
                throw item.fail("name", "must be unique among trunks ('" + DEFAULT_NAME + "' is the trunk: section)",
                        name);
            }
            if (!item.has("host")) {
                throw new ConfigException(item.keyPath("host") + ": is required for a named trunk");
            }
            out.put(name, read(item));
        }
        return out;
    }

    public TrunkConfig toTrunkConfig() {
        return new TrunkConfig(host, port, transport, outboundProxy, callerId, callerName,
                username == null ? null : new io.outdial.sip.auth.DigestClient(username, password, realm),
                registration, session, srtp);
    }

    /** Keeps the password out of logs. */
    @Override
    public String toString() {
        return "TrunkSettings[host=" + host + ", port=" + port + ", transport=" + transport + ", outboundProxy="
                + outboundProxy + ", callerId=" + callerId + ", callerName=" + callerName + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", realm=" + realm + ", registration="
                + registration + ", session=" + session + ", srtp=" + srtp + "]";
    }
}
