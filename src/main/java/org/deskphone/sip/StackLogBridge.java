package org.deskphone.sip;

import gov.nist.core.StackLogger;
import java.util.Properties;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * jain-sip's own log, into tinylog under the tag {@code jain-sip}. Without it the stack wants log4j 1.x
 * and fails to start ({@code NoClassDefFoundError: org/apache/log4j/Layout}). The stack's chatter goes to
 * trace, its warnings to debug (most are about defaults we override), its errors to warn: what they cause
 * is reported by the user agent where it matters.
 */
public final class StackLogBridge implements StackLogger {
    private static final TaggedLogger LOG = Logger.tag("jain-sip");
    private static final TaggedLogger WIRE = Logger.tag("sip");

    public StackLogBridge() {
        // jain-sip instantiates the class named in gov.nist.javax.sip.STACK_LOGGER.
    }

    @Override
    public boolean isLoggingEnabled() {
        return LOG.isTraceEnabled() || LOG.isWarnEnabled();
    }

    @Override
    public boolean isLoggingEnabled(int level) {
        if (level <= TRACE_ERROR) {
            return LOG.isWarnEnabled();
        }
        if (level <= TRACE_WARN) {
            return LOG.isDebugEnabled();
        }
        if (level == TRACE_MESSAGES) {
            // The stack asks for this level before handing each message to WireTrace.
            return WIRE.isDebugEnabled() || LOG.isTraceEnabled();
        }
        return LOG.isTraceEnabled();
    }

    @Override
    public void logStackTrace() {
        // Only ever used for debugging the stack itself.
    }

    @Override
    public void logStackTrace(int level) {
    }

    @Override
    public int getLineCount() {
        return 0;
    }

    @Override
    public void logException(Throwable exception) {
        LOG.debug(exception, "stack exception");
    }

    @Override
    public void logDebug(String message) {
        LOG.trace(message);
    }

    @Override
    public void logDebug(String message, Exception exception) {
        LOG.trace(exception, message);
    }

    @Override
    public void logTrace(String message) {
        LOG.trace(message);
    }

    @Override
    public void logFatalError(String message) {
        error(message, null);
    }

    @Override
    public void logError(String message) {
        error(message, null);
    }

    @Override
    public void logError(String message, Exception exception) {
        error(message, exception);
    }

    private static void error(String text, Exception exception) {
        // Some stack errors print a whole datagram as a byte list: a line is enough.
        String message = text != null && text.length() > 300 ? text.substring(0, 300) + "... (" + text.length() + " chars)" : text;
        if (message != null && message.startsWith("bad event")) {
            LOG.debug(message); // the no-op event SipStackHost posts to wake the stopped event thread
        } else if (exception != null) {
            LOG.warn(exception, message);
        } else {
            LOG.warn(message);
        }
    }

    @Override
    public void logWarning(String message) {
        LOG.debug(message);
    }

    @Override
    public void logInfo(String message) {
        LOG.trace(message);
    }

    @Override
    public void disableLogging() {
    }

    @Override
    public void enableLogging() {
    }

    @Override
    public void setBuildTimeStamp(String buildTimeStamp) {
    }

    @Override
    public void setStackProperties(Properties stackProperties) {
    }

    @Override
    public String getLoggerName() {
        return "jain-sip";
    }
}
