package llmcap.report;

import java.util.ArrayList;
import java.util.List;

/** A plain-text table with aligned columns; columns flagged numeric are right-aligned. */
final class Table {

    private final List<String[]> rows = new ArrayList<>();
    private final boolean[] right;

    Table(boolean... rightAligned) {
        this.right = rightAligned;
    }

    Table row(String... cells) {
        rows.add(cells);
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    String render(String indent) {
        int n = right.length;
        int[] width = new int[n];
        for (String[] r : rows) {
            for (int i = 0; i < n; i++) {
                width[i] = Math.max(width[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int i = 0; i < n; i++) {
                String cell = r[i];
                String pad = " ".repeat(width[i] - cell.length());
                line.append(right[i] ? pad + cell : i == n - 1 ? cell : cell + pad);
                if (i < n - 1) {
                    line.append("  ");
                }
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        return sb.toString();
    }
}
