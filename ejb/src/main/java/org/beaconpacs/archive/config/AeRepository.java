package org.beaconpacs.archive.config;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.beaconpacs.archive.entity.config.ApplicationEntity;
import org.beaconpacs.archive.entity.config.ArchiveSetting;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.input.Problem;
import org.beaconpacs.archive.schema.StartupLocks;

/** The application entities and archive settings in the database (one transaction per call). */
@Stateless
public class AeRepository {

    static final String CALLING_AE_POLICY = "calling-ae-policy";

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    public List<AeDto> all() {
        return em.createNamedQuery(ApplicationEntity.ALL, ApplicationEntity.class).getResultList().stream()
                .map(AeDto::of).toList();
    }

    public AeDto find(String aeTitle) {
        return entity(aeTitle) == null ? null : AeDto.of(entity(aeTitle));
    }

    /**
     * Creates {@code ae}, the default local AE, unless a local AE exists: at the first start, which two
     * cluster nodes may make at once (the second waits for the first, then finds it).
     *
     * @return whether it was created
     */
    public boolean createFirstLocal(AeDto ae) {
        StartupLocks.holdForTransaction(em, StartupLocks.FIRST_LOCAL_AE);
        if (all().stream().anyMatch(AeDto::local)) {
            return false;
        }
        create(ae);
        return true;
    }

    public AeDto create(AeDto ae) {
        if (entity(ae.aeTitle()) != null) {
            throw InvalidInputException.of("aeTitle", new Problem("aeTitle.exists", ae.aeTitle()));
        }
        ApplicationEntity e = new ApplicationEntity();
        ae.copyTo(e);
        em.persist(e);
        em.flush();
        return AeDto.of(e);
    }

    public AeDto update(String aeTitle, AeDto ae) {
        ApplicationEntity e = entity(aeTitle);
        if (e == null) {
            throw new AeNotFoundException(aeTitle);
        }
        if (ae.version() != null && ae.version() != e.getVersion()) {
            throw new AeChangedMeanwhileException(aeTitle);
        }
        if (!aeTitle.equals(ae.aeTitle()) && entity(ae.aeTitle()) != null) {
            throw InvalidInputException.of("aeTitle", new Problem("aeTitle.exists", ae.aeTitle()));
        }
        ae.copyTo(e);
        em.flush();
        return AeDto.of(e);
    }

    public void delete(String aeTitle) {
        ApplicationEntity e = entity(aeTitle);
        if (e == null) {
            throw new AeNotFoundException(aeTitle);
        }
        em.remove(e);
    }

    public CallingAePolicy callingAePolicy() {
        ArchiveSetting s = em.find(ArchiveSetting.class, CALLING_AE_POLICY);
        return s == null ? Settings.defaultCallingAePolicy() : CallingAePolicy.parse(s.getValue());
    }

    public void setCallingAePolicy(CallingAePolicy policy) {
        ArchiveSetting s = em.find(ArchiveSetting.class, CALLING_AE_POLICY);
        if (s == null) {
            em.persist(new ArchiveSetting(CALLING_AE_POLICY, policy.text()));
        } else {
            s.setValue(policy.text());
        }
    }

    private ApplicationEntity entity(String aeTitle) {
        return em.createNamedQuery(ApplicationEntity.BY_TITLE, ApplicationEntity.class)
                .setParameter("aeTitle", aeTitle).getResultStream().findFirst().orElse(null);
    }
}
