package io.outdial.sip.ua.logging;

import gov.nist.core.LogLevels;
import gov.nist.core.StackLogger;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes JAIN-SIP RI's own diagnostics to slf4j (logger {@code gov.nist.javax.sip}), quieter than the stack names
 * them: it reports a far end's stray or malformed messages and refused connections as errors, dumping whole messages
 * (even a 64 kB receive buffer), which are the network's business and which our own code already reports per leg;
 * and it logs routine work at INFO. So stack errors and warnings are only counted in the {@link RefusalSummary} (one
 * INFO line a minute) with a cut detail at DEBUG, info becomes DEBUG, debug TRACE; only fatal errors stay errors.
 * The stack asks {@link #isLoggingEnabled()} before building most of its messages: that answers DEBUG, so under a
 * flood it does not even build them. The stack instantiates this class by name through its no-arg constructor.
 */
public final class Slf4jStackLogger implements StackLogger {
    private static final Logger LOG = LoggerFactory.getLogger("gov.nist.javax.sip");

    public Slf4jStackLogger() {
        // Instantiated reflectively by the stack (gov.nist.javax.sip.STACK_LOGGER).
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isDebugEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int logLevel) {
        if (logLevel <= LogLevels.TRACE_FATAL) {
            return LOG.isErrorEnabled();
        } else if (logLevel <= LogLevels.TRACE_WARN) {
            return LOG.isDebugEnabled();
        } else if (logLevel <= LogLevels.TRACE_INFO) {
            return LOG.isDebugEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logStackTrace() {
        logStackTrace(LogLevels.TRACE_DEBUG);
    }

    @Override
    public void logStackTrace(int traceLevel) {
        if (LOG.isTraceEnabled()) {
            LOG.trace("stack trace requested by JAIN-SIP", new Throwable("here"));
        }
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable ex) {
        LOG.debug("JAIN-SIP exception", ex);
    }

    @Override
    public void logDebug(String message) {
        LOG.trace(message);
    }

    @Override
    public void logDebug(String message, Exception ex) {
        LOG.trace(message, ex);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        LOG.error(RefusalSummary.printable(message));
    }

    @Override
    public void logError(String message) {
        RefusalSummary.report(Refusal.STACK_ERROR, message);
    }

    @Override
    public void logError(String message, Exception ex) {
        RefusalSummary.report(Refusal.STACK_ERROR, message + (ex == null ? "" : ": " + ex));
        if (LOG.isTraceEnabled()) {
            LOG.trace("JAIN-SIP error", ex);
        }
    }

    @Override
    public void logWarning(String message) {
        RefusalSummary.report(Refusal.STACK_ERROR, message);
    }

    @Override
    public void logInfo(String message) {
        LOG.debug(message);
    }

    @Override
    public void disableLogging() {
        // Levels belong to the slf4j configuration.
    }

    @Override
    public void enableLogging() {
        // Levels belong to the slf4j configuration.
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
        LOG.debug("JAIN-SIP build {}", buildTimeStamp);
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
        // Nothing to read: levels belong to the slf4j configuration.
    }

    @Override
    public String getLoggerName() {
        return LOG.getName();
    }
}
