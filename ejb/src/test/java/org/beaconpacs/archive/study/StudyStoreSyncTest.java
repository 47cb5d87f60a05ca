package org.beaconpacs.archive.study;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync a delete makes before its first file goes, on H2 under an administrator and under another user. */
class StudyStoreSyncTest {

    @Test
    void anAdministratorSyncsAndAnotherUserGoesOnWithoutTheSync(@TempDir Path dir) throws SQLException {
        String url = "jdbc:h2:file:" + dir.resolve("db"); // a file database, as the archive's default
        try (Connection admin = DriverManager.getConnection(url, "sa", "sa")) {
            try (Statement s = admin.createStatement()) {
                s.execute("create user if not exists clerk password 'clerk'");
            }
            assertTrue(StudyStore.syncCommits(admin));
            try (Connection clerk = DriverManager.getConnection(url, "clerk", "clerk")) {
                // H2 lets only an administrator checkpoint: the premise of the fall-back
                assertThrows(SQLException.class, () -> {
                    try (Statement s = clerk.createStatement()) {
                        s.execute("CHECKPOINT SYNC");
                    }
                });
                assertFalse(StudyStore.syncCommits(clerk), "refused, told, and the delete goes on");
            }
        }
    }
}
