package llmcap.engine;

import llmcap.domain.Fact;
import llmcap.domain.Quantity;
import llmcap.domain.Setting;

/** Plain descriptions of facts for error messages ({@code b.value = 0.0 1}, {@code x.dtype = bf16}). */
final class Facts {

    private Facts() {
    }

    static String describe(Fact f) {
        if (f instanceof Quantity q) {
            return q.name() + " = " + q.value() + " " + q.unit();
        }
        Setting s = (Setting) f;
        return s.name() + " = " + s.value();
    }
}
