package org.beaconpacs.archive.it.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
        List<String> values = column(c, sql, parameters);
        if (values.isEmpty()) {
            throw new AssertionError("no row for " + sql);
        }
        return Long.parseLong(values.get(0));
    }

    /** The first column of every row the query gives, as text. */
    public static List<String> column(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, parameters); ResultSet r = s.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (r.next()) {
                values.add(r.getString(1));
            }
            return values;
        }
    }

    public static int update(Connection c, String sql, Object... parameters) throws SQLException {
        try (PreparedStatement s = prepare(c, sql, parameters)) {
            return s.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... parameters) throws SQLException {
        PreparedStatement s = c.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
        return s;
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
