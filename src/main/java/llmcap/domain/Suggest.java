package llmcap.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds the names closest to a misspelt one, for "did you mean" hints. Case does not count. Names that
 * begin with what was typed come first ({@code H100}: h100-sxm, h100-pcie, h100-nvl, in the order they
 * are known), then names that contain it, then names within a plausible edit distance, closest first.
 *
 * <p>Bounded whatever it is given: a name longer than {@value #LONGEST} characters is close to nothing
 * llmcap knows, a known name whose length differs by more than the allowed distance is skipped
 * unmeasured, and a distance is abandoned as soon as it passes the limit (a 100 KB misspelt id took
 * 43 s before).
 */
public final class Suggest {

    /** Longer than any id, quantity or field name; a longer misspelling gets no suggestion. */
    static final int LONGEST = 100;
    /** How many candidates an ambiguous id lists at most. */
    static final int MOST_AMBIGUOUS = 6;

    private Suggest() {
    }

    /** 0: begins with the typed text, 1: contains it, 2: within the edit distance. */
    private record Close(String name, int tier, int distance, int order) {
    }

    /** Up to three known names close to {@code wrong}: prefixes first, then containing names, then by distance. */
    public static List<String> closest(String wrong, Collection<String> known) {
        if (wrong.length() > LONGEST) {
            return List.of();
        }
        String w = wrong.strip().toLowerCase(Locale.ROOT);
        int limit = Math.max(2, w.length() / 3);
        List<Close> found = new ArrayList<>();
        int order = 0;
        for (String k : known) {
            String lower = k.toLowerCase(Locale.ROOT);
            int tier = w.length() >= 2 && lower.startsWith(w) ? 0 : w.length() >= 3 && lower.contains(w) ? 1 : 2;
            if (tier < 2) {
                found.add(new Close(k, tier, 0, order));
            } else if (Math.abs(lower.length() - w.length()) <= limit) { // the distance is at least that
                int d = distance(w, lower, limit);
                if (d <= limit) {
                    found.add(new Close(k, tier, d, order));
                }
            }
            order++;
        }
        return found.stream()
                .sorted(Comparator.comparingInt(Close::tier).thenComparingInt(Close::distance)
                        .thenComparingInt(Close::order))
                .limit(3).map(Close::name).toList();
    }

    /** " (did you mean a, b?)" or "" when nothing is close. */
    public static String hint(String wrong, Collection<String> known) {
        List<String> c = closest(wrong, known);
        return c.isEmpty() ? "" : " (did you mean " + String.join(", ", c) + "?)";
    }

    /**
     * The known ids that begin with {@code typed} (case aside), in the order they are known, when there
     * are two or more: the id is ambiguous. Empty otherwise.
     */
    public static List<String> ambiguous(String typed, Collection<String> known) {
        String t = typed.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.length() > LONGEST) {
            return List.of();
        }
        List<String> out = known.stream().filter(k -> k.toLowerCase(Locale.ROOT).startsWith(t)).toList();
        return out.size() >= 2 ? out : List.of();
    }

    /**
     * For an id the catalog lacks: " (ambiguous: h100-sxm, h100-pcie, h100-nvl)" when it begins two or more
     * known ids, else the "did you mean" hint.
     */
    public static String idHint(String typed, Collection<String> known) {
        List<String> a = ambiguous(typed, known);
        if (a.isEmpty()) {
            return hint(typed, known);
        }
        String shown = String.join(", ", a.subList(0, Math.min(a.size(), MOST_AMBIGUOUS)));
        return " (ambiguous: " + shown + (a.size() > MOST_AMBIGUOUS ? ", ..." : "") + ")";
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
