package org.beaconpacs.archive.schema;

import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * What two cluster nodes starting at once on an empty database must not both do (create the schema, the
 * first administrator, the default local AE and printer) is serialized by PostgreSQL advisory locks: the
 * second node waits, then finds the work done. On H2 the database is one process's file, so there is never
 * a second node to wait for.
 */
public final class StartupLocks {

    /** The schema migration, for the whole of it. */
    static final long SCHEMA = 0x4245_4143_4f4eL; // "BEACON"
    /** The first administrator account. */
    public static final long INITIAL_ADMIN = SCHEMA + 1;
    /** The default local AE. */
    public static final long FIRST_LOCAL_AE = SCHEMA + 2;
    /** The default printer. */
    public static final long DEFAULT_PRINTER = SCHEMA + 3;

    private StartupLocks() {
    }

    /** Holds {@code key} on this connection until {@link #release}: a session-level lock. */
    static void hold(Connection c, long key) throws SQLException {
        if (DatabaseKind.of(c) == DatabaseKind.POSTGRESQL) {
            call(c, "select pg_advisory_lock(?)", key);
        }
    }

    static void release(Connection c, long key) throws SQLException {
        if (DatabaseKind.of(c) == DatabaseKind.POSTGRESQL) {
            call(c, "select pg_advisory_unlock(?)", key);
        }
    }

    /** Holds {@code key} until the current transaction ends. */
    public static void holdForTransaction(EntityManager em, long key) {
        if (archiveDatabase() == DatabaseKind.POSTGRESQL) {
            em.createNativeQuery("select count(*) from (select pg_advisory_xact_lock(?1)) held")
                    .setParameter(1, key).getSingleResult();
        }
    }

    private static DatabaseKind archiveDatabase() {
        try {
            return DatabaseKind.of((DataSource) InitialContext.doLookup("java:jboss/datasources/BeaconDS"));
        } catch (NamingException e) {
            throw new IllegalStateException("no datasource BeaconDS: " + e.getMessage(), e);
        }
    }

    private static void call(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setLong(1, key);
            p.execute();
        }
    }
}
