package org.beaconpacs.archive.entity.commitment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/**
 * One instance of a storage commitment request (an item of its Referenced SOP Sequence) and what the
 * archive found: committed, failed with a Failure Reason of PS3.3 C.14.1.1, or not yet decided.
 */
@Embeddable
public class CommitmentItem {

    public enum Result {
        /** Not yet decided: not verified yet, or waited for (not yet received, not yet on stable storage). */
        PENDING,
        COMMITTED,
        FAILED
    }

    @Column(name = "sop_class_uid")
    private String sopClassUid;
    @Column(name = "sop_instance_uid")
    private String sopInstanceUid;
    @Enumerated(EnumType.STRING)
    private Result result = Result.PENDING;
    @Column(name = "failure_reason")
    private Integer failureReason;
    private String detail;

    protected CommitmentItem() {
    }

    public CommitmentItem(String sopClassUid, String sopInstanceUid) {
        this.sopClassUid = sopClassUid;
        this.sopInstanceUid = sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public Result getResult() {
        return result;
    }

    public Integer getFailureReason() {
        return failureReason;
    }

    public String getDetail() {
        return detail;
    }

    public void committed() {
        result = Result.COMMITTED;
        failureReason = null;
        detail = null;
    }

    /** Failed with {@code reason} (PS3.3 C.14.1.1) and a reason a person can read. */
    public void failed(int reason, String why) {
        result = Result.FAILED;
        failureReason = reason;
        detail = why == null || why.length() <= 256 ? why : why.substring(0, 255) + "…";
    }

    /** Still undecided, with what it waits for. */
    public void pending(String why) {
        result = Result.PENDING;
        failureReason = null;
        detail = why;
    }
}
