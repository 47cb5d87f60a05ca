package org.beaconpacs.archive.commitment;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.entity.commitment.Commitment;
import org.beaconpacs.archive.entity.commitment.CommitmentItem;
import org.beaconpacs.archive.retrieve.RetrieveService;
import org.beaconpacs.archive.retrieve.StoredInstance;
import org.beaconpacs.archive.study.NotFoundException;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * Storage commitment this archive asks of another AE (PS3.4 J, the SCU's side), without DIMSE: the request
 * of a study's instances is persisted before it leaves, the remote AE's report fills in each instance's
 * result, whichever association it comes on; a report that does not come within the retry time
 * (BEACON_COMMIT_RETRY_HOURS) leaves the transaction "not reported", and a late one is still taken.
 */
@ApplicationScoped
public class AskedCommitmentService {

    private static final Logger LOG = Logger.getLogger(AskedCommitmentService.class.getName());

    @EJB
    private CommitmentStore store;
    @EJB
    private RetrieveService retrieve;

    /** Persists a request to {@code remoteAe} for every instance of the study ({@link NotFoundException} if none). */
    Commitment ask(String remoteAe, String studyUid) {
        List<StoredInstance> instances = retrieve.study(studyUid);
        List<CommitmentItem> items = new ArrayList<>(instances.size());
        instances.forEach(i -> items.add(new CommitmentItem(i.sopClass(), i.sopInstance())));
        Instant now = Instant.now();
        Commitment c = Commitment.asked(UIDs.generate(), Settings.localAeTitle(), remoteAe, now,
                now.plus(CommitmentSettings.retryFor()), items);
        store.create(c);
        return c;
    }

    /** The request {@code id} did not reach its AE, or was refused: no report will come. */
    void requestFailed(long id, String why) {
        Commitment c = store.find(id);
        if (c != null && c.getState() == Commitment.State.AWAITING_REPORT) {
            c.requestFailed(why);
            store.save(c);
        }
        LOG.warning(() -> "storage commitment " + (c == null ? id : c.getTransactionUid()) + ": " + why);
    }

    /** True while the report of request {@code id} is awaited. */
    boolean awaiting(long id) {
        return store.state(id) == Commitment.State.AWAITING_REPORT;
    }

    /**
     * Takes {@code report}, received from {@code fromAe} {@code how} (same or new association), for the
     * request of this archive it names; refused when no request of this archive to that AE has its
     * Transaction UID.
     */
    Commitment received(ReceivedReport report, String fromAe, String how) throws CommitmentRequest.Invalid {
        Commitment c = store.asked(report.transactionUid());
        if (c == null) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE, "Transaction UID "
                    + report.transactionUid() + ": this archive asked no storage commitment with it");
        }
        if (!c.getCalledAe().equals(fromAe)) {
            throw new CommitmentRequest.Invalid(Status.INVALID_ARGUMENT_VALUE, "transaction "
                    + report.transactionUid() + " was asked of " + c.getCalledAe() + ", not of " + fromAe);
        }
        report.applyTo(c);
        c.reportReceived(how, Instant.now());
        store.save(c);
        LOG.info(() -> "storage commitment " + c.getTransactionUid() + " asked of " + fromAe + ": reported "
                + how.toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + c.getCommitted()
                + " committed, " + c.getFailed() + " failed");
        return c;
    }

    /** The report of request {@code id} is no longer awaited. */
    void expire(long id) {
        Commitment c = store.find(id);
        if (c != null && c.getState() == Commitment.State.AWAITING_REPORT) {
            c.noReport("no report from " + c.getCalledAe() + " within " + CommitmentSettings.retryFor().toHours()
                    + " h");
            store.save(c);
            LOG.warning(() -> "storage commitment " + c.getTransactionUid() + ": " + c.getDetail());
        }
    }

    /** The transaction {@code id} as the console and REST show it, with its instances. */
    CommitmentSummary summary(long id) {
        Commitment c = store.find(id);
        return c == null ? null : CommitmentSummary.of(c, c.getItems().size(), true);
    }
}
