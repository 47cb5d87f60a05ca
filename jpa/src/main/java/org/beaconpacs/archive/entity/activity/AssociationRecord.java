package org.beaconpacs.archive.entity.activity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
 * What happened on one association (or an attempt at one): who, when, how it ended, its negotiation
 * and its DIMSE messages — the questions an integration engineer would otherwise answer with a
 * packet capture.
 */
@Entity
@Table(name = "association_record")
@NamedQuery(name = AssociationRecord.LATEST, query = "select r from AssociationRecord r order by r.started desc, r.id desc")
public class AssociationRecord {

    public static final String LATEST = "AssociationRecord.latest";

    /** How the association ended (the adapter's outcome names). */
    public enum Outcome { RELEASED, ABORTED_BY_PEER, ABORTED, PEER_CLOSED, REJECTED, NOT_ESTABLISHED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long serial;
    /** The cluster node (jboss.node.name) that served it. */
    private String node;
    @Column(name = "calling_ae")
    private String callingAe;
    @Column(name = "called_ae")
    private String calledAe;
    @Column(name = "peer_host")
    private String peerHost;
    @Column(name = "peer_port")
    private Integer peerPort;
    @Column(name = "local_port")
    private Integer localPort;
    private Instant started;
    private Instant ended;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "outcome_detail")
    private String outcomeDetail;
    @Column(name = "bytes_received")
    private long bytesReceived;
    @Column(name = "bytes_sent")
    private long bytesSent;
    @Column(name = "peer_max_pdu")
    private Long peerMaxPdu;
    @Column(name = "our_max_pdu")
    private Long ourMaxPdu;
    @Column(name = "peer_implementation_class_uid")
    private String peerImplementationClassUid;
    @Column(name = "peer_implementation_version")
    private String peerImplementationVersion;
    /** Requests counted by command, e.g. "C-STORE-RQ=12 C-ECHO-RQ=1". */
    private String requests;
    /** Role selections proposed and answered, one per line. */
    private String roles;
    @Column(name = "trace_truncated")
    private boolean traceTruncated;
    @Column(name = "objects_stored")
    private int objectsStored;
    @Column(name = "bytes_stored")
    private long bytesStored;
    /** Failure statuses counted by command, e.g. "C-STORE-RQ 0xA900=2". */
    private String failures;

    @ElementCollection
    @CollectionTable(name = "association_context", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "seq")
    private List<NegotiatedContext> contexts = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "association_message", joinColumns = @JoinColumn(name = "record_id"))
    @OrderColumn(name = "seq")
    private List<TracedMessage> messages = new ArrayList<>();

    public Long getId() {
        return id;
    }

    public long getSerial() {
        return serial;
    }

    public void setSerial(long serial) {
        this.serial = serial;
    }

    public String getNode() {
        return node;
    }

    public void setNode(String node) {
        this.node = node;
    }

    public String getCallingAe() {
        return callingAe;
    }

    public void setCallingAe(String callingAe) {
        this.callingAe = callingAe;
    }

    public String getCalledAe() {
        return calledAe;
    }

    public void setCalledAe(String calledAe) {
        this.calledAe = calledAe;
    }

    public String getPeerHost() {
        return peerHost;
    }

    public void setPeerHost(String peerHost) {
        this.peerHost = peerHost;
    }

    public Integer getPeerPort() {
        return peerPort;
    }

    public void setPeerPort(Integer peerPort) {
        this.peerPort = peerPort;
    }

    public Integer getLocalPort() {
        return localPort;
    }

    public void setLocalPort(Integer localPort) {
        this.localPort = localPort;
    }

    public Instant getStarted() {
        return started;
    }

    public void setStarted(Instant started) {
        this.started = started;
    }

    public Instant getEnded() {
        return ended;
    }

    public void setEnded(Instant ended) {
        this.ended = ended;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public void setOutcome(Outcome outcome) {
        this.outcome = outcome;
    }

    public String getOutcomeDetail() {
        return outcomeDetail;
    }

    public void setOutcomeDetail(String outcomeDetail) {
        this.outcomeDetail = outcomeDetail;
    }

    public long getBytesReceived() {
        return bytesReceived;
    }

    public void setBytesReceived(long bytesReceived) {
        this.bytesReceived = bytesReceived;
    }

    public long getBytesSent() {
        return bytesSent;
    }

    public void setBytesSent(long bytesSent) {
        this.bytesSent = bytesSent;
    }

    public Long getPeerMaxPdu() {
        return peerMaxPdu;
    }

    public void setPeerMaxPdu(Long peerMaxPdu) {
        this.peerMaxPdu = peerMaxPdu;
    }

    public Long getOurMaxPdu() {
        return ourMaxPdu;
    }

    public void setOurMaxPdu(Long ourMaxPdu) {
        this.ourMaxPdu = ourMaxPdu;
    }

    public String getPeerImplementationClassUid() {
        return peerImplementationClassUid;
    }

    public void setPeerImplementationClassUid(String uid) {
        this.peerImplementationClassUid = uid;
    }

    public String getPeerImplementationVersion() {
        return peerImplementationVersion;
    }

    public void setPeerImplementationVersion(String version) {
        this.peerImplementationVersion = version;
    }

    public String getRequests() {
        return requests;
    }

    public void setRequests(String requests) {
        this.requests = requests;
    }

    /** {@link #getRequests()} as a map: "C-ECHO-RQ=2 C-STORE-RQ=5" to {C-ECHO-RQ=2, C-STORE-RQ=5}. */
    public java.util.Map<String, Integer> requestCounts() {
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>();
        if (requests != null && !requests.isBlank()) {
            for (String pair : requests.split(" ")) {
                int eq = pair.indexOf('=');
                counts.put(pair.substring(0, eq), Integer.parseInt(pair.substring(eq + 1)));
            }
        }
        return counts;
    }

    public String getRoles() {
        return roles;
    }

    public void setRoles(String roles) {
        this.roles = roles;
    }

    public int getObjectsStored() {
        return objectsStored;
    }

    public void setObjectsStored(int objectsStored) {
        this.objectsStored = objectsStored;
    }

    public long getBytesStored() {
        return bytesStored;
    }

    public void setBytesStored(long bytesStored) {
        this.bytesStored = bytesStored;
    }

    public String getFailures() {
        return failures;
    }

    public void setFailures(String failures) {
        this.failures = failures;
    }

    public boolean isTraceTruncated() {
        return traceTruncated;
    }

    public void setTraceTruncated(boolean traceTruncated) {
        this.traceTruncated = traceTruncated;
    }

    public List<NegotiatedContext> getContexts() {
        return contexts;
    }

    public List<TracedMessage> getMessages() {
        return messages;
    }
}
