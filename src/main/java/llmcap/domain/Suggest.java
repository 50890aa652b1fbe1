package llmcap.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** Finds the names closest to a misspelt one, for "did you mean" hints. */
public final class Suggest {

    private Suggest() {
    }

    /** Up to three known names within a plausible edit distance of {@code wrong}, closest first. */
    public static List<String> closest(String wrong, Collection<String> known) {
        int limit = Math.max(2, wrong.length() / 3);
        return known.stream()
                .filter(k -> distance(wrong, k) <= limit || k.contains(wrong) && wrong.length() >= 3)
                .sorted(Comparator.comparingInt((String k) -> k.contains(wrong) ? 0 : 1)
                        .thenComparingInt(k -> distance(wrong, k)).thenComparing(k -> k))
                .limit(3)
                .toList();
    }

    /** " (did you mean a, b?)" or "" when nothing is close. */
    public static String hint(String wrong, Collection<String> known) {
        List<String> c = closest(wrong, known);
        return c.isEmpty() ? "" : " (did you mean " + String.join(", ", c) + "?)";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
