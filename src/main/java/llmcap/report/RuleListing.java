package llmcap.report;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Map;
import llmcap.engine.RuleIndex;
import llmcap.engine.RuleInfo;

/** {@code llmcap rules}: every rule with its file:line, what it derives and what it reads. */
public final class RuleListing {

    private RuleListing() {
    }

    public static String text(RuleIndex index) {
        StringBuilder out = new StringBuilder();
        String file = null;
        for (RuleInfo r : index.rules()) {
            if (!r.file().equals(file)) {
                file = r.file();
                out.append(out.length() == 0 ? "" : "\n").append(file).append('\n');
            }
            out.append(String.format("  %-5s %s%n", ":" + r.line(), r.name()));
            out.append("        derives ").append(derives(r.derives())).append('\n');
            if (!r.reads().isEmpty()) {
                out.append("        reads   ").append(String.join(", ", r.reads())).append('\n');
            }
            if (!r.absent().isEmpty()) {
                out.append("        unless  ").append(String.join(", ", r.absent())).append(" is given\n");
            }
        }
        out.append('\n').append(index.rules().size()).append(" rules. Edit any of them and re-run: no rebuild.\n");
        return out.toString();
    }

    public static String json(RuleIndex index) {
        JsonArray a = new JsonArray();
        for (RuleInfo r : index.rules()) {
            JsonObject o = new JsonObject();
            o.addProperty("name", r.name());
            o.addProperty("file", r.file());
            o.addProperty("line", r.line());
            JsonObject d = new JsonObject();
            r.derives().forEach(d::addProperty);
            o.add("derives", d);
            o.add("reads", Json.strings(r.reads()));
            o.add("unless", Json.strings(r.absent()));
            a.add(o);
        }
        return Json.write(a);
    }

    private static String derives(Map<String, String> derives) {
        if (derives.isEmpty()) {
            return "(nothing the index can see)";
        }
        StringBuilder sb = new StringBuilder();
        derives.forEach((n, u) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(u.isEmpty() ? "" : " [" + u + "]"));
        return sb.toString();
    }
}
