package llmcap.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the names closest to a misspelt one, for "did you mean" hints. Bounded whatever it is given:
 * a name longer than {@value #LONGEST} characters is close to nothing llmcap knows, a known name whose
 * length differs by more than the allowed distance is skipped unmeasured, and a distance is abandoned
 * as soon as it passes the limit (a 100 KB misspelt id took 43 s before).
 */
public final class Suggest {

    /** Longer than any id, quantity or field name; a longer misspelling gets no suggestion. */
    static final int LONGEST = 100;

    private Suggest() {
    }

    private record Close(String name, boolean contains, int distance) {
    }

    /** Up to three known names within a plausible edit distance of {@code wrong}, closest first. */
    public static List<String> closest(String wrong, Collection<String> known) {
        if (wrong.length() > LONGEST) {
            return List.of();
        }
        int limit = Math.max(2, wrong.length() / 3);
        List<Close> found = new ArrayList<>();
        for (String k : known) {
            boolean contains = wrong.length() >= 3 && k.contains(wrong);
            if (contains || Math.abs(k.length() - wrong.length()) <= limit) { // the distance is at least that
                int d = distance(wrong, k, limit);
                if (contains || d <= limit) {
                    found.add(new Close(k, contains, d));
                }
            }
        }
        return found.stream()
                .sorted(Comparator.comparing((Close c) -> !c.contains()).thenComparingInt(Close::distance)
                        .thenComparing(Close::name))
                .limit(3).map(Close::name).toList();
    }

    /** " (did you mean a, b?)" or "" when nothing is close. */
    public static String hint(String wrong, Collection<String> known) {
        List<String> c = closest(wrong, known);
        return c.isEmpty() ? "" : " (did you mean " + String.join(", ", c) + "?)";
    }

    static int distance(String a, String b) {
        return distance(a, b, Integer.MAX_VALUE - 1);
    }

    /** The edit distance of {@code a} and {@code b}, or some number above {@code limit} once it is sure to pass it. */
    static int distance(String a, String b, int limit) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            int best = cur[0];
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                best = Math.min(best, cur[j]);
            }
            if (best > limit) {
                return limit + 1; // every later row is at least as far
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
