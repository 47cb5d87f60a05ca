package org.beaconpacs.archive.entity.print;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Print Job (PS3.4 H.4.5): the films of one N-ACTION (of a film session or a film box), spooled as film
 * descriptions in its directory before the N-ACTION-RSP, then rendered there into PNG and PDF. Its state
 * is the Execution Status (2100,0020) reported to the SCU.
 */
@Entity
@Table(name = "print_job")
@NamedQuery(name = PrintJob.BY_UID, query = "select j from PrintJob j where j.jobUid = :uid")
@NamedQuery(name = PrintJob.BY_STATE, query = "select j from PrintJob j where j.state = :state order by j.id")
@NamedQuery(name = PrintJob.RECENT, query = "select j from PrintJob j order by j.id desc")
public class PrintJob {

    public static final String BY_UID = "PrintJob.byUid";
    public static final String BY_STATE = "PrintJob.byState";
    public static final String RECENT = "PrintJob.recent";

    /** Execution Status (2100,0020). */
    public enum State { PENDING, PRINTING, DONE, FAILURE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "job_uid")
    private String jobUid;
    @Column(name = "printer_ae")
    private String printerAe;
    @Column(name = "calling_ae")
    private String callingAe;
    @Column(name = "session_label")
    private String sessionLabel;
    /** Print Priority (2000,0020): HIGH, MED, LOW. */
    private String priority;
    private int copies;
    @Column(name = "medium_type")
    private String mediumType;
    @Column(name = "film_destination")
    private String filmDestination;
    private boolean color;
    private int films;
    @Enumerated(EnumType.STRING)
    private State state = State.PENDING;
    @Column(name = "status_info")
    private String statusInfo;
    private String detail;
    private String directory;
    private Instant created;
    private Instant updated;
    private Instant printed;
    /** The node that spooled it (PENDING), prints it (PRINTING) or printed it last. */
    private String node;
    /** Until when its node's claim holds (PRINTING); another node may print it again after. */
    @Column(name = "lease_until")
    private Instant leaseUntil;

    protected PrintJob() {
    }

    public PrintJob(String jobUid, String printerAe, String callingAe, String directory) {
        this.jobUid = jobUid;
        this.printerAe = printerAe;
        this.callingAe = callingAe;
        this.directory = directory;
    }

    @PrePersist
    void onCreate() {
        created = updated = Instant.now();
    }

    @PreUpdate
    void onUpdate() {
        updated = Instant.now();
    }

    public Long getId() { return id; }
    public String getNode() { return node; }
    public void setNode(String node) { this.node = node; }
    public Instant getLeaseUntil() { return leaseUntil; }
    public String getJobUid() { return jobUid; }
    public String getPrinterAe() { return printerAe; }
    public String getCallingAe() { return callingAe; }
    public String getSessionLabel() { return sessionLabel; }
    public void setSessionLabel(String sessionLabel) { this.sessionLabel = sessionLabel; }
    public String getPriority() { return priority; }
    public void setPriority(String priority) { this.priority = priority; }
    public int getCopies() { return copies; }
    public void setCopies(int copies) { this.copies = copies; }
    public String getMediumType() { return mediumType; }
    public void setMediumType(String mediumType) { this.mediumType = mediumType; }
    public String getFilmDestination() { return filmDestination; }
    public void setFilmDestination(String filmDestination) { this.filmDestination = filmDestination; }
    public boolean isColor() { return color; }
    public void setColor(boolean color) { this.color = color; }
    public int getFilms() { return films; }
    public void setFilms(int films) { this.films = films; }
    public State getState() { return state; }
    public void setState(State state) { this.state = state; }
    public String getStatusInfo() { return statusInfo; }
    public void setStatusInfo(String statusInfo) { this.statusInfo = statusInfo; }
    public String getDetail() { return detail; }
    public void setDetail(String detail) { this.detail = detail == null || detail.length() <= 1000 ? detail : detail.substring(0, 1000); }
    public String getDirectory() { return directory; }
    public Instant getCreated() { return created; }
    public Instant getUpdated() { return updated; }
    public Instant getPrinted() { return printed; }
    public void setPrinted(Instant printed) { this.printed = printed; }
}
