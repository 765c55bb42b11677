package io.outdial.dialer.responses;

import io.outdial.dialer.store.CallingListStore;
import io.outdial.dialer.store.StandardResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/** The campaigns' standard responses, over the store; every call runs on the database pool. Any thread. */
public final class StandardResponses {

    /** What an upload did: responses added, responses replaced (same title), and the rows refused. */
    public record UploadReport(int added, int replaced, List<ResponseUpload.Rejected> rejected) {
    }

    private final CallingListStore store;
    private final Executor database;

    public StandardResponses(CallingListStore store, Executor database) {
        this.store = store;
        this.database = database;
    }

    public CompletableFuture<List<StandardResponse>> search(String campaign, String query) {
        return CompletableFuture.supplyAsync(() -> store.responses().search(campaign, query), database);
    }

    /** Stores the good rows of {@code upload} (a response of the same title is replaced). */
    public CompletableFuture<UploadReport> upload(String campaign, ResponseUpload upload) {
        return CompletableFuture.supplyAsync(() -> {
            int added = 0;
            int replaced = 0;
            for (ResponseUpload.Row row : upload.rows()) {
                if (store.responses().put(campaign, row.title(), row.text(), row.tags())) {
                    added++;
                } else {
                    replaced++;
                }
            }
            return new UploadReport(added, replaced, upload.rejected());
        }, database);
    }

    public CompletableFuture<Boolean> remove(String campaign, long responseId) {
        return CompletableFuture.supplyAsync(() -> store.responses().remove(campaign, responseId), database);
    }
}
