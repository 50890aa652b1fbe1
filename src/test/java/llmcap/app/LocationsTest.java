package llmcap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which rules run: given, the home's, trusted, or found in the working directory and refused. */
class LocationsTest {

    @TempDir
    Path dir;

    private Folder rules(Path workingDir, Optional<Path> home, Trust trust) {
        return Locations.resolve(Optional.empty(), "rules", workingDir, home, trust);
    }

    @Test
    void rulesFoundInTheWorkingDirectoryAreTrustedOnlyWhenTheyAreTheHomesOrListed() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work/rules")).getParent();
        Trust trust = new Trust(dir.resolve("config/trusted-rules"));
        assertFalse(rules(work, Optional.empty(), trust).trusted(), "found, not trusted");
        assertFalse(rules(work, Optional.of(Files.createDirectories(dir.resolve("home/rules")).getParent()), trust)
                .trusted(), "another folder's home does not vouch for these rules");
        assertTrue(rules(work, Optional.of(work), trust).trusted(), "the home's own rules (the launcher's case)");
        trust.add(work.resolve("rules"));
        assertTrue(rules(work, Optional.empty(), trust).trusted(), "trusted with llmcap trust");
        assertTrue(trust.remove(work.resolve("rules")));
        assertFalse(rules(work, Optional.empty(), trust).trusted());
    }

    @Test
    void givenRulesAndTheCatalogNeedNoTrust() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work/catalog")).getParent();
        Files.createDirectories(work.resolve("rules"));
        assertTrue(Locations.resolve(Optional.of(work.resolve("rules")), "rules", work, Optional.empty(),
                new Trust(dir.resolve("none"))).trusted());
        assertTrue(Locations.resolve(Optional.empty(), "catalog", work, Optional.empty(), null).trusted());
    }

    @Test
    void anUntrustedFolderSaysWhatToDo() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work/rules")).getParent();
        Folder f = rules(work, Optional.empty(), new Trust(dir.resolve("none")));
        String why = Locations.untrusted(f);
        assertTrue(why.contains("llmcap trust") && why.contains("--rules rules"), why);
        assertEquals(work.resolve("rules"), f.path());
    }

    // --- the catalog: the bundled one with overlays (issue 12) -------------------------------------------

    private static java.util.List<Path> layerPaths(Folder f) {
        return f.folders().stream().map(Folder::path).toList();
    }

    @Test
    void theWorkingDirectorysCatalogIsLaidOverTheHomes() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work/catalog")).getParent();
        Path home = Files.createDirectories(dir.resolve("home/catalog")).getParent();
        Folder f = Locations.catalog(java.util.List.of(), Optional.empty(), work, Optional.of(home));
        assertEquals(java.util.List.of(home.resolve("catalog"), work.resolve("catalog")), layerPaths(f));
        assertEquals("catalog over " + home.resolve("catalog"), f.display());
    }

    @Test
    void theHomesOwnCatalogFoundInTheWorkingDirectoryIsNotLaidOverItself() throws IOException {
        Path home = Files.createDirectories(dir.resolve("home/catalog")).getParent();
        Folder f = Locations.catalog(java.util.List.of(), Optional.empty(), home, Optional.of(home));
        assertEquals(java.util.List.of(home.resolve("catalog")), layerPaths(f));
        assertEquals("catalog", f.display(), "named as today: the launcher run in the repository");
    }

    @Test
    void givenOverlaysReplaceTheWorkingDirectorysAndCatalogOnlyReplacesTheBase() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work/catalog")).getParent();
        Path home = Files.createDirectories(dir.resolve("home/catalog")).getParent();
        Path mine = Files.createDirectories(dir.resolve("mine"));
        Path whole = Files.createDirectories(dir.resolve("whole"));
        assertEquals(java.util.List.of(home.resolve("catalog"), mine),
                layerPaths(Locations.catalog(java.util.List.of(mine), Optional.empty(), work, Optional.of(home))));
        assertEquals(java.util.List.of(whole),
                layerPaths(Locations.catalog(java.util.List.of(), Optional.of(whole), work, Optional.of(home))));
        assertEquals(java.util.List.of(whole, mine),
                layerPaths(Locations.catalog(java.util.List.of(mine), Optional.of(whole), work, Optional.of(home))));
    }

    @Test
    void withoutAHomeTheJarsCopyIsTheBase() throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Folder f = Locations.catalog(java.util.List.of(), Optional.empty(), work, Optional.empty());
        assertEquals("bundled:catalog", f.display());
    }
}
