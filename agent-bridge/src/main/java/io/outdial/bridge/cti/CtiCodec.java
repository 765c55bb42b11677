package io.outdial.bridge.cti;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.outdial.bridge.json.BridgeJson;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Text of the CTI wire protocol to and from {@link CtiCommand} and {@link CtiEvent}. Validates what Jackson alone
 * would let through (missing required fields) so that the dialer only ever sees complete commands. Thread-safe.
 */
public final class CtiCodec {

    /**
     * Fields without which a command means nothing; the others are optional. {@code Login.phone} is optional: the
     * dialer falls back to the agent's configured phone.
     */
    private static final Map<Class<?>, List<String>> REQUIRED = Map.ofEntries(
            Map.entry(CtiCommand.Login.class, List.of("agentId", "secret")),
            Map.entry(CtiCommand.SetCallResult.class, List.of("interactionId", "callResult")),
            Map.entry(CtiCommand.MarkDone.class, List.of("interactionId")),
            Map.entry(CtiCommand.GetRecord.class, List.of("campaign")),
            Map.entry(CtiCommand.GetDispositionOptions.class, List.of("campaign")),
            Map.entry(CtiCommand.Call.class, List.of("interactionId")),
            Map.entry(CtiCommand.Decline.class, List.of("interactionId", "reason")),
            Map.entry(CtiCommand.DoneAndStop.class, List.of("interactionId")),
            Map.entry(CtiCommand.SetDisposition.class, List.of("interactionId")),
            Map.entry(CtiCommand.ScheduleCallback.class, List.of("interactionId", "at")),
            Map.entry(CtiCommand.CancelCallback.class, List.of("interactionId")),
            Map.entry(CtiCommand.Hold.class, List.of("interactionId")),
            Map.entry(CtiCommand.Retrieve.class, List.of("interactionId")),
            Map.entry(CtiCommand.Accept.class, List.of("interactionId")),
            Map.entry(CtiCommand.Reject.class, List.of("interactionId")),
            Map.entry(CtiCommand.StopRecords.class, List.of("campaign")),
            Map.entry(CtiCommand.ReleaseCall.class, List.of("interactionId")),
            Map.entry(CtiCommand.Transfer.class, List.of("interactionId")),
            Map.entry(CtiCommand.Consult.class, List.of("interactionId")),
            Map.entry(CtiCommand.Conference.class, List.of("interactionId")),
            Map.entry(CtiCommand.Recall.class, List.of("interactionId")),
            Map.entry(CtiCommand.LeaveConference.class, List.of("interactionId")),
            Map.entry(CtiCommand.CompleteTransfer.class, List.of("interactionId")),
            Map.entry(CtiCommand.CompleteConference.class, List.of("interactionId")),
            Map.entry(CtiCommand.CancelConsult.class, List.of("interactionId")),
            Map.entry(CtiCommand.UpdateRecordFields.class, List.of("interactionId", "fields")),
            Map.entry(CtiCommand.GetContactHistory.class, List.of("interactionId")),
            Map.entry(CtiCommand.GetContactNumbers.class, List.of("interactionId")),
            Map.entry(CtiCommand.PauseAutoDial.class, List.of("interactionId")),
            Map.entry(CtiCommand.ChangeNumber.class, List.of("interactionId")),
            Map.entry(CtiCommand.SendDtmf.class, List.of("interactionId", "digits")),
            Map.entry(CtiCommand.StartRecording.class, List.of("interactionId")),
            Map.entry(CtiCommand.StopRecording.class, List.of("interactionId")),
            Map.entry(CtiCommand.PauseRecording.class, List.of("interactionId")),
            Map.entry(CtiCommand.ResumeRecording.class, List.of("interactionId")),
            Map.entry(CtiCommand.GetResponses.class, List.of("campaign")),
            Map.entry(CtiCommand.GetContactDirectory.class, List.of("interactionId")),
            Map.entry(CtiCommand.SearchContacts.class, List.of("campaign", "query")),
            Map.entry(CtiCommand.PhoneOffer.class, List.of("sdp")));

    private static final Map<String, Class<?>> COMMAND_TYPES = commandTypes();

    private final ObjectMapper mapper;
    private final ObjectReader commandReader;
    private final ObjectWriter eventWriter;

    /** A codec with its own mapper from {@link BridgeJson#newMapper()}. */
    public CtiCodec() {
        this(BridgeJson.newMapper());
    }

    /** A codec sharing {@code mapper}, which should come from {@link BridgeJson#newMapper()}. */
    public CtiCodec(ObjectMapper mapper) {
        this.mapper = mapper;
        this.commandReader = mapper.readerFor(CtiCommand.class);
        // Written as the sealed type, so the "type" property is always there.
        this.eventWriter = mapper.writerFor(CtiEvent.class);
    }

    /** The command names of the protocol (the {@code type} values), for documentation and tests. */
    public static List<String> commandNames() {
        return List.copyOf(COMMAND_TYPES.keySet());
    }

    /**
     * Parses one desktop message.
     *
     * @throws InvalidCommandException with code MALFORMED, UNKNOWN_COMMAND or INVALID
     */
    public CtiCommand decode(String text) {
        JsonNode tree;
        try {
            tree = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException(null, CtiErrorCodes.MALFORMED, "not valid JSON: " + e.getOriginalMessage());
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidCommandException(null, CtiErrorCodes.MALFORMED, "a command is a JSON object");
        }
        JsonNode requestIdNode = tree.get("requestId");
        String requestId = requestIdNode != null && requestIdNode.isValueNode() && !requestIdNode.isNull()
                ? requestIdNode.asText() : null;
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || typeNode.isNull()) {
            throw new InvalidCommandException(requestId, CtiErrorCodes.INVALID, "missing field: type");
        }
        if (!typeNode.isTextual()) {
            throw new InvalidCommandException(requestId, CtiErrorCodes.INVALID, "field type must be a string");
        }
        Class<?> commandType = COMMAND_TYPES.get(typeNode.textValue());
        if (commandType == null) {
            throw new InvalidCommandException(requestId, CtiErrorCodes.UNKNOWN_COMMAND,
                    "unknown command type: " + typeNode.textValue());
        }
        for (String field : REQUIRED.getOrDefault(commandType, List.of())) {
            JsonNode value = tree.get(field);
            if (value == null || value.isNull() || value.isTextual() && value.textValue().isBlank()) {
                throw new InvalidCommandException(requestId, CtiErrorCodes.INVALID, "missing field: " + field);
            }
        }
        try {
            return commandReader.treeToValue(tree, CtiCommand.class);
        } catch (JsonProcessingException e) {
            throw new InvalidCommandException(requestId, CtiErrorCodes.INVALID, "invalid value for field "
                    + fieldOf(e) + ": expected a string");
        }
    }

    /**
     * The JSON text of an event.
     *
     * @throws IllegalArgumentException if the event cannot be serialised (a value Jackson cannot write)
     */
    public String encode(CtiEvent event) {
        try {
            return eventWriter.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot serialise " + event.getClass().getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
    }

    private static String fieldOf(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String name = m.getPath().get(m.getPath().size() - 1).getFieldName();
            if (name != null) {
                return name;
            }
        }
        return "(unknown)";
    }

    private static Map<String, Class<?>> commandTypes() {
        Map<String, Class<?>> types = new HashMap<>();
        for (JsonSubTypes.Type t : CtiCommand.class.getAnnotation(JsonSubTypes.class).value()) {
            types.put(t.name(), t.value());
        }
        return Map.copyOf(types);
    }
}
