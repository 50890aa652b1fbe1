package llmcap.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of a what-if report (compare, sensitivity, uncertainty) before it has a format: each cell
 * holds what people read ({@link Show}'s {@code 2,207 GPU}) and what CSV carries (the number in base
 * units), so text, Markdown and CSV show the same rows and columns.
 */
final class Grid {

    /** One cell: as people read it, and as CSV carries it. */
    record Cell(String human, String csv) {
        static Cell text(String s) {
            return new Cell(s, s);
        }

        static Cell number(double v, String human) {
            return new Cell(human, Csv.number(v));
        }
    }

    private final List<String> head;
    private final boolean[] right;
    private final List<List<Cell>> rows = new ArrayList<>();

    /** Columns of text first and last, numbers between (right-aligned in text). */
    Grid(List<String> head) {
        this(head, middleRight(head.size()));
    }

    /** {@code right[i]}: column i holds numbers, right-aligned in text. */
    Grid(List<String> head, boolean[] right) {
        this.head = List.copyOf(head);
        this.right = right.clone();
        if (right.length != head.size()) {
            throw new IllegalArgumentException(right.length + " alignments for " + head.size() + " columns");
        }
    }

    private static boolean[] middleRight(int n) {
        boolean[] right = new boolean[n];
        for (int i = 1; i < n - 1; i++) {
            right[i] = true;
        }
        return right;
    }

    Grid row(List<Cell> cells) {
        if (cells.size() != head.size()) {
            throw new IllegalArgumentException(cells.size() + " cells for " + head.size() + " columns");
        }
        rows.add(List.copyOf(cells));
        return this;
    }

    /** Aligned columns, numbers right-aligned. */
    String text() {
        Table t = new Table(right);
        t.row(head.toArray(String[]::new));
        rows.forEach(r -> t.row(r.stream().map(Cell::human).toArray(String[]::new)));
        return t.render("");
    }

    String markdown() {
        StringBuilder b = new StringBuilder("| ").append(String.join(" | ", head.stream().map(MarkdownReport::cell)
                .toList())).append(" |\n|");
        head.forEach(h -> b.append("---|"));
        b.append('\n');
        rows.forEach(r -> b.append("| ").append(String.join(" | ", r.stream().map(c -> MarkdownReport.cell(c.human()))
                .toList())).append(" |\n"));
        return b.toString();
    }

    String csv() {
        StringBuilder b = new StringBuilder(Csv.line(head));
        rows.forEach(r -> b.append(Csv.line(r.stream().map(Cell::csv).toList())));
        return b.toString();
    }
}
