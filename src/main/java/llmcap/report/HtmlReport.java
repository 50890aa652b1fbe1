package llmcap.report;

import static llmcap.report.HtmlPage.code;
import static llmcap.report.HtmlPage.esc;
import static llmcap.report.HtmlPage.h2;
import static llmcap.report.HtmlPage.p;
import static llmcap.report.HtmlPage.td;
import static llmcap.report.HtmlPage.thead;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.app.CompareResult;
import llmcap.app.Result;
import llmcap.app.SensitivityResult;
import llmcap.app.UncertaintyResult;
import llmcap.app.Validation.CaseResult;
import llmcap.app.Validation.CheckResult;
import llmcap.app.Validation.ImpliedResult;
import llmcap.engine.Derivation;
import llmcap.engine.Estimate;

/**
 * The reports as single self-contained HTML files (inline CSS and SVG charts, no script), for a
 * browser or a CI artefact: the estimate with every derivation one click away, validate, compare,
 * sensitivity and uncertainty. The numbers are formatted as in the text reports ({@link Show}).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    /** The estimate: the answers, published figures, derived quantities each with its derivation, inputs, settings, notes. */
    public static String estimate(EstimateReport report) {
        Result r = report.result();
        Estimate e = r.estimate();
        StringBuilder b = new StringBuilder("<header>\n<h1>llmcap estimate: ").append(esc(r.scenario().title()))
                .append("</h1>\n<p class=\"meta\">scenario <code>").append(esc(r.scenario().id())).append("</code> (")
                .append(esc(r.scenario().file())).append("), model <code>").append(esc(r.model()))
                .append("</code>, GPU <code>").append(esc(r.gpu())).append("</code></p>\n<p class=\"meta\">rules from <code>")
                .append(esc(r.rules().display())).append("</code>, catalog from <code>").append(esc(r.catalog().display()))
                .append("</code>; GB = 1e9 bytes, PFLOP/s = 1e15 FLOP/s</p>\n</header>\n");
        b.append(headline(report));
        List<Comparison> comparisons = report.published();
        if (!comparisons.isEmpty()) {
            b.append(h2(r.comparable() ? "Published figures beside llmcap's" : "Published figures (for "
                    + r.scenario().model() + " on " + r.scenario().gpu() + ", not comparable with this run)"));
            b.append(p("meta", "source: " + r.scenario().source()));
            b.append("<table class=\"published\">\n").append(thead(">#", "quantity", ">llmcap", ">published", ">deviation", "what"));
            List<Svg.Bar> bars = new ArrayList<>();
            for (Comparison c : comparisons) {
                String unit = c.unit();
                String dev = c.ours().map(d -> Show.deviation(d.quantity().value(), c.published().value())).orElse("");
                b.append("<tr>").append(td("num", c.published().figure())).append(code(c.published().quantity()))
                        .append(td("num", c.ours().map(d -> Show.lenient(d.quantity().value(), unit)).orElse("not derived")))
                        .append(td("num", Show.lenient(c.published().value(), unit))).append(td("num", dev))
                        .append(td(null, c.published().label())).append("</tr>\n");
                bars.add(new Svg.Bar("#" + c.published().figure() + " " + c.published().quantity(),
                        c.deviationPercent().orElse(Double.NaN), dev, false));
            }
            b.append("</table>\n");
            List<String> notes = comparisons.stream().filter(c -> !c.published().note().isEmpty())
                    .map(c -> "#" + c.published().figure() + ": " + c.published().note()).toList();
            if (!notes.isEmpty()) {
                b.append(HtmlPage.list(notes));
            }
            b.append(Svg.barChart("Deviation of llmcap from each published figure (%)", bars)).append('\n');
        }
        b.append(h2("Derived quantities")).append(p("meta",
                "Each was computed by the rule at file:line; click a row for its inputs and its whole derivation."));
        b.append("<div class=\"rows\">\n<div class=\"head\"><span></span><span>quantity</span><span class=\"value\">value"
                + "</span><span>file:line</span><span>rule</span></div>\n");
        for (Derivation d : report.derived()) {
            b.append("<details id=\"").append(anchor(d.name())).append("\"><summary><span class=\"name\">")
                    .append(esc(d.name())).append("</span><span class=\"value\">").append(esc(Show.fact(d)))
                    .append("</span><span><code>").append(esc(d.origin().where())).append("</code></span><span>")
                    .append(esc(d.origin().rule())).append("</span></summary>\n<div class=\"derivation\">");
            if (!d.inputs().isEmpty()) {
                b.append("computed from:\n<ul>\n");
                for (String in : d.inputs()) {
                    b.append("<li><a href=\"#").append(anchor(in)).append("\"><code>").append(esc(in)).append("</code></a>");
                    e.get(in).ifPresent(x -> b.append(" = ").append(esc(Show.fact(x))).append(" <span class=\"muted\">(")
                            .append(esc(x.origin().describe())).append(")</span>"));
                    b.append("</li>\n");
                }
                b.append("</ul>\n");
            }
            b.append("<pre class=\"tree\">").append(esc(ExplainTree.render(e, d.name()))).append("</pre></div>\n</details>\n");
        }
        b.append("</div>\n");
        b.append(h2("Assumptions and catalog figures the rules used"));
        b.append("<table class=\"assumptions\">\n").append(thead("quantity", ">value", "set by", "citation"));
        int unused = report.assumptionsUnread();
        for (Derivation d : report.assumptionsRead()) {
            b.append("<tr id=\"").append(anchor(d.name())).append("\">").append(code(d.name()))
                    .append(td("num", Show.fact(d))).append(td(null, TextReport.origin(d)))
                    .append(td("muted", d.origin().source() == null ? "" : d.origin().source())).append("</tr>\n");
        }
        b.append("</table>\n");
        if (unused > 0) {
            b.append(p("meta", TextReport.unread(unused) + "; --format json lists everything."));
        }
        if (!e.settings().isEmpty()) {
            b.append(h2("Settings")).append("<table class=\"settings\">\n").append(thead("setting", "value", "set by"));
            for (Derivation d : report.settings()) {
                b.append("<tr id=\"").append(anchor(d.name())).append("\">").append(code(d.name()))
                        .append(code(d.setting().value())).append(td(null, d.origin().isAssumption()
                                ? TextReport.origin(d) : d.origin().describe())).append("</tr>\n");
            }
            b.append("</table>\n");
        }
        if (!r.notes().isEmpty()) {
            b.append(h2("Notes")).append(HtmlPage.list(r.notes()));
        }
        return HtmlPage.page("estimate", "llmcap estimate: " + r.scenario().id() + " (" + r.model() + " on " + r.gpu() + ")",
                b.toString());
    }

    /** The answers block: a table of the headline's figures, each linked to its derivation below. */
    static String headline(EstimateReport report) {
        EstimateReport.Headline h = report.headline();
        if (h.isEmpty()) {
            return "";
        }
        boolean targets = h.hasTargets();
        StringBuilder b = new StringBuilder("<section class=\"headline\">\n").append(h2(h.title()))
                .append("<table class=\"headline\">\n").append(targets ? thead("", "answer", ">value", "target", "quantity")
                        : thead("", "answer", ">value", "quantity"));
        for (EstimateReport.Section s : h.sections()) {
            String section = s.title();
            for (EstimateReport.Line l : s.lines()) {
                b.append(l.missed() ? "<tr class=\"fail\">" : "<tr>").append(td("section", section))
                        .append(td(null, l.label())).append(td("num", l.shown()));
                if (targets) {
                    b.append(td(l.missed() ? "flag" : null, l.against()));
                }
                b.append(l.value().isPresent() && hasRow(report, l.name()) ? "<td><a href=\"#" + anchor(l.name())
                        + "\"><code>" + esc(l.name()) + "</code></a></td>" : code(l.name())).append("</tr>\n");
                section = "";
            }
        }
        b.append("</table>\n").append(p("meta", "The figures " + h.spec() + " lists for this kind of question."));
        h.warnings().forEach(w -> b.append(p("warning", "Warning: " + w)));
        return b.append("</section>\n").toString();
    }

    /** Validate: every published figure beside llmcap's, rows outside tolerance marked, implied values. */
    public static String validate(List<CaseResult> results) {
        StringBuilder b = new StringBuilder("<header>\n<h1>llmcap validate: ").append(results.size())
                .append(results.size() == 1 ? " case" : " cases").append("</h1>\n");
        boolean all = results.stream().allMatch(CaseResult::passed);
        b.append(p(all ? "meta" : "meta fail", ValidationReport.summary(results))).append("</header>\n");
        b.append(h2("Cases")).append("<table class=\"cases\">\n").append(thead("case", "title", "source", "file", "result"));
        for (CaseResult r : results) {
            b.append(row(!r.passed())).append(code(r.vcase().id())).append(td(null, r.vcase().title()))
                    .append(td("muted", r.vcase().source())).append(code(r.vcase().file()))
                    .append(flag(r.passed(), "passed", "NO")).append("</tr>\n");
        }
        b.append("</table>\n").append(h2("Published figures beside llmcap's"));
        b.append("<table class=\"checks\">\n")
                .append(thead("case", "figure", ">published", ">llmcap", ">deviation", ">tolerance", "within", "why"));
        List<Svg.Bar> bars = new ArrayList<>();
        for (CaseResult r : results) {
            for (CheckResult c : r.checks()) {
                String unit = c.estimated().map(d -> d.quantity().unit()).orElse("1");
                String dev = c.deviationPercent().isPresent() ? Show.signedPercent(c.deviationPercent().getAsDouble()) : "";
                String tolerance = Show.tolerance(c.check().tolerancePercent());
                b.append(row(!c.within())).append(code(r.vcase().id())).append(code(c.check().quantity()))
                        .append(td("num", Show.lenient(c.check().published(), unit)))
                        .append(td("num", c.estimated().map(d -> Show.lenient(d.quantity().value(), unit)).orElse("not derived")))
                        .append(td("num", dev)).append(td("num", tolerance))
                        .append(flag(c.within(), "yes", c.check().knownMiss().isPresent() ? "no (known miss)" : "NO"))
                        .append(td("muted", c.check().why() + c.check().knownMiss().map(k -> " Known miss: " + k).orElse("")))
                        .append("</tr>\n");
                bars.add(new Svg.Bar(r.vcase().id() + ": " + c.check().quantity(),
                        c.deviationPercent().isPresent() ? c.deviationPercent().getAsDouble() : Double.NaN,
                        dev + " (" + tolerance + ")" + (c.within() ? "" : " NO"), !c.within()));
            }
        }
        b.append("</table>\n");
        if (results.stream().anyMatch(r -> r.implied().isPresent())) {
            b.append(h2("Implied values")).append(p("meta", "The value of the quantity solved for that makes llmcap"
                    + " reproduce the published figure, beside the value llmcap works out and the one the run published."));
            b.append("<table class=\"implied\">\n").append(thead("case", "figure", "solved for", ">published", ">implied",
                    ">llmcap's", "published"));
            for (CaseResult r : results) {
                r.implied().ifPresent(x -> b.append(row(!x.within())).append(code(r.vcase().id()))
                        .append(code(x.implied().quantity())).append(code(x.implied().variable()))
                        .append(implied(x, r)).append("</tr>\n"));
            }
            b.append("</table>\n");
        }
        b.append(h2("Deviations")).append(p("meta", "Highlighted bars are outside their tolerance."));
        b.append(Svg.barChart("Deviation of llmcap from each published figure (%)", bars)).append('\n');
        return HtmlPage.page("validate", "llmcap validate", b.toString());
    }

    /** Compare: one row per model x GPU, best first with its price, and one bar chart per figure, the best marked. */
    public static String compare(CompareResult r) {
        String mark = r.ranking().mark();
        StringBuilder b = new StringBuilder("<header>\n<h1>llmcap compare: ").append(esc(r.scenario())).append("</h1>\n");
        b.append(p("meta", r.rows().size() + " model x GPU combinations for a scenario of kind " + r.kind().word() + ", "
                + CompareReport.rankedBy(r) + ".")).append("</header>\n");
        b.append(h2("Figures")).append("<table class=\"compare\">\n<thead><tr><th class=\"num\">rank</th><th>model</th>"
                + "<th>GPU</th>");
        r.outputs().forEach(o -> b.append("<th class=\"num\"><code>").append(esc(o)).append("</code></th>"));
        b.append("<th class=\"num\">price</th><th>terms</th><th>provider</th><th>price date</th><th>notes</th></tr>"
                + "</thead>\n");
        for (CompareResult.Row row : r.rows()) {
            CompareResult.Price price = row.price();
            b.append(row.best() ? "<tr class=\"best\">" : "<tr>")
                    .append(td("num", row.rank().isPresent() ? Integer.toString(row.rank().getAsInt()) : "-"))
                    .append(code(row.model())).append("<td><code>").append(esc(row.gpu())).append("</code>")
                    .append(row.best() ? "<span class=\"badge\">" + mark + "</span>" : "").append("</td>");
            for (String o : r.outputs()) {
                b.append(td("num", figure(row, o).map(Show::fact).orElse("not derived")));
            }
            b.append(td("num", price.usdPerGpuHour().map(v -> Show.value(v, "USD/GPU-h")).orElse("no price")))
                    .append(td(null, price.terms())).append(td(null, price.provider())).append(td(null, price.date()))
                    .append(td("muted", String.join("; ", row.notes()))).append("</tr>\n");
        }
        b.append("</table>\n");
        List<String> footer = CompareReport.footer(r);
        b.append(HtmlPage.list(footer)).append(h2("Charts"));
        for (String o : r.outputs()) {
            List<Svg.Bar> bars = r.rows().stream().map(row -> {
                Optional<Derivation> d = figure(row, o).filter(x -> !x.isSetting());
                return new Svg.Bar(row.model() + " on " + row.gpu(), d.map(x -> x.quantity().value()).orElse(Double.NaN),
                        d.map(Show::fact).orElse(""), row.best());
            }).toList();
            b.append(Svg.barChart(o + (o.equals(r.ranking().by()) ? " (ranked by this, " + r.ranking().order() + "; the "
                    + mark + " highlighted)" : " (the " + mark + " by " + r.ranking().by() + " highlighted)"), bars))
                    .append('\n');
            List<String> missing = bars.stream().filter(x -> Double.isNaN(x.value())).map(Svg.Bar::label).toList();
            if (!missing.isEmpty()) {
                b.append(p("meta", "not derived for " + String.join(", ", missing)));
            }
        }
        return HtmlPage.page("compare", "llmcap compare: " + r.scenario(), b.toString());
    }

    /** Sensitivity: the tornado and the table of assumptions, both in the order of the result (its ranking). */
    public static String sensitivity(SensitivityResult r) {
        // Ranked by the command, largest spread first; assumptions that do not move the output are counted, not drawn.
        List<SensitivityResult.Row> ranked = r.rows().stream().filter(SensitivityResult.Row::shown).toList();
        long still = r.rows().size() - ranked.size();
        String swing = Show.significant(r.swing() * 100, 3) + " %";
        StringBuilder b = new StringBuilder("<header>\n<h1>llmcap sensitivity: <code>").append(esc(r.output()))
                .append("</code></h1>\n<p class=\"meta\">scenario <code>").append(esc(r.scenario()))
                .append("</code>; base value ").append(esc(Show.lenient(r.baseValue(), r.unit()))).append("; each assumption moved ")
                .append(esc("±" + swing)).append(", one at a time, ranked by how far the output moves.</p>\n</header>\n");
        List<Svg.Swing> swings = ranked.stream().map(x -> new Svg.Swing(x.assumption(), x.outputAtLow(), x.outputAtHigh(),
                Show.lenient(x.outputAtLow(), r.unit()), Show.lenient(x.outputAtHigh(), r.unit()))).toList();
        b.append(h2("Tornado")).append(Svg.tornado(r.output() + " with each assumption at -" + swing + " and +" + swing,
                r.baseValue(), Show.lenient(r.baseValue(), r.unit()), swings)).append('\n');
        b.append(h2("Assumptions, ranked")).append("<table class=\"sensitivity\">\n").append(thead(">#", "assumption",
                "set by", ">base", ">tried (low / high)", ">output at low", ">output at high", ">spread", "note"));
        for (int i = 0; i < ranked.size(); i++) {
            SensitivityResult.Row x = ranked.get(i);
            b.append("<tr>").append(td("num", String.valueOf(i + 1))).append(code(x.assumption()))
                    .append(td("muted", x.origin())).append(td("num", Show.lenient(x.base(), x.assumptionUnit())))
                    .append(td("num tried", Show.lenient(x.low(), x.assumptionUnit()) + " / " + Show.lenient(x.high(), x.assumptionUnit())))
                    .append(td("num", Show.lenient(x.outputAtLow(), r.unit()))).append(td("num", Show.lenient(x.outputAtHigh(), r.unit())))
                    .append(td("num", Show.lenient(x.spread(), r.unit()))).append(td(null, x.note() == null ? "" : x.note()))
                    .append("</tr>\n");
        }
        b.append("</table>\n");
        if (still > 0) {
            b.append(p("meta", still + " more assumptions do not move " + r.output() + ": " + String.join(", ", r.rows().stream()
                    .filter(x -> !x.shown()).map(SensitivityResult.Row::assumption).toList()) + "."));
        }
        String notes = SensitivityNotes.of(r, false).strip(); // kept within ranges, not moved, whole counts
        b.append(notes.isEmpty() ? "" : "<pre class=\"meta\">" + esc(notes) + "</pre>\n");
        return HtmlPage.page("sensitivity", "llmcap sensitivity: " + r.output() + " (" + r.scenario() + ")", b.toString());
    }

    /** Uncertainty: P10-P90 range bars, the percentile table and the uncertain inputs. */
    public static String uncertainty(UncertaintyResult u) {
        StringBuilder b = new StringBuilder("<header>\n<h1>llmcap estimate: uncertainty of <code>").append(esc(u.scenario()))
                .append("</code></h1>\n<p class=\"meta\">").append(u.samples()).append(" draws of the uncertain inputs, seed ")
                .append(u.seed()).append("; P10, P50 and P90 of each figure over the draws in which it was derived.</p>\n")
                .append("</header>\n");
        List<Svg.Range> ranges = u.figures().stream().map(f -> new Svg.Range(f.name(), f.p10(), f.p50(), f.p90(),
                Show.lenient(f.p10(), f.unit()) + " · " + Show.lenient(f.p50(), f.unit()) + " · " + Show.lenient(f.p90(), f.unit()))).toList();
        b.append(h2("Ranges")).append(Svg.rangeBars("P10 · P50 · P90 over " + u.samples() + " draws", ranges)).append('\n');
        b.append(h2("Percentiles")).append("<table class=\"percentiles\">\n")
                .append(thead("figure", ">P10", ">P50", ">P90", ">mean", ">derived in"));
        for (UncertaintyResult.Figure f : u.figures()) {
            b.append("<tr>").append(code(f.name())).append(td("num", Show.lenient(f.p10(), f.unit())))
                    .append(td("num", Show.lenient(f.p50(), f.unit()))).append(td("num", Show.lenient(f.p90(), f.unit())))
                    .append(td("num", Show.lenient(f.mean(), f.unit()))).append(td("num", f.n() + " of " + u.samples()))
                    .append("</tr>\n");
        }
        b.append("</table>\n").append(h2("Uncertain inputs")).append("<table class=\"inputs\">\n")
                .append(thead("input", "distribution", "unit", "set by"));
        for (UncertaintyResult.Input in : u.uncertain()) {
            b.append("<tr>").append(code(in.name())).append(code(in.distribution())).append(td(null, in.unit()))
                    .append(td("muted", in.where() + (in.kept().isEmpty() ? "" : "; " + in.kept()))).append("</tr>\n");
        }
        b.append("</table>\n");
        if (u.figures().stream().anyMatch(f -> llmcap.app.Ranges.isCount(f.unit()))) {
            b.append(p("meta", WhatIfReport.WHOLE_COUNTS));
        }
        return HtmlPage.page("uncertainty", "llmcap estimate: uncertainty of " + u.scenario(), b.toString());
    }

    private static Optional<Derivation> figure(CompareResult.Row row, String output) {
        Optional<Derivation> d = row.figures().get(output);
        return d == null ? Optional.empty() : d;
    }

    private static String implied(ImpliedResult x, CaseResult r) {
        String unit = r.result().estimate().get(x.implied().quantity()).filter(d -> !d.isSetting())
                .map(d -> d.quantity().unit()).orElse("1");
        String expected = x.implied().expected().isPresent()
                ? Show.share(x.implied().expected().getAsDouble()) + " (" + (x.within() ? "within" : "NOT within")
                + " " + Show.tolerance(x.implied().tolerancePercent()) + ")" : "";
        return td("num", Show.lenient(x.implied().published(), unit))
                + td("num", x.solved().isPresent() ? Show.share(x.solved().getAsDouble()) : "no solution in (0, 10]")
                + td("num", x.assumed().map(Show::share).orElse("-")) + td(x.within() ? null : "flag", expected);
    }

    private static String row(boolean fail) {
        return fail ? "<tr class=\"fail\">" : "<tr>";
    }

    private static String flag(boolean ok, String yes, String no) {
        return ok ? td("flag ok", yes) : td("flag", no);
    }

    /** True when the page has a row for {@code name}: derived, a setting, or an assumption some rule read. */
    private static boolean hasRow(EstimateReport report, String name) {
        return report.result().estimate().get(name).map(d -> !d.origin().isAssumption() || d.isSetting()
                || report.result().estimate().isRead(name)).orElse(false);
    }

    /** The id of a quantity's row, the target of the links between derivations. */
    private static String anchor(String name) {
        return "q-" + esc(name);
    }
}
