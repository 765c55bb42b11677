/**
 * Routes JAIN-SIP RI's logging to slf4j: {@link io.outdial.sip.ua.logging.Slf4jMessageLogger} logs every SIP message
 * sent or received (logger {@code io.outdial.sip.messages}) and {@link io.outdial.sip.ua.logging.Slf4jStackLogger} the
 * stack's own diagnostics, quieter than the stack rates them. The stack instantiates both by class name from its
 * properties; they depend on no other package of the module.
 */
package io.outdial.sip.ua.logging;
