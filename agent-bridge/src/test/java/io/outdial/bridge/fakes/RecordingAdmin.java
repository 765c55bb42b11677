package io.outdial.bridge.fakes;

import io.outdial.bridge.admin.AdminApi;
import io.outdial.bridge.admin.ByteRange;
import io.outdial.bridge.admin.RangeNotSatisfiable;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;

/** Stands in for the dialer's admin API: records each call and answers with what the test chose. */
public final class RecordingAdmin implements AdminApi {

    /** One call: the method name and its arguments. */
    public record Call(String method, List<Object> args) { }

    public final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
    private volatile Function<Call, CompletableFuture<Object>> answer =
            call -> CompletableFuture.completedFuture(Map.of("called", call.method()));

    public RecordingAdmin answerWith(Function<Call, CompletableFuture<Object>> answer) {
        this.answer = answer;
        return this;
    }

    private CompletableFuture<Object> record(String method, Object... args) {
        Call call = new Call(method, List.of(args));
        calls.add(call);
        return answer.apply(call);
    }

    @Override
    public CompletableFuture<Object> sipPassword(String agentId, String password) {
        return record("sipPassword", agentId, password == null ? "(none)" : password);
    }

    @Override
    public CompletableFuture<Object> auditLog(int limit) {
        return record("auditLog", limit);
    }

    @Override
    public CompletableFuture<Object> removeRegistration(String agentId) {
        return record("removeRegistration", agentId);
    }

    @Override
    public CompletableFuture<Object> campaigns() {
        return record("campaigns");
    }

    @Override
    public CompletableFuture<Object> campaignAction(String campaign, CampaignAction action) {
        return record("campaignAction", campaign, action);
    }

    @Override
    public CompletableFuture<Object> importRecords(String campaign, String csv) {
        return record("importRecords", campaign, csv);
    }

    @Override
    public CompletableFuture<Object> records(String campaign) {
        return record("records", campaign);
    }

    @Override
    public CompletableFuture<String> exportRecords(String campaign) {
        return record("exportRecords", campaign).thenApply(String::valueOf);
    }

    @Override
    public CompletableFuture<Object> stats() {
        return record("stats");
    }

    @Override
    public CompletableFuture<Object> statsHistory() {
        return record("statsHistory");
    }

    @Override
    public CompletableFuture<Object> agents() {
        return record("agents");
    }

    @Override
    public CompletableFuture<Object> doNotCallList() {
        return record("doNotCallList");
    }

    @Override
    public CompletableFuture<Object> addDoNotCall(DoNotCallEntry entry) {
        return record("addDoNotCall", entry);
    }

    /** The recording file {@link #recordingAudio} serves, sliced as the dialer slices its files. */
    public volatile byte[] audio = new byte[0];

    @Override
    public CompletableFuture<RecordingAudio> recordingAudio(long recordingId, String action, String requester,
                                                            ByteRange range) {
        calls.add(new Call("recordingAudio", List.of(recordingId, action, String.valueOf(range))));
        byte[] file = audio;
        ByteRange.Slice slice;
        try {
            slice = range == null ? new ByteRange.Slice(0, file.length - 1L, file.length) : range.resolve(file.length);
        } catch (RangeNotSatisfiable e) {
            return CompletableFuture.failedFuture(e);
        }
        return CompletableFuture.completedFuture(new RecordingAudio(java.util.Arrays.copyOfRange(file,
                (int) slice.from(), (int) slice.to() + 1), "recording-" + recordingId + ".wav", slice));
    }
}
