package org.beaconpacs.archive.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingNamesTest {

    @TempDir
    Path root;

    private PendingNames names;

    @BeforeEach
    void names() {
        names = new PendingNames(root.resolve(".incoming"));
    }

    /** A stored file and its slot, handed to the pending names as a store with a slot does. */
    private Path[] pending(String name) throws Exception {
        Path[] p = stored(name);
        names.add(p[0], p[1]);
        return p;
    }

    /** A stored file and its slot: two names of one file, as a store with a slot leaves them. */
    private Path[] stored(String name) throws Exception {
        Path incoming = Files.createDirectories(root.resolve(".incoming"));
        Path slot = Files.writeString(incoming.resolve(name + ".part"), name);
        Path file = Files.createDirectories(root.resolve("2026/01/09/ab/1.2/1.2.3")).resolve(name + ".dcm");
        Files.createLink(file, slot);
        return new Path[] {slot, file};
    }

    @Test
    void aRoundRemovesTheSlotsOfItsNamesAndKeepsTheFiles() throws Exception {
        Path[] a = pending("a");
        Path[] b = pending("b");
        names.settle();
        for (Path[] p : new Path[][] {a, b}) {
            assertFalse(Files.exists(p[0]), "slot " + p[0] + " left");
            assertEquals(1, Files.getAttribute(p[1], "unix:nlink"));
        }
        Path[] c = stored("c");
        names.settle(); // nothing pending: nothing touched
        assertTrue(Files.exists(c[0]));
    }

    @Test
    void aReplacedFileLosesItsSlotAtOnceAndTheOthersWaitForTheRound() throws Exception {
        Path[] a = pending("a");
        Path[] b = pending("b");
        names.discard(a[1]);
        assertFalse(Files.exists(a[0]));
        assertTrue(Files.exists(b[0]));
        names.settle();
        assertFalse(Files.exists(b[0]));
    }

    @Test
    void aStudyDeletedBeforeTheRoundTakesItsDirectoryAndTheRoundStillEnds() throws Exception {
        Path[] a = pending("a");
        Path[] b = stored("b");
        Files.delete(a[1]);
        Files.delete(b[1]);
        Files.delete(a[1].getParent());
        names.settle();
        assertFalse(Files.exists(a[0]), "the slot of a deleted file goes too");
        assertTrue(Files.exists(b[0]), "a slot not handed over stays");
    }
}
