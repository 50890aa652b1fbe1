package llmcap;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the fixtures of {@code src/test/resources/broken}: each file's header (what to run, what must
 * happen) and the files it writes. See the README there for the header keys.
 */
final class Fixtures {

    static final Set<String> KEYS = Set.of("defect", "file", "remove", "run", "exit", "error-at", "expect",
            "expect-out", "lines", "keep", "unchanged", "symlink", "fifo", "stdout", "pad-to-bytes", "within-ms",
            "note", "bug");
    private static final Pattern HEADER = Pattern.compile("(?:#|//)\\s*([a-z-]+):\\s*(.*?)\\s*");
    private static final Pattern PART = Pattern.compile("(?:#|//) --- file: (\\S+)\\s*");

    private Fixtures() {
    }

    /** One fixture file: its header and the files it writes. */
    record Fixture(String name, Map<String, List<String>> header, List<Part> parts) {

        List<String> all(String key) {
            return header.getOrDefault(key, List.of());
        }

        String one(String key) {
            List<String> v = all(key);
            return v.isEmpty() ? null : v.get(0);
        }

        int exit() {
            return Integer.parseInt(one("exit"));
        }

        String bug() {
            return one("bug");
        }

        boolean touchesRules() {
            return parts.stream().anyMatch(p -> p.path().startsWith("rules/"))
                    || all("remove").stream().anyMatch(r -> r.startsWith("rules/"))
                    || all("symlink").stream().anyMatch(r -> r.startsWith("{rules}"))
                    || all("fifo").stream().anyMatch(r -> r.startsWith("{rules}"))
                    || all("unchanged").stream().anyMatch(r -> r.startsWith("{rules}"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A file a fixture writes, relative to the temp folder. */
    record Part(String path, byte[] bytes) {
    }

    /**
     * Every fixture; with {@code -Dfixtures=TEXT[,TEXT...]} only those whose file name contains a TEXT (to iterate
     * on a few while the whole set still runs in the build).
     */
    static Stream<Fixture> all() {
        String only = System.getProperty("fixtures", "");
        List<Fixture> out = new ArrayList<>();
        for (Path p : resourceFiles("/broken")) {
            String name = p.getFileName().toString();
            if (!name.equals("README.md") && java.util.Arrays.stream(only.split(",")).anyMatch(name::contains)) {
                try {
                    out.add(parse(name, Files.readAllBytes(p)));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out.stream();
    }

    /** Parses the header and splits the body into the files it writes; bytes stay as they are (0xFF too). */
    static Fixture parse(String name, byte[] bytes) {
        String comment = name.endsWith(".drl") ? "//" : "#";
        List<byte[]> lines = splitLines(bytes);
        Map<String, List<String>> header = new LinkedHashMap<>();
        int headerLines = 0;
        for (byte[] raw : lines) {
            String line = new String(raw, StandardCharsets.ISO_8859_1);
            if (!line.startsWith(comment) || PART.matcher(line).matches()) {
                break;
            }
            headerLines++;
            Matcher m = HEADER.matcher(line);
            if (m.matches()) {
                header.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(m.group(2));
            }
        }
        List<Part> parts = new ArrayList<>();
        String path = header.containsKey("file") ? header.get("file").get(0) : null;
        List<byte[]> body = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            byte[] raw = lines.get(i);
            Matcher m = PART.matcher(new String(raw, StandardCharsets.ISO_8859_1));
            if (m.matches()) {
                addPart(parts, path, body);
                path = m.group(1);
                body = new ArrayList<>();
            } else if (!(name.endsWith(".json") && i < headerLines)) {
                body.add(raw);
            }
        }
        addPart(parts, path, body);
        return new Fixture(name, header, parts);
    }

    static byte[] pad(byte[] bytes, int size) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(size + 100);
        out.writeBytes(bytes);
        byte[] line = "# padding to push the file over the size limit; never committed at this size\n"
                .getBytes(StandardCharsets.UTF_8);
        while (out.size() < size) {
            out.writeBytes(line);
        }
        return out.toByteArray();
    }

    private static void addPart(List<Part> parts, String path, List<byte[]> lines) {
        if (path == null) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1) {
                out.write('\n');
            }
        }
        parts.add(new Part(path, out.toByteArray()));
    }

    private static List<byte[]> splitLines(byte[] bytes) {
        List<byte[]> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i == bytes.length || bytes[i] == '\n') {
                byte[] line = new byte[i - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                out.add(line);
                start = i + 1;
            }
        }
        return out;
    }

    static List<Path> resourceFiles(String folder) {
        URL url = Fixtures.class.getResource(folder);
        assertNotNull(url, "src/test/resources" + folder + " is not on the test class path");
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException | URISyntaxException e) {
            fail("cannot list " + folder + ": " + e);
            return List.of();
        }
    }
}
