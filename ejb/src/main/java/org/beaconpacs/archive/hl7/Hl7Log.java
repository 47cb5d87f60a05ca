package org.beaconpacs.archive.hl7;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.Charset;
import java.util.List;
import org.beaconpacs.archive.entity.hl7.Hl7LogEntry;

/** The HL7 log: each message received and its acknowledgement, in a transaction of its own. */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class Hl7Log {

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    public void record(Hl7LogEntry entry) {
        em.persist(entry);
    }

    /** The latest messages, newest first; each message's text decoded as {@code charset}. */
    public List<Hl7Summary> recent(int max, Charset charset) {
        return em.createNamedQuery(Hl7LogEntry.RECENT, Hl7LogEntry.class).setMaxResults(max).getResultList()
                .stream().map(e -> Hl7Summary.of(e, charset)).toList();
    }
}
