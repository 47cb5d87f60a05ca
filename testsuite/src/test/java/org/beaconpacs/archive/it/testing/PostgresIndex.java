package org.beaconpacs.archive.it.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * The archive's index in the PostgreSQL phase, seen from the test: a session of its own, to play the
 * other party of a race step by step (its transaction held open while the archive's runs into it).
 */
public final class PostgresIndex {

    private PostgresIndex() {
    }

    /** A session on the archive's database, its transaction left to the caller. */
    public static Connection connect() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + EmbeddedPostgresSession.PORT
                + "/beacon", "beacon", "beacon");
        c.setAutoCommit(false);
        return c;
    }

    /** The one number the query gives. */
    public static long number(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new AssertionError("no row for " + sql);
                }
                return r.getLong(1);
            }
        }
    }

    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    /**
     * Waits until another session of the archive's database waits for a row lock (as the archive's
     * transaction does when it meets the test's); fails after {@code timeout}.
     */
    public static void awaitSomeoneWaitingForALock(Duration timeout) throws SQLException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        try (Connection c = connect()) {
            c.setAutoCommit(true);
            while (number(c, "select count(*) from pg_stat_activity where datname = 'beacon' and wait_event_type = "
                    + "'Lock' and pid <> pg_backend_pid()") == 0) {
                if (System.nanoTime() > end) {
                    throw new AssertionError("no session of the archive waited for the test's row lock within "
                            + timeout);
                }
                Thread.sleep(20);
            }
        }
    }
}
