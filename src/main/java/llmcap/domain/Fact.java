package llmcap.domain;

/** What rules match and derive: a number with a unit ({@link Quantity}) or a named choice ({@link Setting}). */
public sealed interface Fact permits Quantity, Setting {

    /** The dotted name, unique within one estimate: {@code serving.gpus}, {@code inference.weight_dtype}. */
    String name();
}
