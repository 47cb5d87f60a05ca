package org.beaconpacs.archive.console.study;

import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.commitment.CommitmentSummary;
import org.beaconpacs.archive.commitment.StorageCommitmentScu;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.remote.RemoteArchiveException;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.retrieve.ExportService;
import org.beaconpacs.archive.retrieve.TransferResult;
import org.beaconpacs.archive.study.DeleteIncompleteException;
import org.beaconpacs.archive.study.InstanceSummary;
import org.beaconpacs.archive.study.NotFoundException;
import org.beaconpacs.archive.study.Page;
import org.beaconpacs.archive.study.SeriesSummary;
import org.beaconpacs.archive.study.StudyFilter;
import org.beaconpacs.archive.study.StudyService;
import org.beaconpacs.archive.study.StudySummary;
import org.beaconpacs.dicom.dict.UIDDictionary;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The studies page: search (patient name with wildcards, patient ID, accession number, study dates,
 * modality), a paged list from the index, drill-down study, series, instances, and delete for admins.
 */
@Named("studies")
@ViewScoped
public class StudyBrowser implements Serializable {

    private static final long serialVersionUID = 1L;
    /** How long "Ask to commit" waits for the report before it says the report is awaited. */
    private static final java.time.Duration COMMIT_WAIT = java.time.Duration.ofSeconds(10);

    @EJB
    private StudyService service;
    @EJB
    private AeConfigService config;
    @Inject
    private ExportService exports;
    @Inject
    private StorageCommitmentScu commitments;
    @Inject
    private org.beaconpacs.archive.mpps.MppsService mpps;
    @EJB
    private org.beaconpacs.archive.retrieve.RetrieveService retrieve;

    private String patientName;
    private String patientId;
    private String accessionNumber;
    private LocalDate from;
    private LocalDate to;
    private String modality;
    private StudyFilter filter = new StudyFilter(null, null, null, null, null, null);
    private StudySummary study;
    private List<SeriesSummary> series;
    /** The Performed Procedure Steps the modalities reported for the open study. */
    private List<org.beaconpacs.archive.mpps.MppsSummary> performed = List.of();
    private SeriesSummary selectedSeries;
    private List<InstanceSummary> instances;
    private StudySummary sendStudy;
    /** The instance whose frames the viewer dialog shows, its number of frames and the frame shown. */
    private InstanceSummary viewed;
    private int viewedFrames;
    private int frame;
    private String sendTo;

    private final LazyDataModel<StudySummary> results = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filters) {
            return (int) Math.min(Integer.MAX_VALUE, service.search(filter, 0, 1).total());
        }

        @Override
        public List<StudySummary> load(int first, int pageSize, Map<String, SortMeta> sort,
                                       Map<String, FilterMeta> filters) {
            Page<StudySummary> page = service.search(filter, first, pageSize);
            setRowCount((int) Math.min(Integer.MAX_VALUE, page.total()));
            return page.items();
        }

        @Override
        public String getRowKey(StudySummary s) {
            return s.studyUid();
        }

        @Override
        public StudySummary getRowData(String key) {
            try {
                return service.study(key);
            } catch (NotFoundException e) {
                return null;
            }
        }
    };

    public void search() {
        filter = new StudyFilter(blank(patientId), blank(patientName), blank(accessionNumber), date(from), date(to),
                blank(modality));
        closeStudy();
    }

    public void clear() {
        patientName = patientId = accessionNumber = modality = null;
        from = to = null;
        search();
    }

    public void open(StudySummary s) {
        study = s;
        series = service.series(s.studyUid());
        performed = mpps.forStudy(s.studyUid());
        selectedSeries = null;
        instances = null;
    }

    public void openSeries(SeriesSummary s) {
        selectedSeries = s;
        instances = service.instances(s.seriesUid());
    }

    /** Opens the frame viewer on {@code i}'s first frame. */
    public void view(InstanceSummary i) {
        viewed = i;
        frame = 1;
        viewedFrames = 1;
        var found = retrieve.instances(study.studyUid(), selectedSeries.seriesUid(), i.sopInstanceUid());
        if (!found.isEmpty()) {
            try {
                viewedFrames = org.beaconpacs.archive.render.StoredImage.read(found.get(0).file()).frames();
            } catch (java.io.IOException e) {
                Messages.error(null, "studies.unreadable", e.getMessage());
            }
        }
    }

    public void nextFrame() {
        frame = Math.min(viewedFrames, frame + 1);
    }

    public void previousFrame() {
        frame = Math.max(1, frame - 1);
    }

    public InstanceSummary getViewed() {
        return viewed;
    }

    public int getViewedFrames() {
        return viewedFrames;
    }

    public int getFrame() {
        return frame;
    }

    /** The study's address in the configured web viewer, or null. */
    public String viewerUrl(StudySummary s) {
        return org.beaconpacs.archive.study.ViewerLink.of(s);
    }

    /** A URL parameter value, encoded. */
    public String encode(String value) {
        return java.net.URLEncoder.encode(value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
    }

    public void closeStudy() {
        study = null;
        series = null;
        selectedSeries = null;
        instances = null;
    }

    /** Deletes the study's files and index rows (resumable; see StudyService). */
    public void delete(StudySummary s) {
        CurrentUser.requireAdmin();
        try {
            service.delete(s.studyUid());
            Messages.info("studies.deleted", s.patientName() == null ? "" : s.patientName(), s.studyUid());
        } catch (NotFoundException e) {
            Messages.error(null, "studies.gone", s.studyUid());
        } catch (DeleteIncompleteException e) {
            Messages.error(null, "studies.deleteIncomplete", s.studyUid());
        }
        if (study != null && study.studyUid().equals(s.studyUid())) {
            closeStudy();
        }
    }

    /** Opens "Send to…" for a study. */
    public void prepareSend(StudySummary s) {
        sendStudy = s;
    }

    /** The remote AEs a study can be sent to: those with an address. */
    public List<String> getDestinations() {
        return config.list().stream().filter(a -> !a.local() && a.host() != null && a.port() != null)
                .map(AeDto::aeTitle).sorted().toList();
    }

    /** Sends the chosen study to the chosen AE (C-STOREs), and tells how it went. */
    public void send() {
        CurrentUser.requireAdmin();
        if (sendStudy == null || sendTo == null || sendTo.isBlank()) {
            return;
        }
        try {
            TransferResult r = exports.export(sendStudy.studyUid(), sendTo,
                    jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().getRemoteUser());
            if (r.succeeded()) {
                Messages.info("studies.sent", sendStudy.patientName() == null ? "" : sendStudy.patientName(), sendTo,
                        r.completed());
            } else {
                Messages.error(null, "studies.sendFailed", sendTo, r.completed(), r.failed(),
                        r.detail() == null ? "" : r.detail());
            }
        } catch (NotFoundException e) {
            Messages.error(null, "studies.gone", sendStudy.studyUid());
        }
    }

    /**
     * Asks the chosen AE (a long-term archive the study went to) for storage commitment of the chosen study,
     * and tells what its report says if it comes within a few seconds; the Storage commitment page has the
     * rest.
     */
    public void askCommitment() {
        CurrentUser.requireAdmin();
        if (sendStudy == null || sendTo == null || sendTo.isBlank()) {
            return;
        }
        try {
            CommitmentSummary c = commitments.commit(sendTo, sendStudy.studyUid(), COMMIT_WAIT);
            if (!"REPORTED".equals(c.state())) {
                Messages.info("studies.commitAwaited", sendTo);
            } else if (c.failed() == 0) {
                Messages.info("studies.committedBy", sendTo, c.committed(), c.instances());
            } else {
                Messages.error(null, "studies.commitFailures", sendTo, c.committed(), c.instances());
            }
        } catch (RemoteArchiveException e) {
            Messages.error(null, "studies.commitFailed", sendTo, e.getMessage());
        } catch (NotFoundException e) {
            Messages.error(null, "studies.gone", sendStudy.studyUid());
        }
    }

    public List<org.beaconpacs.archive.mpps.MppsSummary> getPerformed() {
        return performed;
    }

    public StudySummary getSendStudy() {
        return sendStudy;
    }

    public String getSendTo() {
        return sendTo;
    }

    public void setSendTo(String sendTo) {
        this.sendTo = sendTo;
    }

    public String deleteQuestion(StudySummary s) {
        return Messages.text("studies.deleteConfirm", s.patientName() == null ? "" : s.patientName(),
                s.numberOfInstances(), s.studyUid());
    }

    /** The registered name of a UID (SOP class, transfer syntax), or the UID. */
    public String uidName(String uid) {
        return uid == null ? "" : UIDDictionary.nameOf(uid);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String date(LocalDate d) {
        return d == null ? null : d.format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    public LazyDataModel<StudySummary> getResults() {
        return results;
    }

    public StudySummary getStudy() {
        return study;
    }

    public List<SeriesSummary> getSeries() {
        return series;
    }

    public SeriesSummary getSelectedSeries() {
        return selectedSeries;
    }

    public List<InstanceSummary> getInstances() {
        return instances;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }
}
