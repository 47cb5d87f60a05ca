package org.beaconpacs.archive.entity.ups;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An AE's subscription to a workitem's events, or to every workitem's (PS3.4 CC.2.3: the Global
 * Subscription UID, or the Filtered Global Subscription UID with its matching keys), with its deletion lock
 * and whether it is suspended (no new workitems, the ones subscribed to kept).
 */
@Entity
@Table(name = "workitem_subscription")
@NamedQuery(name = WorkitemSubscription.OF, query = "select s from WorkitemSubscription s"
        + " where s.aeTitle = :ae and s.workitemUid = :uid")
@NamedQuery(name = WorkitemSubscription.FOR_EVENT, query = "select s from WorkitemSubscription s"
        + " where s.workitemUid in :uids")
public class WorkitemSubscription {

    public static final String OF = "WorkitemSubscription.of";
    public static final String FOR_EVENT = "WorkitemSubscription.forEvent";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "ae_title")
    private String aeTitle;
    @Column(name = "workitem_uid")
    private String workitemUid;
    @Column(name = "deletion_lock")
    private boolean deletionLock;
    private boolean suspended;
    private byte[] filter;
    private Instant created;

    protected WorkitemSubscription() {
    }

    public WorkitemSubscription(String aeTitle, String workitemUid, boolean deletionLock, byte[] filter) {
        this.aeTitle = aeTitle;
        this.workitemUid = workitemUid;
        this.deletionLock = deletionLock;
        this.filter = filter;
    }

    @PrePersist
    void onCreate() {
        created = Instant.now();
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public String getWorkitemUid() {
        return workitemUid;
    }

    public boolean isDeletionLock() {
        return deletionLock;
    }

    public void setDeletionLock(boolean deletionLock) {
        this.deletionLock = deletionLock;
    }

    public boolean isSuspended() {
        return suspended;
    }

    public void setSuspended(boolean suspended) {
        this.suspended = suspended;
    }

    public byte[] getFilter() {
        return filter;
    }
}
