package org.beaconpacs.archive.security;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.TreeSet;
import org.beaconpacs.archive.entity.config.ArchiveSetting;
import org.beaconpacs.archive.entity.security.UserAccount;

/** What tokens are made of in the database: the signing key (made once, shared by all nodes) and users' credentials. */
@Stateless
public class TokenKeys {

    static final String SIGNING_KEY = "token.signing-key";

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    /** The HS256 key: 32 random bytes, made by the first node that needs it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public byte[] signingKey() {
        ArchiveSetting s = em.find(ArchiveSetting.class, SIGNING_KEY);
        if (s == null) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            s = new ArchiveSetting(SIGNING_KEY, Base64.getEncoder().encodeToString(key));
            em.persist(s);
            em.flush(); // two nodes at once: the second insert fails on the primary key (TokenService retries)
        }
        return Base64.getDecoder().decode(s.getValue());
    }

    /** The user's password hash and roles as one text (null for no such user): what a token's stamp is made of. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String credentials(String username) {
        UserAccount u = em.find(UserAccount.class, username);
        if (u == null) {
            return null;
        }
        return u.getPasswordHash() + "|" + String.join(",", new TreeSet<>(u.getRoles()));
    }
}
