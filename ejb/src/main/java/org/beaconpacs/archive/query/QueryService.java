package org.beaconpacs.archive.query;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import org.beaconpacs.dicom.data.Attributes;

/**
 * The query side of PS3.4 Annex C without DIMSE: finds the entities that match a {@link FindQuery} and
 * hands each one's response identifier to the caller as soon as it is found, batch by batch from the
 * index, so that the first answer does not wait for the last row. C-FIND, QIDO-RS and the console's
 * remote queries share it.
 */
@ApplicationScoped
public class QueryService {

    /** The first batch is small, for a quick first answer; later ones grow to this. */
    private static final int FIRST_BATCH = 32;
    private static final int MAX_BATCH = 1024;

    /** Receives the matches of a query, one by one. */
    public interface Matches {
        /** One match's response identifier; false stops the query (the requestor cancelled it). */
        boolean accept(Attributes identifier) throws IOException;
    }

    @EJB
    private MatchReader reader;
    @Inject
    private Event<Queried> queried;

    /**
     * Runs {@code q} and tells the observers how it ended ({@link Queried}). An {@link IOException} from
     * {@code matches} (the requestor is gone) ends the query.
     */
    public FindResult find(FindQuery q, QueryContext ctx, Matches matches) throws IOException {
        FindResult result = run(q, ctx.retrieveAeTitle(), matches);
        queried.fire(new Queried(ctx.requestor(), ctx.association(), q.model().findSopClass(), q.level(), q.keys(),
                result, ctx.requestorHost()));
        return result;
    }

    private FindResult run(FindQuery q, String retrieveAeTitle, Matches matches) throws IOException {
        int limit = QuerySettings.maxMatches();
        int batch = FIRST_BATCH;
        long after = 0;
        int found = 0;
        while (true) {
            List<MatchReader.Candidate> candidates = reader.next(q, after, batch);
            for (MatchReader.Candidate c : candidates) {
                after = c.id();
                if (!AttributeMatching.matches(q.keys(), c.attributes(), q.matching())) {
                    continue;
                }
                if (found == limit) {
                    return new FindResult(FindResult.Ending.LIMIT_REACHED, found, limit);
                }
                found++;
                if (!matches.accept(ResponseIdentifier.of(q, c.attributes(), retrieveAeTitle))) {
                    return new FindResult(FindResult.Ending.CANCELLED, found, limit);
                }
            }
            if (candidates.size() < batch) {
                return new FindResult(FindResult.Ending.COMPLETE, found, limit);
            }
            batch = Math.min(batch * 4, MAX_BATCH);
        }
    }
}
