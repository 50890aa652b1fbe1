package llmcap.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import llmcap.domain.Input;
import llmcap.domain.Origin;
import llmcap.domain.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cache of compiled rules saves time and never changes a result. */
class RuleCacheTest {

    @TempDir
    Path dir;

    private static List<RuleFile> rules(int factor) {
        return List.of(new RuleFile("rules/t.drl", """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "b.value = a.value x FACTOR"
                when
                    Quantity(name == "a.value", $v : value)
                then
                    insert(new Quantity("b.value", $v * FACTOR, "1"));
                end
                """.replace("FACTOR", Integer.toString(factor))));
    }

    private static double run(RuleBook book) {
        Input in = new Input(new Quantity("a.value", 21, "1"), Origin.commandLine("test"));
        return new Engine(book).run(List.of(in)).value("b.value").orElseThrow();
    }

    @Test
    void aCachedRuleBookGivesTheSameResultAndProvenance() throws IOException {
        RuleCache cache = new RuleCache(dir);
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.filter(p -> p.getFileName().toString().startsWith("rules-")).count());
        }
        RuleBook cached = RuleBook.load(rules(2), Optional.of(cache));
        assertEquals(42, run(cached));
        Derivation d = new Engine(cached).run(List.of(new Input(new Quantity("a.value", 1, "1"), Origin.commandLine("t"))))
                .get("b.value").orElseThrow();
        assertEquals("rules/t.drl:3", d.origin().where());
    }

    @Test
    void theIndexReadFromTheCacheIsTheIndexOfTheRules() {
        List<RuleFile> bundled = RuleFile.readAll(Path.of("rules"), "rules");
        RuleCache cache = new RuleCache(dir);
        RuleBook.load(bundled, Optional.of(cache));
        RuleIndex cached = cache.read(RuleCache.key(bundled), RuleCache.digest(bundled)).orElseThrow().index();
        RuleIndex parsed = new RuleIndex(bundled);
        assertEquals(List.copyOf(parsed.rules()), List.copyOf(cached.rules()));
        assertEquals(parsed.mentions(), cached.mentions());
        assertEquals(parsed.names(), cached.names());
        assertEquals(List.of("none", "selective", "full"), cached.allowedValues("training.recompute").orElseThrow());
    }

    @Test
    void editingARuleChangesTheKeySoTheEditTakesEffect() {
        assertNotEquals(RuleCache.key(rules(2)), RuleCache.key(rules(3)));
        RuleCache cache = new RuleCache(dir);
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        assertEquals(63, run(RuleBook.load(rules(3), Optional.of(cache))));
    }

    @Test
    void aCorruptCacheEntryIsIgnoredAndReplaced() throws IOException {
        RuleCache cache = new RuleCache(dir);
        Path entry = dir.resolve("rules-" + RuleCache.key(rules(2)) + ".bin");
        Files.writeString(entry, "not a compiled rule base");
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        assertTrue(Files.size(entry) > 100, "the corrupt entry was replaced by a real one");
    }

    private Path entry(int factor) {
        return dir.resolve("rules-" + RuleCache.key(rules(factor)) + ".bin");
    }

    @Test
    void anEntryCompiledFromOtherRulesIsNotUsedUnderThisKey() throws IOException {
        RuleCache cache = new RuleCache(dir);
        assertEquals(63, run(RuleBook.load(rules(3), Optional.of(cache))));
        Files.copy(entry(3), entry(2)); // planted under the key of rules(2): it holds rules(3)
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))), "the entry must not change the result");
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))), "and it was replaced by a right one");
    }

    @Test
    void theCacheFolderIsCreatedForItsOwnerOnly() throws IOException {
        Path folder = dir.resolve("made/by/llmcap");
        RuleBook.load(rules(2), Optional.of(new RuleCache(folder)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)));
    }

    @Test
    void aFolderOthersCanWriteToIsNotUsedAndSaysSo() throws IOException {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        List<String> warnings = new ArrayList<>();
        RuleCache cache = new RuleCache(dir, warnings::add);
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
        assertFalse(Files.exists(entry(2)), "nothing written where others could replace it");
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(dir.toString()) && warnings.get(0).contains("other users"), warnings.toString());
        RuleBook.load(rules(2), Optional.of(cache));
        assertEquals(1, warnings.size(), "warned once: " + warnings);
    }

    @Test
    void anEntryOwnedBySomeoneElseIsNotUsed() throws IOException {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root can give a file to another user");
        RuleCache cache = new RuleCache(dir);
        RuleBook.load(rules(3), Optional.of(cache));
        Files.copy(entry(3), entry(2));
        Files.setOwner(entry(2), dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));
        assertTrue(cache.read(RuleCache.key(rules(2)), RuleCache.digest(rules(3))).isEmpty(),
                "even an entry whose hash matches is refused when another user owns it");
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(cache))));
    }

    @Test
    void anEntryOver2GiBIsIgnoredAndReplaced() throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(entry(2).toFile(), "rw")) {
            f.setLength(2L * 1024 * 1024 * 1024 + 1); // sparse: no disk space used
        }
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(new RuleCache(dir)))));
        assertTrue(Files.size(entry(2)) < 10_000_000, "replaced by a real entry: " + Files.size(entry(2)));
    }

    @Test
    void anEntryThatIsALinkToADeviceIsIgnored() throws IOException {
        Files.createSymbolicLink(entry(2), Path.of("/dev/zero"));
        assertEquals(42, run(RuleBook.load(rules(2), Optional.of(new RuleCache(dir)))));
    }

    /**
     * A server writes each file's compiled package as its own unit (kept from its compile, not serialized
     * again); a command reads such an entry as it reads its own, and a damaged unit is compiled afresh.
     */
    @Test
    void fileByFileUnitsAreReadAsOneRuleBook() throws IOException {
        List<RuleFile> two = List.of(rules(2).get(0), new RuleFile("rules/u.drl", """
                package llmcap.rules;
                import llmcap.domain.Quantity;
                rule "c.value = b.value + 1"
                when
                    Quantity(name == "b.value", $v : value)
                then
                    insert(new Quantity("c.value", $v + 1, "1"));
                end
                """));
        boolean before = FileCompiler.enabled;
        FileCompiler.enabled = true;
        try {
            RuleBook.load(two, Optional.of(new RuleCache(dir)));
        } finally {
            FileCompiler.enabled = before;
        }
        Path entry = dir.resolve("rules-" + RuleCache.key(two) + ".bin");
        byte[] bytes = Files.readAllBytes(entry);
        int header = ("llmcap-rules-5 " + RuleCache.digest(two) + "\n").length();
        assertEquals(2, java.nio.ByteBuffer.wrap(bytes, header, 4).getInt(), "one unit per file");
        RuleCache.Entry read = new RuleCache(dir).read(RuleCache.key(two), RuleCache.digest(two)).orElseThrow();
        assertEquals(2, read.index().rules().size());
        Input in = new Input(new Quantity("a.value", 21, "1"), Origin.commandLine("test"));
        Estimate e = new Engine(RuleBook.load(two, Optional.of(new RuleCache(dir)))).run(List.of(in));
        assertEquals(43, e.value("c.value").orElseThrow());
        assertEquals("rules/u.drl:3", e.get("c.value").orElseThrow().origin().where());

        bytes[header + 4 + 4 + 20] ^= 0x55; // inside the first unit
        Files.write(entry, bytes);
        assertTrue(new RuleCache(dir).read(RuleCache.key(two), RuleCache.digest(two)).isEmpty(), "a damaged unit");
        assertEquals(43, new Engine(RuleBook.load(two, Optional.of(new RuleCache(dir)))).run(List.of(in))
                .value("c.value").orElseThrow());
    }

    /** A server writes an entry per saved edit: the folder keeps the newest few, not every one ever written. */
    @Test
    void theFolderKeepsTheNewestEntries() throws IOException {
        RuleCache cache = new RuleCache(dir);
        int written = RuleCache.KEPT + 4;
        for (int factor = 1; factor <= written; factor++) {
            RuleBook.load(rules(factor), Optional.of(cache));
            Files.setLastModifiedTime(entry(factor), java.nio.file.attribute.FileTime.fromMillis(1_000_000L * factor));
        }
        try (var s = Files.list(dir)) {
            assertEquals(RuleCache.KEPT, s.filter(p -> p.getFileName().toString().endsWith(".bin")).count());
        }
        assertTrue(Files.exists(entry(written)), "the newest stays");
        assertFalse(Files.exists(entry(1)), "the oldest goes");
        assertEquals(written * 21, run(RuleBook.load(rules(written), Optional.of(cache))));
    }
}
