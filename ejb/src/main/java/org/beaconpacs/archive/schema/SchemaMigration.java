package org.beaconpacs.archive.schema;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the database schema to the current version before anything else uses it: the scripts listed
 * in {@code db/migration/index.txt} (in the jpa module) run once each, in order, each in its own
 * transaction, and are recorded in {@code schema_version}. Hibernate never changes the schema.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigration {

    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());
    private static final String BASE = "db/migration/";

    @Resource(lookup = "java:jboss/datasources/BeaconDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        try (Connection c = dataSource.getConnection()) {
            String database = DatabaseKind.of(c).scriptFolder();
            StartupLocks.hold(c, StartupLocks.SCHEMA); // another node starting at the same time waits here
            try {
                ensureVersionTable(c);
                int current = currentVersion(c);
                List<String> scripts = index();
                for (int v = current + 1; v <= scripts.size(); v++) {
                    apply(c, database, v, scripts.get(v - 1));
                }
                int now = scripts.size();
                LOG.info(() -> "database schema (" + database + ") at version " + now
                        + (current < now ? ", migrated from " + current : ", up to date"));
            } finally {
                StartupLocks.release(c, StartupLocks.SCHEMA);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("schema migration failed: " + e.getMessage(), e);
        }
    }

    private static void ensureVersionTable(Connection c) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase("schema_version")) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("create table schema_version (version integer primary key, script varchar(200) not null, "
                    + "applied timestamp not null)");
        }
    }

    private static int currentVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select max(version) from schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> index() {
        List<String> scripts = new ArrayList<>();
        for (String line : read(BASE + "index.txt").split("\n")) {
            line = line.strip();
            if (!line.isEmpty() && !line.startsWith("#")) {
                scripts.add(line);
            }
        }
        return scripts;
    }

    private static void apply(Connection c, String database, int version, String script) throws SQLException {
        String sql = resource(BASE + database + "/" + script) != null ? read(BASE + database + "/" + script)
                : read(BASE + script);
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            for (String statement : statements(sql)) {
                s.execute(statement);
            }
            try (PreparedStatement p = c.prepareStatement(
                    "insert into schema_version (version, script, applied) values (?, ?, ?)")) {
                p.setInt(1, version);
                p.setString(2, script);
                p.setTimestamp(3, Timestamp.from(Instant.now()));
                p.executeUpdate();
            }
            c.commit();
            LOG.info(() -> "schema migration " + script + " applied");
        } catch (SQLException e) {
            c.rollback();
            throw new SQLException(script + ": " + e.getMessage(), e);
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** The statements of a script: separated by semicolons at line ends, "--" comments dropped. */
    static List<String> statements(String sql) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String raw : sql.split("\n")) {
            String line = withoutComment(raw).stripTrailing();
            String l = line.strip();
            if (l.isEmpty()) {
                continue;
            }
            current.append(line).append('\n');
            if (l.endsWith(";")) {
                out.add(current.substring(0, current.lastIndexOf(";")).strip());
                current.setLength(0);
            }
        }
        if (!current.toString().isBlank()) {
            out.add(current.toString().strip());
        }
        return out;
    }

    /** The line up to a "--" comment that is not inside a quoted literal. */
    private static String withoutComment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '-' && i + 1 < line.length() && line.charAt(i + 1) == '-') {
                return line.substring(0, i);
            }
        }
        return line;
    }

    private static java.net.URL resource(String name) {
        return SchemaMigration.class.getClassLoader().getResource(name);
    }

    private static String read(String name) {
        try (InputStream in = SchemaMigration.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
