package io.outdial.dialer.config;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One agent the gateway knows ({@code agents:} list item).
 *
 * @param id        the agent's login id, used by campaigns and on the CTI wire
 * @param secret    the desktop login secret (plain, or better its bcrypt hash), or null for a phone-only agent who
 *                  never logs in from a desktop
 * @param phone     the agent's default phone as a SIP URI (a desktop login may give another), or null
 * @param autoReady a phone-only agent: logged in and Ready at start-up, its records marked done automatically
 *                  once {@code wrapUp} has passed after each call
 * @param wrapUp    after-call work time of an auto-ready agent before it is Ready again
 * @param sipPassword the password the agent's softphone registers with (digest), or null: the phone cannot
 *                  register. Only its HA1 hashes are kept by the registrar
 */
public record AgentSettings(String id, String secret, String phone, boolean autoReady, Duration wrapUp,
                            String sipPassword) {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Pattern SIP_URI = Pattern.compile("sips?:([^@\\s]+@)?[^@\\s;]+(;\\S*)?");

    static AgentSettings read(YamlSection s) {
        String id = s.requiredText("id");
        if (!ID.matcher(id).matches()) {
            throw s.fail("id", "must be 1..64 letters, digits, '.', '_' or '-'", id);
        }
        String secret = s.text("secret", null);
        if (secret != null && secret.startsWith("$2") && !io.outdial.bridge.auth.PasswordHashes.isHash(secret)) {
            throw new ConfigException(s.keyPath("secret") + ": starts like a bcrypt hash but is not one (60"
                    + " characters, $2a$/$2b$/$2y$; java -jar outdial-gateway.jar hash-password prints one)");
        }
        String phone = s.text("phone", null);
        if (phone != null && !SIP_URI.matcher(phone.trim()).matches()) {
            throw s.fail("phone", "must be a SIP URI such as sip:agent1@127.0.0.1:5080", phone);
        }
        String sipPassword = s.quotedText("sipPassword", null);
        if (sipPassword != null && (sipPassword.length() < 8 || sipPassword.length() > 128)) {
            // The value itself is never shown.
            throw new ConfigException(s.keyPath("sipPassword") + ": must be 8..128 characters");
        }
        boolean autoReady = s.flag("autoReady", false);
        Duration wrapUp = s.duration("wrapUp", Duration.ZERO, Duration.ZERO, Duration.ofHours(1));
        s.refuseUnknownKeys();
        if (autoReady && phone == null) {
            // Nobody logs an auto-ready agent in, so nothing else would ever tell us where to ring it.
            throw s.fail("phone", "is required when autoReady is true", (Object) null);
        }
        return new AgentSettings(id, secret, phone == null ? null : phone.trim(), autoReady, wrapUp, sipPassword);
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "AgentSettings[id=" + id + ", secret=" + (secret == null ? "none" : "***") + ", phone=" + phone
                + ", autoReady=" + autoReady + ", wrapUp=" + wrapUp + ", sipPassword=" + (sipPassword == null ? "none" : "***")
                + "]";
    }
}
