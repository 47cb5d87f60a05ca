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
    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/BeaconDS")
    private javax.sql.DataSource dataSource;

    /**
     * Keeps one message. On PostgreSQL without waiting for the WAL flush: the log says what happened, the
     * changes themselves were committed durably before (a crash may lose the last lines of the log, never
     * an acknowledged order), and a second fsync per message would halve the orders per second.
     */
    public void record(Hl7LogEntry entry) {
        if (org.beaconpacs.archive.schema.DatabaseKind.of(dataSource)
                == org.beaconpacs.archive.schema.DatabaseKind.POSTGRESQL) {
            // the hint: it changes no table (without one Hibernate would empty every second-level cache region)
            em.createNativeQuery("set local synchronous_commit to off")
                    .setHint(org.beaconpacs.archive.entity.index.Study.QUERY_SPACES, "synchronous_commit")
                    .executeUpdate();
        }
        em.persist(entry);
    }

    /** The latest messages, newest first; each message's text decoded as {@code charset}. */
    public List<Hl7Summary> recent(int max, Charset charset) {
        return em.createNamedQuery(Hl7LogEntry.RECENT, Hl7LogEntry.class).setMaxResults(max).getResultList()
                .stream().map(e -> Hl7Summary.of(e, charset)).toList();
    }
}
