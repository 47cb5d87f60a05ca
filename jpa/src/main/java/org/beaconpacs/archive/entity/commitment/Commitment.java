package org.beaconpacs.archive.entity.commitment;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A storage commitment transaction (PS3.4 J.3): the N-ACTION request of one AE, the instances it names,
 * and where its report stands. Written before the N-ACTION-RSP; work on it is due at {@code due}. In the
 * {@link Role#SCU} role the archive asked: the requesting AE is this archive's, the called AE the remote
 * one, and the items' results are the remote AE's report.
 */
@Entity
@Table(name = "commitment")
@NamedQuery(name = Commitment.DUE, query = "select c.id from Commitment c where c.state in :states "
        + "and c.due <= :now order by c.due")
@NamedQuery(name = Commitment.BY_TRANSACTION_UID, query = "select c from Commitment c "
        + "where c.transactionUid = :uid order by c.id")
@NamedQuery(name = Commitment.ASKED, query = "select c from Commitment c where c.transactionUid = :uid "
        + "and c.role = org.beaconpacs.archive.entity.commitment.Commitment.Role.SCU")
@NamedQuery(name = Commitment.RECENT, query = "select c from Commitment c order by c.received desc, c.id desc")
@NamedQuery(name = Commitment.SIZES, query = "select c.id, count(i) from Commitment c join c.items i "
        + "where c.id in :ids group by c.id")
public class Commitment {

    public static final String DUE = "Commitment.due";
    public static final String BY_TRANSACTION_UID = "Commitment.byTransactionUid";
    public static final String RECENT = "Commitment.recent";
    /** The request of this archive (role SCU) with a Transaction UID. */
    public static final String ASKED = "Commitment.asked";
    /** The number of instances of each of the transactions {@code ids}: id, count. */
    public static final String SIZES = "Commitment.sizes";

    /** Which side of the Storage Commitment service the archive took in this transaction. */
    public enum Role {
        /** Asked of the archive: it verifies and reports. */
        SCP,
        /** Asked by the archive of another AE, whose report it awaits. */
        SCU
    }

    public enum State {
        /** Instances are checked; some may be waited for. */
        VERIFYING,
        /** Every instance decided; the report is to be delivered. */
        REPORTING,
        /** The requestor acknowledged the report (N-EVENT-REPORT-RSP Success). */
        REPORTED,
        /** The report could not be delivered within the retry time, or the requestor refused it. */
        UNDELIVERED,
        /** Role SCU: the remote AE took the request; its report is awaited until {@code due}. */
        AWAITING_REPORT,
        /** Role SCU: the request failed, or no report came in time. */
        NOT_REPORTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "transaction_uid")
    private String transactionUid;
    @Column(name = "requesting_ae")
    private String requestingAe;
    @Column(name = "called_ae")
    private String calledAe;
    @Column(name = "association_serial")
    private Long associationSerial;
    private Instant received;
    @Enumerated(EnumType.STRING)
    private Role role = Role.SCP;
    @Enumerated(EnumType.STRING)
    private State state = State.VERIFYING;
    private Instant due;
    /** Until when an instance not yet received (or not yet on stable storage) is waited for. */
    @Column(name = "wait_until")
    private Instant waitUntil;
    /** Until when an undelivered report is tried again. */
    @Column(name = "give_up")
    private Instant giveUp;
    private int committed;
    private int failed;
    private int attempts;
    /** How the report went or is to go: SAME_ASSOCIATION, NEW_ASSOCIATION. */
    private String delivery;
    private String detail;
    private Instant reported;
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "commitment_item", joinColumns = @JoinColumn(name = "commitment_fk"))
    @OrderColumn(name = "seq")
    private List<CommitmentItem> items = new ArrayList<>();

    protected Commitment() {
    }

    public Commitment(String transactionUid, String requestingAe, String calledAe, Long associationSerial,
                      Instant received, Instant waitUntil, Instant giveUp, List<CommitmentItem> items) {
        this.transactionUid = transactionUid;
        this.requestingAe = requestingAe;
        this.calledAe = calledAe;
        this.associationSerial = associationSerial;
        this.received = received;
        this.due = received;
        this.waitUntil = waitUntil;
        this.giveUp = giveUp;
        this.items = new ArrayList<>(items);
    }

    /**
     * A request this archive ({@code localAe}) makes of {@code remoteAe}; its report is awaited until
     * {@code giveUp}.
     */
    public static Commitment asked(String transactionUid, String localAe, String remoteAe, Instant now,
                                   Instant giveUp, List<CommitmentItem> items) {
        Commitment c = new Commitment(transactionUid, localAe, remoteAe, null, now, giveUp, giveUp, items);
        c.role = Role.SCU;
        c.state = State.AWAITING_REPORT;
        c.due = giveUp;
        return c;
    }

    public Long getId() {
        return id;
    }

    public String getTransactionUid() {
        return transactionUid;
    }

    public String getRequestingAe() {
        return requestingAe;
    }

    public String getCalledAe() {
        return calledAe;
    }

    public Long getAssociationSerial() {
        return associationSerial;
    }

    public Instant getReceived() {
        return received;
    }

    public Role getRole() {
        return role;
    }

    public State getState() {
        return state;
    }

    public Instant getDue() {
        return due;
    }

    public Instant getWaitUntil() {
        return waitUntil;
    }

    public Instant getGiveUp() {
        return giveUp;
    }

    public int getCommitted() {
        return committed;
    }

    public int getFailed() {
        return failed;
    }

    public int getAttempts() {
        return attempts;
    }

    public String getDelivery() {
        return delivery;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getReported() {
        return reported;
    }

    public List<CommitmentItem> getItems() {
        return items;
    }

    /** Verification again at {@code when} (instances waited for). */
    public void verifyAgainAt(Instant when, String why) {
        state = State.VERIFYING;
        due = when;
        detail = why;
    }

    /** Every instance decided: counts them, and the report is due now. */
    public void decided(Instant now) {
        committed = (int) items.stream().filter(i -> i.getResult() == CommitmentItem.Result.COMMITTED).count();
        failed = (int) items.stream().filter(i -> i.getResult() == CommitmentItem.Result.FAILED).count();
        state = State.REPORTING;
        due = now;
        detail = null;
    }

    /** A delivery attempt failed; the next one at {@code next}. */
    public void deliveryFailed(String how, String why, Instant next) {
        attempts++;
        delivery = how;
        detail = why;
        due = next;
    }

    /** The requestor took the report. */
    public void reported(String how, Instant when) {
        attempts++;
        delivery = how;
        state = State.REPORTED;
        reported = when;
        detail = null;
    }

    /** No more attempts: given up after the retry time, or refused by the requestor. */
    public void undelivered(String how, String why) {
        delivery = how;
        state = State.UNDELIVERED;
        detail = why;
    }

    /** An administrator asks for the report to be sent again. */
    public void reportAgain(Instant now, Instant giveUp) {
        state = State.REPORTING;
        due = now;
        this.giveUp = giveUp;
        detail = null;
    }

    /** Role SCU: the request did not reach the remote AE or was refused; no report will come. */
    public void requestFailed(String why) {
        state = State.NOT_REPORTED;
        detail = why;
    }

    /** Role SCU: the remote AE's report, its results now on the items, came {@code how} at {@code when}. */
    public void reportReceived(String how, Instant when) {
        committed = (int) items.stream().filter(i -> i.getResult() == CommitmentItem.Result.COMMITTED).count();
        failed = (int) items.stream().filter(i -> i.getResult() == CommitmentItem.Result.FAILED).count();
        delivery = how;
        state = State.REPORTED;
        reported = when;
        detail = null;
    }

    /** Role SCU: no report within the time it is awaited. A late one is still taken. */
    public void noReport(String why) {
        state = State.NOT_REPORTED;
        detail = why;
    }
}
