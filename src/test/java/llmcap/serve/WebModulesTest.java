package llmcap.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every name a workbench module imports is one its source module exports. A missing export stops the
 * whole page with a SyntaxError before any number shows; the browser tests catch it too, but only in
 * CI's Chromium run, so this check keeps it in the plain test command.
 */
class WebModulesTest {

    private static final Path WEB = Path.of("src/main/resources/llmcap/web");
    private static final Pattern IMPORT = Pattern.compile("^import \\{([^}]*)} from '\\./([\\w-]+\\.js)';", Pattern.MULTILINE);
    private static final Pattern EXPORT = Pattern.compile("^export (?:async )?(?:function|const|let|class) (\\w+)",
            Pattern.MULTILINE);

    @Test
    void everyImportedNameIsExported() throws IOException {
        List<String> wrong = new ArrayList<>();
        int imports = 0;
        try (Stream<Path> files = Files.list(WEB)) {
            for (Path js : files.filter(p -> p.toString().endsWith(".js")).sorted().toList()) {
                Matcher m = IMPORT.matcher(Files.readString(js));
                while (m.find()) {
                    Path from = WEB.resolve(m.group(2));
                    String source = Files.isRegularFile(from) ? Files.readString(from) : "";
                    List<String> exported = EXPORT.matcher(source).results().map(r -> r.group(1)).toList();
                    for (String name : m.group(1).split(",")) {
                        imports++;
                        if (!exported.contains(name.strip())) {
                            wrong.add(js.getFileName() + " imports " + name.strip() + " from " + m.group(2)
                                    + ", which does not export it");
                        }
                    }
                }
            }
        }
        assertTrue(imports > 10, "found only " + imports + " imported names: the pattern no longer matches");
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }
}
