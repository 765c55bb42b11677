package io.outdial.sip.ua.guard;

import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import io.outdial.sip.SipTraffic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The stack's message parser factory (gov.nist.javax.sip.MESSAGE_PARSER_FACTORY, instantiated by the stack by class
 * name): JAIN-SIP's own parsers, each wrapped in a {@link GuardedMessageParser}. Its drops are counted in the
 * {@link SipTraffic} registered for the stack's name with {@link #register}.
 */
public final class GuardedMessageParserFactory implements MessageParserFactory {
    private static final Map<String, SipTraffic> TRAFFIC = new ConcurrentHashMap<>();

    private final StringMsgParserFactory delegate = new StringMsgParserFactory();

    public GuardedMessageParserFactory() {
        // Instantiated reflectively by the stack.
    }

    /** Counts the drops of the stack named {@code stackName} in {@code traffic}; call before creating the stack. */
    public static void register(String stackName, SipTraffic traffic) {
        TRAFFIC.put(stackName, traffic);
    }

    /** Forgets the stack named {@code stackName} (when it stops). */
    public static void unregister(String stackName) {
        TRAFFIC.remove(stackName);
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        SipTraffic traffic = stack instanceof javax.sip.SipStack named && named.getStackName() != null
                ? TRAFFIC.get(named.getStackName()) : null;
        return new GuardedMessageParser(delegate.createMessageParser(stack), traffic);
    }
}
