package org.beaconpacs.archive.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The recovery's walk: the day folders from the newest day the index knows, whatever today's date. */
class StoragePathsTest {

    @TempDir
    Path root;

    @Test
    void walksFromTheNewestIndexedDayThroughTheLastFolderWhateverToday() throws IOException {
        for (String day : List.of("2026/11/20", "2026/11/28", "2026/11/29", "2026/12/31", "2027/01/02")) {
            Files.createDirectories(root.resolve(day).resolve("ab"));
        }
        Files.createDirectories(root.resolve(".incoming"));
        Files.createDirectories(root.resolve("2026/11/notaday"));
        // the crash came on 2026-11-28; the restart may be days, or a year, later
        LocalDate newestIndexed = StoragePaths.dayOf("2026/11/28/ab/1.2/1.3/1.4.dcm");
        assertEquals(List.of("2026/11/28", "2026/11/29", "2026/12/31", "2027/01/02"),
                relative(StoragePaths.dayFoldersFrom(root, newestIndexed)));
        assertEquals(5, StoragePaths.dayFoldersFrom(root, null).size(), "an empty index: every day");
    }

    @Test
    void aPathWithoutADayHasNone() {
        assertNull(StoragePaths.dayOf(null));
        assertNull(StoragePaths.dayOf("2026/13/01/ab"));
        assertNull(StoragePaths.dayOf("abc"));
        assertEquals(LocalDate.of(2026, 2, 3), StoragePaths.dayOf(StoragePaths.relative(LocalDate.of(2026, 2, 3),
                "1.2", "1.2.3", "1.2.3.4")));
    }

    private List<String> relative(List<Path> folders) {
        return folders.stream().map(p -> root.relativize(p).toString().replace('\\', '/')).toList();
    }
}
