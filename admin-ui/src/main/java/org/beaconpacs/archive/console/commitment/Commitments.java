package org.beaconpacs.archive.console.commitment;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.beaconpacs.archive.commitment.CommitmentSummary;
import org.beaconpacs.archive.commitment.CommitmentWorker;
import org.beaconpacs.archive.commitment.StorageCommitmentService;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;

/**
 * The storage commitment page: the latest transactions, those asked of the archive and those it asked of
 * other AEs (who asked whom, when, how many instances, committed, failed, where the report stands), one
 * opened with every instance and its result, and "Send report again" for administrators.
 */
@Named("commitments")
@ViewScoped
public class Commitments implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 200;

    @Inject
    private StorageCommitmentService service;
    @EJB
    private CommitmentWorker worker;

    private List<CommitmentSummary> transactions = List.of();
    private CommitmentSummary transaction;

    @PostConstruct
    void load() {
        refresh();
    }

    public void refresh() {
        transactions = service.recent(SHOWN);
    }

    public List<CommitmentSummary> getTransactions() {
        return transactions;
    }

    public CommitmentSummary getTransaction() {
        return transaction;
    }

    public void open(CommitmentSummary c) {
        transaction = service.transaction(c.transactionUid()).orElse(null);
    }

    public void reportAgain(CommitmentSummary c) {
        CurrentUser.requireAdmin();
        if (service.reportAgain(c.id())) {
            worker.trigger();
            Messages.info("commitments.reportQueued", c.requestingAe());
        } else {
            Messages.error(null, "commitments.notDecided");
        }
        refresh();
    }

    /** The label of a state or delivery, in the user's language. */
    public String label(String value) {
        return value == null || value.isEmpty() ? "" : Messages.text("commitments." + value); // EL passes null as ""
    }

    /** The severity of a state's tag. */
    public String severity(CommitmentSummary c) {
        return switch (c.state()) {
            case "REPORTED" -> c.failed() == 0 ? "success" : "warning";
            case "UNDELIVERED", "NOT_REPORTED" -> "danger";
            default -> "info";
        };
    }

    /** A Failure Reason (PS3.3 C.14.1.1) as the standard names it. */
    public String reason(Integer code) {
        return code == null ? "" : String.format("0x%04X %s", code, Messages.text("commitments.reason." + code));
    }
}
