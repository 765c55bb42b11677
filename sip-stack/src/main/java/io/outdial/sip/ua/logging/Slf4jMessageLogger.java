package io.outdial.sip.ua.logging;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import javax.sip.SipStack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs every SIP message the stack sends or receives to slf4j logger {@code io.outdial.sip.messages}: the first line at
 * DEBUG, the whole message at TRACE (SDES keys masked). Instantiated by the stack by name (gov.nist.javax.sip.SERVER_LOGGER).
 */
public final class Slf4jMessageLogger implements ServerLogger {
    private static final Logger LOG = LoggerFactory.getLogger("io.outdial.sip.messages");
    private static final java.util.regex.Pattern INLINE_KEY = java.util.regex.Pattern.compile("inline:[A-Za-z0-9+/=]+");

    public Slf4jMessageLogger() {
        // Instantiated reflectively by the stack.
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        log(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        log(message, from, to, sender);
    }

    private static void log(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, withoutKeys(message.encode()));
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {}: {}", sender ? "sent" : "received", from, to, message.getFirstLine().strip());
        }
    }

    /** SDES keys (a=crypto ... inline:key) are secrets: even a trace keeps them out. */
    static String withoutKeys(String message) {
        return message.indexOf("inline:") < 0 ? message : INLINE_KEY.matcher(message).replaceAll("inline:***");
    }

    @Override
    public void logException(Exception ex) {
        LOG.debug("message exception", ex);
    }

    @Override
    public void closeLogFile() {
        // Nothing to close.
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Levels belong to the slf4j configuration.
    }

    @Override
    public void setSipStack(SipStack sipStack) {
        // Not needed.
    }
}
