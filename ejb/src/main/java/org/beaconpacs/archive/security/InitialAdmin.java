package org.beaconpacs.archive.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.entity.security.UserAccount;
import org.beaconpacs.archive.schema.StartupLocks;

/**
 * The first administrator. Its password comes from BEACON_ADMIN_PASSWORD (set again at every start
 * while the variable is set); without it, a random one is generated on the very first start, written to
 * the log and to a file readable only by the server's user. There is never a fixed default.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
public class InitialAdmin {

    public static final String ADMIN_USER = "admin";
    /** PBKDF2 parameters for new hashes; a stored hash carries its own, so they may grow later. */
    public static final Map<String, String> HASH_PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32");
    private static final Logger LOG = Logger.getLogger(InitialAdmin.class.getName());
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Inject
    private Pbkdf2PasswordHash hash;

    @PostConstruct
    void ensureAdmin() {
        hash.initialize(HASH_PARAMETERS);
        String fromEnv = System.getenv("BEACON_ADMIN_PASSWORD");
        // two nodes' first start at once: one creates the account, the other finds it
        StartupLocks.holdForTransaction(em, StartupLocks.INITIAL_ADMIN);
        UserAccount admin = em.find(UserAccount.class, ADMIN_USER);
        if (fromEnv != null && !fromEnv.isEmpty()) {
            if (admin == null) {
                em.persist(new UserAccount(ADMIN_USER, hash.generate(fromEnv.toCharArray()), Set.of(UserAccount.ADMIN)));
            } else if (!hash.verify(fromEnv.toCharArray(), admin.getPasswordHash())) {
                admin.setPasswordHash(hash.generate(fromEnv.toCharArray()));
            }
            LOG.info("admin password set from BEACON_ADMIN_PASSWORD");
        } else if (admin == null) {
            String password = randomPassword();
            em.persist(new UserAccount(ADMIN_USER, hash.generate(password.toCharArray()), Set.of(UserAccount.ADMIN)));
            Path file = Path.of(Settings.adminPasswordFile());
            write(file, password);
            LOG.warning("first start: the console's user \"admin\" has the generated password " + password
                    + " (also in " + file + "). Set BEACON_ADMIN_PASSWORD to choose it.");
        }
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static void write(Path file, String password) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, password + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial admin password to " + file, e);
        }
    }
}
