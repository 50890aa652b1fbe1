package llmcap.domain;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 for the files users edit (rules, catalog): bad bytes are an error naming their line. */
public final class Utf8 {

    private Utf8() {
    }

    /** The text, or null when the bytes are not UTF-8 (then {@link #firstBadLine} says where). */
    public static String decodeOrNull(byte[] bytes) {
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult r = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes), out, true);
        return r.isError() ? null : out.flip().toString();
    }

    /** The 1-based line of the first byte that is not UTF-8 (1 if none is found). */
    public static int firstBadLine(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT).decode(in, CharBuffer.allocate(bytes.length + 1), true);
        int line = 1;
        for (int i = 0; i < in.position() && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
