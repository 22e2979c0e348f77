package org.deskphone.sip;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;
import java.util.Properties;
import java.util.regex.Pattern;
import javax.sip.SipStack;
import org.tinylog.Logger;
import org.tinylog.TaggedLogger;

/**
 * The SIP message trace, at debug level under the tag {@code sip}: every message sent and received, with
 * the digest response and client nonce of {@code Authorization} headers masked, so that a trace can be
 * shared without handing over a replayable credential.
 */
public final class WireTrace implements ServerLogger {
    private static final TaggedLogger LOG = Logger.tag("sip");
    private static final Pattern SECRET = Pattern.compile("(?i)((?:response|cnonce)\\s*=\\s*)(\"[^\"]*\"|[^,\\s]+)");

    public WireTrace() {
        // jain-sip instantiates the class named in gov.nist.javax.sip.SERVER_LOGGER.
    }

    /** {@code text} with digest responses masked; for traces and tests. */
    public static String mask(String text) {
        return SECRET.matcher(text).replaceAll("$1\"***\"");
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
        trace(message, from, to, sender);
    }

    @Override
    public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
        trace(message, from, to, sender);
    }

    private static void trace(SIPMessage message, String from, String to, boolean sender) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, mask(message.encode()).stripTrailing());
        }
    }

    @Override
    public void closeLogFile() {
    }

    @Override
    public void logException(Exception exception) {
        LOG.debug(exception, "wire trace");
    }

    @Override
    public void setStackProperties(Properties properties) {
    }

    @Override
    public void setSipStack(SipStack stack) {
    }
}
