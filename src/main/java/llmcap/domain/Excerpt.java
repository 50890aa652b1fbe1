package llmcap.domain;

import java.util.Locale;

/**
 * A short, one-line excerpt of text a user gave, to quote it back in a message: a bad value is
 * named, never echoed whole (a 3 MB plain-text file given as a scenario, {@code /etc/passwd}).
 */
public final class Excerpt {

    /** The most characters quoted; a longer text is cut and its length given. */
    public static final int MAX = 40;

    private Excerpt() {
    }

    /** {@code text} with line breaks and control characters made visible, cut after {@link #MAX} characters. */
    public static String of(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        for (; i < text.length() && out.length() < MAX; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    out.append(text.charAt(++i)); // never half a character
                }
            }
        }
        return i == text.length() ? out.toString()
                : out + "... (" + String.format(Locale.ROOT, "%,d", text.length()) + " characters)";
    }
}
