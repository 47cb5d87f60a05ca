package org.beaconpacs.archive.worklist;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.query.AttributeMatching;
import org.beaconpacs.archive.query.QuerySettings;
import org.beaconpacs.dicom.data.Attributes;

/**
 * The Modality Worklist without DIMSE (PS3.4 K.6): worklist items written by REST, the console, a worklist
 * file or an HL7 order, and the worklist query, whose matching is the Query/Retrieve C-FIND's
 * ({@link AttributeMatching}) on the items put together again.
 */
@ApplicationScoped
public class WorklistService {

    private static final Logger LOG = Logger.getLogger(WorklistService.class.getName());
    private static final int FIRST_BATCH = 32;
    private static final int MAX_BATCH = 1024;

    /** Receives the answers of a worklist query, one by one; false stops it (cancelled). */
    public interface Answers {
        boolean accept(Attributes answer) throws IOException;
    }

    /** The Scheduled Procedure Step Status values (PS3.3 C.4.10), in their order of progress. */
    public static final List<String> STEP_STATUSES = java.util.Arrays.stream(ScheduledStep.Status.values())
            .map(Enum::name).toList();

    /** How a query ended. */
    public enum Ending { COMPLETE, CANCELLED, LIMIT_REACHED }

    @EJB
    private WorklistStore store;
    @EJB
    private WorklistReader reader;

    /** A new item from its DICOM attributes (InvalidInputException when they do not make one); its id. */
    public long create(Attributes item) {
        long id = store.create(WorklistEntry.of(item));
        LOG.fine(() -> "worklist item " + id + " created");
        return id;
    }

    /** Replaces item {@code id} (NotFoundException when there is none). */
    public void update(long id, Attributes item) {
        store.update(id, WorklistEntry.of(item));
    }

    public void delete(long id) {
        store.delete(id);
    }

    /** Discontinues every step of item {@code id} not done with yet; how many. */
    public int discontinue(long id) {
        return store.setOpenSteps(id, ScheduledStep.Status.DISCONTINUED);
    }

    /** The id of the item with Accession Number {@code accession}, or null. */
    public Long byAccession(String accession) {
        return store.byAccession(accession);
    }

    /** Sets the status of every step of item {@code id} not completed or discontinued; how many. */
    public int setOpenSteps(long id, String status) {
        return store.setOpenSteps(id, ScheduledStep.Status.valueOf(status));
    }

    /** Item {@code id} with all its steps, in UTF-8. */
    public Attributes item(long id) {
        return store.attributes(id);
    }

    public List<WorklistSummary> list(WorklistFilter filter, int max) {
        return store.recent(filter, max);
    }

    /**
     * Runs {@code q}: each matching step's item, with that step, to {@code answers} as found. Stops after
     * {@code limit} answers (LIMIT_REACHED, the next one left out).
     */
    public Ending find(WorklistQuery q, int limit, Answers answers) throws IOException {
        int batch = FIRST_BATCH;
        long after = 0;
        int found = 0;
        while (true) {
            List<WorklistReader.Candidate> candidates = reader.next(q, after, batch);
            for (WorklistReader.Candidate c : candidates) {
                after = c.id();
                if (!AttributeMatching.matches(q.keys(), c.attributes(), q.matching())) {
                    continue;
                }
                if (found == limit) {
                    return Ending.LIMIT_REACHED;
                }
                found++;
                if (!answers.accept(c.attributes())) {
                    return Ending.CANCELLED;
                }
            }
            if (candidates.size() < batch) {
                return Ending.COMPLETE;
            }
            batch = Math.min(batch * 4, MAX_BATCH);
        }
    }

    /** The query of {@code identifier} with the archive's person-name setting (BEACON_QUERY_PERSON_NAMES). */
    public static WorklistQuery query(Attributes identifier) {
        return WorklistQuery.of(identifier, QuerySettings.fuzzyPersonNames());
    }
}
