package dev.belfry.app;

import dev.belfry.cli.ExtraOperation;
import dev.belfry.model.OperationModel;
import dev.belfry.model.ServiceModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends a member list to one room as BatchCreateRoomMembership calls of {@link #BATCH} (the API's limit, D13), up to
 * {@code concurrency} at a time, skipping batches the checkpoint has, and merges every batch's Errors in input order
 * (D80, D82). A call that fails whole (the room is gone, the credentials are refused) stops the run: batches not yet
 * started are not sent, and the failure is thrown once the running ones have finished, so the checkpoint is exact.
 */
final class BatchRunner {
    static final int BATCH = 50;
    private static final OperationModel BATCH_CREATE = ServiceModel.chime().operation("BatchCreateRoomMembership");

    private BatchRunner() {}

    static List<List<MemberList.Entry>> batches(List<MemberList.Entry> entries) {
        List<List<MemberList.Entry>> out = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            out.add(entries.subList(from, Math.min(entries.size(), from + BATCH)));
        }
        return out;
    }

    /** Every batch's errors in input order, those of batches an earlier run finished included. */
    static List<Map<String, Object>> run(
            ExtraOperation.Session session,
            String accountId,
            String roomId,
            List<MemberList.Entry> entries,
            int concurrency,
            Checkpoint checkpoint,
            BatchProgress progress)
            throws Exception {
        List<List<MemberList.Entry>> batches = batches(entries);
        int resumedItems = 0, resumedErrors = 0, resumedBatches = 0;
        for (Map.Entry<Integer, List<Map<String, Object>>> done :
                checkpoint.done().entrySet()) {
            if (done.getKey() < batches.size()) {
                resumedBatches++;
                resumedItems += batches.get(done.getKey()).size();
                resumedErrors += done.getValue().size();
            }
        }
        progress.resumed(resumedBatches, resumedItems, resumedErrors);
        AtomicReference<Throwable> failed = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(concurrency, batches.size())), r -> {
            Thread t = new Thread(r, "belfry-add-members");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < batches.size(); i++) {
                int index = i;
                if (checkpoint.isDone(index)) {
                    continue;
                }
                running.add(pool.submit(() -> {
                    if (failed.get() != null) {
                        return null; // stopped: not sent, so not in the checkpoint either
                    }
                    try {
                        List<Map<String, Object>> errors = send(session, accountId, roomId, batches.get(index));
                        checkpoint.finished(index, errors);
                        progress.finished(batches.get(index).size(), errors.size());
                    } catch (Throwable t) {
                        failed.compareAndSet(null, t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    failed.compareAndSet(null, e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
            progress.finish();
        }
        if (failed.get() != null) {
            Throwable t = failed.get();
            throw t instanceof Exception e ? e : new IllegalStateException(t);
        }
        List<Map<String, Object>> merged = new ArrayList<>();
        checkpoint.done().forEach((index, errors) -> {
            if (index < batches.size()) {
                merged.addAll(errors);
            }
        });
        return merged;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> send(
            ExtraOperation.Session session, String accountId, String roomId, List<MemberList.Entry> batch) {
        List<Object> items = new ArrayList<>();
        for (MemberList.Entry e : batch) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("MemberId", e.memberId());
            if (e.role() != null) {
                item.put("Role", e.role());
            }
            items.add(item);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("AccountId", accountId);
        params.put("RoomId", roomId);
        params.put("MembershipItemList", items);
        Object errors = session.call(BATCH_CREATE, params).get("Errors");
        return errors instanceof List<?> list ? List.copyOf((List<Map<String, Object>>) list) : List.of();
    }
}
