package llmcap.cli;

import static llmcap.cli.CliTestSupport.assertOk;
import static llmcap.cli.CliTestSupport.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import llmcap.cli.CliTestSupport.Run;
import org.junit.jupiter.api.Test;

/**
 * A verdict a planner must not miss (rules/headline.yaml, warnings) is said right under the answers,
 * in every format, with its figures; a run that reaches none says nothing. Issue 10: a layout that
 * does not fit is said loudly, never silently replaced.
 */
class WarningsTest {

    private static final String LLAMA = "chat-llama-3.1-70b-h100";

    /** The answers block and what follows it up to the next heading, its line breaks and indents as single spaces. */
    private static String underAnswers(Run r) {
        String out = r.out();
        int from = out.indexOf("Answers for a ");
        int to = out.indexOf("\nDerived quantities", from);
        int published = out.indexOf("\nPublished figures", from);
        return out.substring(from, published > 0 && published < to ? published : to).replaceAll("\\s+", " ");
    }

    private static JsonArray warnings(Run json) {
        return json.json().getAsJsonObject("headline").getAsJsonArray("warnings");
    }

    @Test
    void theArticlesRunReachesNoVerdict() {
        Run r = run("estimate", "--format", "json");
        assertOk(r);
        assertEquals(0, warnings(r).size(), r::describe);
        assertTrue(!run().out().contains("WARNING"));
    }

    @Test
    void aReplicaThatCannotHoldTheModelIsSaidWithItsFigures() {
        // Llama 3.1 70B in bf16 on one H100: 70.55e9 params x 2 B = 141.1 GB of weights against the
        // 81,559 MiB the runtime reports x (1 - 0.1 reserve) = 76.97 GB usable. Before the rule for a
        // replica without room, this run stopped with "serving.kv_room_bytes is negative" (exit 4).
        String[] args = {"--scenario", LLAMA, "--set", "inference.tensor_parallel=1", "--set",
            "inference.pipeline_parallel=1", "--set", "inference.weight_dtype=bf16"};
        Run text = run(args);
        assertOk(text);
        String under = underAnswers(text);
        assertTrue(under.contains("WARNING serving.fits = no: a replica of 1 GPU"), text::describe);
        assertTrue(under.contains("cannot hold the weights (141.1 GB)"), under);
        Run md = run(concat(args, "--format", "markdown"));
        assertTrue(md.out().contains("> **Warning:** serving.fits = no: a replica of 1 GPU"), md::describe);
        Run json = run(concat(args, "--format", "json"));
        assertEquals(1, warnings(json).size(), json::describe);
        assertTrue(warnings(json).get(0).getAsString().startsWith("serving.fits = no: "));
    }

    @Test
    void aLatencyTargetEvenOneRequestMissesIsSaid() {
        // One request's decode step on Llama 3.1 70B FP8 on an H100 reads ~70.6 GB of weights at
        // 3.35 TB/s: above 20 ms, so no batch meets a 5 ms time per output token.
        Run r = run("--scenario", LLAMA, "--set", "serving.tpot_target_s=0.005");
        assertOk(r);
        assertTrue(underAnswers(r).contains("WARNING serving.targets_met = no: even one request alone misses"),
                r::describe);
    }

    @Test
    void aTrainingLayoutThatDoesNotFitIsSaidNotReplaced() {
        // 405B parameters on one GPU per model copy: bf16 weights alone are 811.7 GB, ten A100s' worth.
        Run r = run("--model", "llama-3.1-405b", "--set", "training.tensor_parallel=1", "--set",
                "training.pipeline_parallel=1");
        assertOk(r);
        String under = underAnswers(r);
        assertTrue(under.contains("WARNING training.fits = no: the training layout needs"), r::describe);
        assertTrue(under.contains("(tensor parallel 1 GPU, pipeline parallel 1 GPU"), under);
        Run serving = run("--scenario", LLAMA, "--model", "llama-3.1-405b", "--set", "training.tensor_parallel=1",
                "--set", "training.pipeline_parallel=1");
        assertTrue(!serving.out().contains("training.fits = no:"), "a serving question gets no training verdict");
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
