package dev.belfry.store;

import java.util.Map;

/** What {@link StoreCopier#copy} moved: rows per table, in copy order, verified equal on both sides. */
public record CopyReport(Map<String, Long> rowsPerTable) {
    public CopyReport {
        rowsPerTable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(rowsPerTable));
    }

    public long totalRows() {
        return rowsPerTable.values().stream().mapToLong(Long::longValue).sum();
    }
}
