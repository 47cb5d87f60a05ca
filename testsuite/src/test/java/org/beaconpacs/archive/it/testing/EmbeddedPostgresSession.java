package org.beaconpacs.archive.it.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the PostgreSQL phase (test.db=postgresql): a real PostgreSQL server from Maven Central (zonky's
 * embedded binaries), started before the archive's server boots and stopped after the last test. The
 * archive reaches it through BEACON_DB_URL (see the testsuite pom).
 */
public class EmbeddedPostgresSession implements LauncherSessionListener {

    /** Below Linux's ephemeral range (32768–60999), where a client socket of the tests could hold it. */
    public static final int PORT = 25432;
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(90);
    private EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"postgresql".equals(System.getProperty("test.db"))) {
            return;
        }
        try {
            requirePortFree();
            // the library's 10 s for the first connection is too short for a busy two-core machine that has
            // just stopped the H2 phase's server
            postgres = EmbeddedPostgres.builder().setPort(PORT).setPGStartupWait(STARTUP_WAIT).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                s.execute("create role beacon login password 'beacon'");
                s.execute("create database beacon owner beacon");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start (its output is logged above): "
                    + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** A server left over from an interrupted run would take the connections meant for ours. */
    private static void requirePortFree() throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress("127.0.0.1", PORT));
        } catch (BindException e) {
            throw new BindException("port " + PORT + " is taken (a PostgreSQL of an interrupted run?): " + e.getMessage());
        }
    }

    /** A new, empty database owned by the archive's user (for servers tests start themselves). */
    public static void createDatabase(String name) {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + PORT + "/postgres",
                "postgres", "postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name);
            s.execute("create database " + name + " owner beacon");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
