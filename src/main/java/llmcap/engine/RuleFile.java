package llmcap.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import llmcap.domain.RegularFile;

/** The text of one DRL file and the name errors and provenance use for it ({@code rules/serving.drl}). */
public record RuleFile(String display, String text) {

    /** Far above any rule file (the bundled ones are a few kilobytes). */
    public static final long MAX_BYTES = 4L * 1024 * 1024;

    public RuleFile {
        Objects.requireNonNull(display, "display must not be null");
        Objects.requireNonNull(text, "text must not be null");
    }

    /** Every {@code *.drl} file directly in {@code dir}, in name order. */
    public static List<RuleFile> readAll(Path dir, String display) {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = new ArrayList<>(s.filter(p -> p.getFileName().toString().endsWith(".drl")).sorted().toList());
        } catch (IOException e) {
            throw new RuleException(display + ": cannot list rule files (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) {
            throw new RuleException(display + ": no .drl rule files in this folder");
        }
        List<RuleFile> out = new ArrayList<>();
        for (Path f : files) {
            String name = display + "/" + f.getFileName();
            try {
                byte[] bytes = RegularFile.read(f, MAX_BYTES);
                String text = llmcap.domain.Utf8.decodeOrNull(bytes);
                if (text == null) {
                    throw new RuleException(name + ":" + llmcap.domain.Utf8.firstBadLine(bytes)
                            + ": not valid UTF-8 text (save the file as UTF-8)");
                }
                out.add(new RuleFile(name, text));
            } catch (RegularFile.Refused e) {
                throw new RuleException(name + ": " + e.getMessage());
            } catch (IOException e) {
                throw new RuleException(name + ": cannot read (" + e.getClass().getSimpleName() + ")");
            }
        }
        return out;
    }

    /** The {@code package} the file declares, or the default llmcap rule package. */
    public String packageName() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\s*package\\s+([\\w.]+)").matcher(text);
        return m.find() ? m.group(1) : "llmcap.rules";
    }

    /** The bare file name ({@code serving.drl}). */
    public String fileName() {
        return display.substring(display.lastIndexOf('/') + 1);
    }
}
