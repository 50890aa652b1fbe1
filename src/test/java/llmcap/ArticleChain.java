package llmcap;

/**
 * The article's serving chain worked by hand once (docs/article.md, figures #5 to #7), for every test
 * that checks llmcap reproduces it. Inputs are the article's: 13 million daily users, 1000 characters
 * each, 4/3 tokens per character, 2 x 175e9 FLOP per token, 51 % utilization, peak 5 x the mean, and
 * the A100's dense BF16 peak of 312 TFLOP/s (NVIDIA A100 datasheet, table 1). The article rounds on
 * the way and reaches 2195 GPUs; worked exactly, the chain gives 2207.
 */
public final class ArticleChain {

    /** 13e6 x 1000 x 4/3 x 2 x 175e9 FLOP / (0.51 x 86400 s) = 6.0667e21 / 44064 = 137.678528 PFLOP/s. */
    public static final double SUSTAINED_FLOPS = 13e6 * 1000 * 4.0 / 3 * 2 * 175e9 / (0.51 * 86_400);

    /** Peak traffic as a multiple of the daily mean. */
    public static final double PEAK_FACTOR = 5;

    /** A100 dense BF16, FLOP/s. */
    public static final double A100_PEAK = 312e12;

    /** ceil(137.678528e15 x 5 / 312e12) = ceil(2206.4) = 2207 A100 for serving. */
    public static final long SERVING_GPUS = (long) Math.ceil(SUSTAINED_FLOPS * PEAK_FACTOR / A100_PEAK);

    /** The same chain at a peak of 3 x the mean (the README's rule edit): ceil(1323.8) = 1324 A100. */
    public static final long SERVING_GPUS_AT_PEAK_3 = (long) Math.ceil(SUSTAINED_FLOPS * 3 / A100_PEAK);

    private ArticleChain() {
    }
}
