package org.beaconpacs.archive.console.remote;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.remote.RemoteArchiveException;
import org.beaconpacs.archive.remote.RemoteArchiveService;
import org.beaconpacs.archive.retrieve.TransferResult;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The remote archive page (admins): a Study Root C-FIND to a configured remote AE with the usual keys,
 * the matching studies, and "Retrieve" for each (a C-MOVE into this archive), with the outcome per study.
 */
@Named("remote")
@ViewScoped
public class RemoteArchive implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    /** One study as the remote archive answered it, and what became of its retrieve. */
    public record RemoteStudy(String studyUid, String patientName, String patientId, String studyDate,
                              String accessionNumber, String description, String modalities, String instances,
                              String outcome, boolean failed) implements Serializable {

        RemoteStudy withOutcome(String text, boolean failure) {
            return new RemoteStudy(studyUid, patientName, patientId, studyDate, accessionNumber, description,
                    modalities, instances, text, failure);
        }
    }

    @EJB
    private AeConfigService config;
    @Inject
    private RemoteArchiveService remote;

    private String aeTitle;
    private String patientName;
    private String patientId;
    private String accessionNumber;
    private LocalDate from;
    private LocalDate to;
    private String modality;
    private List<RemoteStudy> studies = List.of();
    private boolean searched;

    /** The remote AEs with an address: the archives that can be queried. */
    public List<String> getRemoteAes() {
        return config.list().stream().filter(a -> !a.local() && a.host() != null && a.port() != null)
                .map(AeDto::aeTitle).sorted().toList();
    }

    public void search() {
        CurrentUser.requireAdmin();
        if (aeTitle == null || aeTitle.isBlank()) {
            Messages.error("search:ae", "remote.chooseAe");
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>();
        put(keys, "PatientName", patientName);
        put(keys, "PatientID", patientId);
        put(keys, "AccessionNumber", accessionNumber);
        put(keys, "ModalitiesInStudy", modality);
        if (from != null || to != null) {
            keys.put("StudyDate", (from == null ? "" : from.format(DA)) + "-" + (to == null ? "" : to.format(DA)));
        }
        try {
            List<RemoteStudy> found = new ArrayList<>();
            for (Attributes a : remote.find(aeTitle, "STUDY", keys)) {
                found.add(new RemoteStudy(a.getString(Tag.StudyInstanceUID), a.getString(Tag.PatientName),
                        a.getString(Tag.PatientID), a.getString(Tag.StudyDate), a.getString(Tag.AccessionNumber),
                        a.getString(Tag.StudyDescription), String.join("\\", strings(a, Tag.ModalitiesInStudy)),
                        a.getString(Tag.NumberOfStudyRelatedInstances), null, false));
            }
            studies = found;
            searched = true;
            if (found.size() == RemoteArchiveService.MAX_MATCHES) {
                Messages.info("remote.cut", RemoteArchiveService.MAX_MATCHES);
            }
        } catch (RemoteArchiveException e) {
            studies = List.of();
            Messages.errorText(null, e.getMessage());
        }
    }

    /** C-MOVE of one study from the remote archive into this one; its outcome shows in its row. */
    public void retrieve(RemoteStudy study) {
        CurrentUser.requireAdmin();
        RemoteStudy updated;
        try {
            TransferResult r = remote.pull(aeTitle, study.studyUid());
            String text = Messages.text(r.succeeded() ? "remote.retrieved" : "remote.retrieveFailed", r.completed(),
                    r.failed(), r.detail() == null ? "" : r.detail());
            updated = study.withOutcome(text, !r.succeeded());
            if (r.succeeded()) {
                Messages.info("remote.retrievedStudy", study.patientName() == null ? "" : study.patientName(),
                        r.completed());
            } else {
                Messages.errorText(null, text);
            }
        } catch (RemoteArchiveException e) {
            updated = study.withOutcome(e.getMessage(), true);
            Messages.errorText(null, e.getMessage());
        }
        RemoteStudy done = updated;
        studies = studies.stream().map(s -> s.studyUid().equals(study.studyUid()) ? done : s).toList();
    }

    private static void put(Map<String, String> keys, String keyword, String value) {
        if (value != null && !value.isBlank()) {
            keys.put(keyword, value.strip());
        }
    }

    private static String[] strings(Attributes a, int tag) {
        String[] v = a.getStrings(tag);
        return v == null ? new String[0] : v;
    }

    public List<RemoteStudy> getStudies() {
        return studies;
    }

    public boolean isSearched() {
        return searched;
    }

    public String getAeTitle() {
        return aeTitle;
    }

    public void setAeTitle(String aeTitle) {
        this.aeTitle = aeTitle;
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
