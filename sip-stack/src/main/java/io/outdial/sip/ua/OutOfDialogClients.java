package io.outdial.sip.ua;

import io.outdial.core.exec.CallExecutor;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ResponseEvent;
import javax.sip.TimeoutEvent;

/**
 * Requests we send outside any leg (REGISTER to the trunk), by Call-ID, so the dispatcher can hand their responses
 * and timeouts to the one that sent them, on its own executor.
 */
final class OutOfDialogClients {
    /** What sent such a request. */
    interface Client {
        CallExecutor executor();

        void onResponse(ResponseEvent event);

        void onTimeout(TimeoutEvent event);
    }

    private final ConcurrentHashMap<String, Client> byCallId = new ConcurrentHashMap<>();

    void add(String callId, Client client) {
        byCallId.put(callId, client);
    }

    void remove(String callId) {
        byCallId.remove(callId);
    }

    Client find(String callId) {
        return callId == null ? null : byCallId.get(callId);
    }
}
