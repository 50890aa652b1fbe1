package llmcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The hand-worked chain the tests share, against its figures written out with a calculator (the article itself rounds to 2195). */
class ArticleChainTest {

    @Test
    void theChainWorkedByHand() {
        assertEquals(137.678528e15, ArticleChain.SUSTAINED_FLOPS, 1e9); // 6.0667e21 / 44064, to the 9 digits written
        assertEquals(2207, ArticleChain.SERVING_GPUS);                   // ceil(2206.39)
        assertEquals(1324, ArticleChain.SERVING_GPUS_AT_PEAK_3);         // ceil(1323.84)
    }
}
