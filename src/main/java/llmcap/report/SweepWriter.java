package llmcap.report;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import llmcap.app.Dimension;
import llmcap.app.Sweep;
import llmcap.engine.Derivation;

/** Sweep rows as CSV (values in base units, each output's rule file:line beside it) or JSON Lines. */
public final class SweepWriter implements Sweep.Sink {

    public enum Format { csv, jsonl }

    private static final Gson GSON = new com.google.gson.GsonBuilder().serializeNulls().create();

    private final PrintWriter out;
    private final Format format;
    private final List<Dimension> dims;
    private final List<String> outputs;

    public SweepWriter(PrintWriter out, Format format, List<Dimension> dims, List<String> outputs, List<String> units) {
        this.out = out;
        this.format = format;
        this.dims = dims;
        this.outputs = outputs;
        this.units = units;
    }

    private final List<String> units;
    private boolean started;

    /** The CSV header, written with the first row, so a sweep that fails before any row writes nothing. */
    private void header() {
        started = true;
        if (format == Format.csv) {
            List<String> h = new ArrayList<>(List.of("row", "model", "gpu"));
            for (Dimension d : dims) {
                if (!d.isId()) {
                    h.add(d.name());
                }
            }
            for (int i = 0; i < outputs.size(); i++) {
                h.add(outputs.get(i) + " [" + units.get(i) + "]");
                h.add(outputs.get(i) + ".source");
            }
            out.print(Csv.line(h));
        }
    }

    @Override
    public void row(Sweep.Row r) {
        if (!started) {
            header();
        }
        if (format == Format.csv) {
            List<String> cells = new ArrayList<>(List.of(Long.toString(r.index()), r.model(), r.gpu()));
            for (int d = 0; d < dims.size(); d++) {
                if (!dims.get(d).isId()) {
                    cells.add(r.values()[d]);
                }
            }
            for (Derivation o : r.outputs()) {
                cells.add(o == null ? "" : o.isSetting() ? o.setting().value() : Csv.number(o.quantity().value()));
                cells.add(o == null ? "" : o.origin().where());
            }
            out.print(Csv.line(cells));
            return;
        }
        JsonObject o = new JsonObject();
        o.addProperty("row", r.index());
        o.addProperty("model", r.model());
        o.addProperty("gpu", r.gpu());
        JsonObject vary = new JsonObject();
        for (int d = 0; d < dims.size(); d++) {
            if (!dims.get(d).isId()) {
                vary.addProperty(dims.get(d).name(), r.values()[d]);
            }
        }
        o.add("vary", vary);
        JsonObject outs = new JsonObject();
        for (int i = 0; i < outputs.size(); i++) {
            Derivation d = r.outputs()[i];
            if (d == null) {
                outs.add(outputs.get(i), com.google.gson.JsonNull.INSTANCE);
                continue;
            }
            JsonObject x = new JsonObject();
            Json.value(x, d);
            x.addProperty("rule", d.origin().rule());
            x.addProperty("source", d.origin().where());
            x.add("inputs", Json.strings(d.inputs()));
            outs.add(outputs.get(i), x);
        }
        o.add("outputs", outs);
        out.println(GSON.toJson(o));
    }
}
