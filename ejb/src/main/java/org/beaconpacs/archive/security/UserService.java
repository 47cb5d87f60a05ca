package org.beaconpacs.archive.security;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.beaconpacs.archive.entity.security.UserAccount;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.input.Problem;

/**
 * The people who may use the console and the REST API: an administrator adds viewers and other
 * administrators, sets passwords, removes accounts. The last administrator cannot be removed or demoted.
 */
@Stateless
public class UserService {

    private static final Logger LOG = Logger.getLogger(UserService.class.getName());
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._@-]{1,64}");

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Inject
    private Pbkdf2PasswordHash hash;
    @Inject
    private jakarta.enterprise.event.Event<UserChanged> changed;

    @PostConstruct
    void init() {
        hash.initialize(InitialAdmin.HASH_PARAMETERS);
    }

    public List<UserDto> list() {
        return em.createQuery("select u from UserAccount u order by u.username", UserAccount.class).getResultStream()
                .map(UserService::dto).toList();
    }

    /**
     * Creates the user, or changes an existing one's role and (when given) password. A new user needs a
     * password; problems are reported per field (username, password, role).
     */
    public UserDto save(String username, String password, String role) {
        String name = username == null ? "" : username.strip();
        if (!NAME.matcher(name).matches()) {
            throw InvalidInputException.of("username", new Problem("user.name"));
        }
        if (!UserAccount.ADMIN.equals(role) && !UserAccount.VIEWER.equals(role)) {
            throw InvalidInputException.of("role", new Problem("user.role"));
        }
        UserAccount u = em.find(UserAccount.class, name);
        boolean setPassword = password != null && !password.isEmpty();
        if (u == null || setPassword) {
            PasswordPolicy.problem(name, password).ifPresent(p -> {
                throw InvalidInputException.of("password", p);
            });
        }
        if (u == null) {
            u = new UserAccount(name, hash.generate(password.toCharArray()), Set.of(role));
            em.persist(u);
            LOG.info(() -> "user \"" + name + "\" created with role " + role);
            changed.fire(new UserChanged(name, "created with role " + role));
        } else {
            if (!u.getRoles().contains(role) && u.getRoles().contains(UserAccount.ADMIN) && admins() == 1) {
                throw InvalidInputException.of("role", new Problem("user.lastAdmin"));
            }
            u.getRoles().clear();
            u.getRoles().add(role);
            if (setPassword) {
                u.setPasswordHash(hash.generate(password.toCharArray()));
            }
            LOG.info(() -> "user \"" + name + "\" changed: role " + role + (setPassword ? ", new password" : ""));
            changed.fire(new UserChanged(name, "role " + role + (setPassword ? ", new password" : "")));
        }
        return dto(u);
    }

    public void delete(String username) {
        UserAccount u = em.find(UserAccount.class, username);
        if (u == null) {
            return;
        }
        if (u.getRoles().contains(UserAccount.ADMIN) && admins() == 1) {
            throw InvalidInputException.of("username", new Problem("user.lastAdmin"));
        }
        em.remove(u);
        changed.fire(new UserChanged(username, "removed"));
        LOG.info(() -> "user \"" + username + "\" removed");
    }

    private long admins() {
        return em.createQuery("select count(u) from UserAccount u join u.roles r where r = :admin", Long.class)
                .setParameter("admin", UserAccount.ADMIN).getSingleResult();
    }

    private static UserDto dto(UserAccount u) {
        return new UserDto(u.getUsername(), u.getRoles().contains(UserAccount.ADMIN) ? UserAccount.ADMIN
                : UserAccount.VIEWER, u.getCreated());
    }
}
