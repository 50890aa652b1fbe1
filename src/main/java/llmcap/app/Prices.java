package llmcap.app;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the reader of a comparison should know about the prices its rows were costed at. */
final class Prices {

    private Prices() {
    }

    /**
     * A note when the prices are not like for like: offered on different terms (on-demand beside a
     * reserved block or a price a paper assumed), or dated far apart.
     */
    static List<String> notes(List<CompareResult.Row> rows) {
        Map<String, Set<String>> gpusByTerms = new TreeMap<>();
        TreeSet<String> dates = new TreeSet<>();
        for (CompareResult.Row r : rows) {
            CompareResult.Price p = r.price();
            if (p.usdPerGpuHour().isPresent()) {
                gpusByTerms.computeIfAbsent(p.terms(), t -> new LinkedHashSet<>()).add(r.gpu());
                if (!p.date().isEmpty()) {
                    dates.add(p.date());
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (gpusByTerms.size() > 1) {
            out.add("prices are not like for like: " + gpusByTerms.entrySet().stream()
                    .map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")").collect(Collectors.joining(", "))
                    + "; a reserved block, a spot or an assumed price is not what renting on demand costs");
        }
        if (dates.size() > 1 && year(dates.last()) - year(dates.first()) >= 1) {
            out.add("prices are dated from " + dates.first() + " to " + dates.last()
                    + "; read each with its date");
        }
        return out;
    }

    private static int year(String date) {
        try {
            return Integer.parseInt(date.substring(0, 4));
        } catch (RuntimeException e) {
            return 0;
        }
    }
}
