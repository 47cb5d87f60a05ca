package org.beaconpacs.archive.config;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.input.Problem;
import org.infinispan.Cache;

/**
 * Application entity configuration as the REST API and the console use it: validates, stores, keeps
 * the AE cache right, and announces every change ({@link AeConfigurationChanged}): the DICOM listeners
 * follow it at once (a new local AE listens when the call returns). Each change commits before it is announced.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AeConfigService {

    @EJB
    private AeRepository repository;
    @Inject
    private Event<AeConfigurationChanged> changes;
    @Resource(lookup = "java:jboss/infinispan/cache/beacon/ae-config")
    private Cache<String, AeDto> cache;

    public List<AeDto> list() {
        return repository.all();
    }

    /** The AE with this title, from the cache when it is there. */
    public Optional<AeDto> find(String aeTitle) {
        if (aeTitle == null) {
            return Optional.empty();
        }
        String key = aeTitle.strip();
        AeDto cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        AeDto ae = repository.find(key);
        if (ae != null) {
            cache.put(key, ae);
        }
        return Optional.ofNullable(ae);
    }

    public AeDto create(AeDto ae) {
        AeDto n = valid(ae);
        AeDto created = repository.create(n);
        changed(created.aeTitle());
        return created;
    }

    public AeDto update(String aeTitle, AeDto ae) {
        AeDto n = valid(ae);
        AeDto updated;
        try {
            updated = repository.update(aeTitle.strip(), n);
        } catch (EJBException e) {
            throw changedMeanwhile(e, aeTitle.strip());
        }
        changed(aeTitle.strip(), updated.aeTitle());
        return updated;
    }

    public void delete(String aeTitle) {
        repository.delete(aeTitle.strip());
        changed(aeTitle.strip());
    }

    public CallingAePolicy callingAePolicy() {
        return repository.callingAePolicy();
    }

    public void setCallingAePolicy(CallingAePolicy policy) {
        repository.setCallingAePolicy(policy);
        changes.fire(new AeConfigurationChanged(List.of()));
    }

    /** A version conflict found at the commit, in the service's terms; anything else as it came. */
    private static RuntimeException changedMeanwhile(EJBException e, String aeTitle) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof OptimisticLockException) {
                return new AeChangedMeanwhileException(aeTitle);
            }
        }
        return e;
    }

    private static AeDto valid(AeDto ae) {
        AeDto n = ae.normalized();
        Map<String, Problem> problems = AeRules.problems(n);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        if (n.local() && n.host() == null) {
            n = new AeDto(n.id(), n.aeTitle(), Settings.dicomHost(), n.port(), n.tls(), n.description(), true,
                    n.mayStore(), n.mayQuery(), n.mayRetrieve(), n.moveDestination(), n.mayPrint(), n.mayCommit(),
                    n.version(), n.storageSopClasses());
        }
        return n;
    }

    private void changed(String... aeTitles) {
        for (String t : aeTitles) {
            cache.remove(t);
        }
        changes.fire(new AeConfigurationChanged(List.of(aeTitles)));
    }
}
