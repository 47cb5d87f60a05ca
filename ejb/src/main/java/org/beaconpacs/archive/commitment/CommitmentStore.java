package org.beaconpacs.archive.commitment;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.archive.entity.index.StoredObject;

/**
 * The storage commitment transactions in the database, each method its own short transaction: the file
 * reads of a verification and the network of a report happen between them, never inside one.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class CommitmentStore {

    /** SOP Instance UIDs per lookup: well under every database's limit of bind parameters. */
    private static final int LOOKUP_CHUNK = 500;

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;

    /** Persists a new transaction; its id. Committed when this returns, before the N-ACTION-RSP is sent. */
    public long create(Commitment c) {
        em.persist(c);
        em.flush();
        return c.getId();
    }

    /** True when a transaction with {@code transactionUid} exists already (PS3.3 C.14.1.1: 0x0131). */
    public boolean inUse(String transactionUid) {
        return !em.createNamedQuery(Commitment.BY_TRANSACTION_UID, Commitment.class)
                .setParameter("uid", transactionUid).setMaxResults(1).getResultList().isEmpty();
    }

    /** The transaction with its items, detached: a copy to work on outside a transaction. */
    public Commitment find(long id) {
        Commitment c = em.find(Commitment.class, id);
        if (c != null) {
            c.getItems().size();
            em.detach(c);
        }
        return c;
    }

    /** The request of this archive with {@code transactionUid}, with its items, detached; null if none. */
    public Commitment asked(String transactionUid) {
        return em.createNamedQuery(Commitment.ASKED, Commitment.class).setParameter("uid", transactionUid)
                .getResultList().stream().findFirst().map(c -> {
                    c.getItems().size();
                    em.detach(c);
                    return c;
                }).orElse(null);
    }

    /** The state of transaction {@code id}, its items left unread; null if there is none. */
    public Commitment.State state(long id) {
        Commitment c = em.find(Commitment.class, id);
        return c == null ? null : c.getState();
    }

    /** Writes the state, counts, delivery and item results of {@code c} (as changed outside a transaction). */
    public void save(Commitment c) {
        em.merge(c);
    }

    /** Ids of transactions in {@code states} whose work is due at {@code now}, the longest due first. */
    public List<Long> due(Collection<Commitment.State> states, Instant now, int max) {
        return em.createNamedQuery(Commitment.DUE, Long.class).setParameter("states", states)
                .setParameter("now", now).setMaxResults(max).getResultList();
    }

    /**
     * Takes transaction {@code id}'s due work for this node until {@code until}: false when it is not due
     * (another node of the cluster took it first). A node that dies while working leaves it due again at
     * {@code until}, for another node.
     */
    public boolean claim(long id, Instant now, Instant until) {
        return em.createQuery("update Commitment c set c.due = :until where c.id = :id and c.due <= :now")
                .setParameter("until", until).setParameter("id", id).setParameter("now", now)
                .executeUpdate() == 1;
    }

    /** What the index holds of each of {@code items}' instances, by SOP Instance UID; absent if none. */
    public Map<String, InstanceCheck.Stored> stored(List<CommitmentItem> items) {
        Map<String, InstanceCheck.Stored> stored = new HashMap<>();
        List<String> uids = new ArrayList<>(items.size());
        items.forEach(i -> uids.add(i.getSopInstanceUid()));
        for (int from = 0; from < uids.size(); from += LOOKUP_CHUNK) {
            List<String> chunk = uids.subList(from, Math.min(uids.size(), from + LOOKUP_CHUNK));
            for (Object[] row : em.createNamedQuery(StoredObject.FOR_COMMITMENT, Object[].class)
                    .setParameter("uids", chunk).getResultList()) {
                stored.put((String) row[0], new InstanceCheck.Stored((String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], (Boolean) row[5]));
            }
        }
        return stored;
    }

    /** The most recent transactions first, without their items. */
    public List<CommitmentSummary> recent(int max) {
        List<Commitment> recent = em.createNamedQuery(Commitment.RECENT, Commitment.class).setMaxResults(max)
                .getResultList();
        Map<Long, Integer> sizes = new HashMap<>();
        if (!recent.isEmpty()) {
            for (Object[] row : em.createNamedQuery(Commitment.SIZES, Object[].class)
                    .setParameter("ids", recent.stream().map(Commitment::getId).toList()).getResultList()) {
                sizes.put((Long) row[0], ((Number) row[1]).intValue());
            }
        }
        return recent.stream().map(c -> CommitmentSummary.of(c, sizes.getOrDefault(c.getId(), 0), false)).toList();
    }

    /** The first transaction with {@code transactionUid} (a later one with it is a duplicate), with its items. */
    public java.util.Optional<CommitmentSummary> byTransactionUid(String transactionUid) {
        return em.createNamedQuery(Commitment.BY_TRANSACTION_UID, Commitment.class)
                .setParameter("uid", transactionUid).setMaxResults(1).getResultList().stream()
                .map(c -> CommitmentSummary.of(c, c.getItems().size(), true)).findFirst();
    }
}
