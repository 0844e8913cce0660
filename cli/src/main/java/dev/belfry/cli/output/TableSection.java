package dev.belfry.cli.output;

import dev.belfry.cli.param.PyRepr;
import java.util.ArrayList;
import java.util.List;

/** table.py's Section: a title, optional headers and rows, and the widths its columns need. */
final class TableSection {
    String title = "";
    List<String> headers = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();
    int indentLevel;
    private Integer numCols;
    private List<Integer> maxWidths = new ArrayList<>();

    List<Integer> columnWidths(int padding, Integer maxWidth) {
        List<Integer> unscaled = new ArrayList<>();
        maxWidths.forEach(w -> unscaled.add(w + padding));
        if (maxWidth == null || unscaled.isEmpty()) {
            return unscaled;
        }
        double total = unscaled.stream().mapToInt(Integer::intValue).sum();
        double scale = maxWidth / total;
        List<Integer> scaled = new ArrayList<>();
        unscaled.forEach(w -> scaled.add((int) Math.rint(scale * w)));
        int offBy = scaled.stream().mapToInt(Integer::intValue).sum() - maxWidth;
        while (offBy != 0) {
            for (int k = 0; k < scaled.size(); k++) {
                int i = offBy < 0 ? scaled.size() - 1 - k : k;
                if (offBy > 0) {
                    scaled.set(i, scaled.get(i) - 1);
                    offBy--;
                } else {
                    scaled.set(i, scaled.get(i) + 1);
                    offBy++;
                }
                if (offBy == 0) {
                    break;
                }
            }
        }
        return scaled;
    }

    int totalWidth(int padding, boolean withBorder, int outerPadding) {
        int total = 0;
        for (int w : columnWidths(0, null)) {
            total += w + padding;
        }
        if (withBorder) {
            total += 2;
        }
        total += 2 * outerPadding;
        return Math.max(TableText.length(title) + 2 + 2 * outerPadding, total);
    }

    void addHeader(List<String> h) {
        updateMaxWidths(h);
        if (numCols == null) {
            numCols = h.size();
        }
        headers = h;
    }

    void addRow(List<?> row) {
        if (numCols == null) {
            numCols = row.size();
        }
        if (row.size() != numCols) {
            throw new IllegalArgumentException(
                    "Row should have " + numCols + " elements, instead it has " + row.size());
        }
        List<String> formatted = new ArrayList<>();
        row.forEach(r -> formatted.add(PyRepr.str(r)));
        rows.add(formatted);
        updateMaxWidths(formatted);
    }

    private void updateMaxWidths(List<String> row) {
        if (maxWidths.isEmpty()) {
            List<Integer> widths = new ArrayList<>();
            row.forEach(el -> widths.add(TableText.length(el)));
            maxWidths = widths;
        } else {
            for (int i = 0; i < row.size(); i++) {
                maxWidths.set(i, Math.max(TableText.length(row.get(i)), maxWidths.get(i)));
            }
        }
    }
}
