package llmcap.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ExcerptTest {

    @Test
    void shortTextIsQuotedAsItIs() {
        assertEquals("bf17", Excerpt.of("bf17"));
        assertEquals("a\\nb\\tc\\u0000", Excerpt.of("a\nb\tc\u0000"));
    }

    @Test
    void longTextIsCutAndItsLengthGiven() {
        String passwd = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n".repeat(100);
        assertEquals("root:x:0:0:root:/root:/bin/bash\\ndaemon:... (8,000 characters)", Excerpt.of(passwd));
        assertEquals(40 + "... (3,000,000 characters)".length(), Excerpt.of("x".repeat(3_000_000)).length());
    }

    @Test
    void aCharacterOutsideTheBasicPlaneIsNeverCutInHalf() {
        String s = "x".repeat(39) + "\ud83d\ude00" + "tail";
        assertEquals("x".repeat(39) + "\ud83d\ude00... (45 characters)", Excerpt.of(s));
    }
}
