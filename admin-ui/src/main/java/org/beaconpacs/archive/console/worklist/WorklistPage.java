package org.beaconpacs.archive.console.worklist;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.beaconpacs.archive.console.CurrentUser;
import org.beaconpacs.archive.console.Messages;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.mpps.MppsService;
import org.beaconpacs.archive.mpps.MppsSummary;
import org.beaconpacs.archive.study.NotFoundException;
import org.beaconpacs.archive.worklist.WorklistFilter;
import org.beaconpacs.archive.worklist.WorklistService;
import org.beaconpacs.archive.worklist.WorklistSummary;
import org.beaconpacs.dicom.io.DicomReader;
import org.primefaces.PrimeFaces;
import org.primefaces.event.FileUploadEvent;

/**
 * The worklist page: scheduled steps filtered by date, modality, station and status; an item created or
 * edited in a dialog (the service's field problems next to the fields), discontinued or removed by an
 * administrator; the MPPS of a step; worklist files (Part 10) uploaded, for a site leaving a file-based
 * worklist.
 */
@Named("worklist")
@ViewScoped
public class WorklistPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 500;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    private WorklistService service;
    @Inject
    private MppsService mpps;

    private LocalDate from = LocalDate.now();
    private LocalDate to;
    private String modality;
    private String station;
    private String status;
    private List<WorklistSummary> steps = List.of();
    private WorklistForm form = WorklistForm.blank();
    private List<MppsSummary> performed = List.of();

    @PostConstruct
    void load() {
        search();
    }

    public void search() {
        try {
            steps = service.list(new WorklistFilter(from == null ? null : from.format(DA),
                    to == null ? null : to.format(DA), modality, station, status), SHOWN);
        } catch (IllegalArgumentException e) {
            Messages.errorText(null, e.getMessage());
        }
    }

    public void create() {
        form = WorklistForm.blank();
    }

    public void edit(WorklistSummary s) {
        try {
            form = WorklistForm.of(s.itemId(), service.item(s.itemId()));
        } catch (NotFoundException e) {
            Messages.error(null, "worklist.gone", s.accessionNumber());
            search();
        }
    }

    /** Saves the dialog; the service's problems go next to their fields and keep the dialog open. */
    public void save() {
        CurrentUser.requireAdmin();
        try {
            if (form.isNew()) {
                service.create(form.toAttributes());
            } else {
                service.update(form.getId(), form.toAttributes());
            }
            Messages.info("worklist.saved", form.getPatientName() == null ? "" : form.getPatientName());
            PrimeFaces.current().executeScript("PF('itemDialog').hide()");
            search();
        } catch (InvalidInputException e) {
            e.problems(Messages.locale()).forEach((field, text) -> Messages.errorText(
                    WorklistForm.FIELDS.getOrDefault(field.replaceAll("\\[[2-9]\\d*]", "[1]"), null), text));
            jakarta.faces.context.FacesContext.getCurrentInstance().validationFailed();
        } catch (NotFoundException e) {
            Messages.error(null, "worklist.gone", form.getAccessionNumber());
        }
    }

    public void discontinue(WorklistSummary s) {
        CurrentUser.requireAdmin();
        Messages.info("worklist.discontinued", service.discontinue(s.itemId()));
        search();
    }

    public void delete(WorklistSummary s) {
        CurrentUser.requireAdmin();
        service.delete(s.itemId());
        Messages.info("worklist.deleted", s.patientName() == null ? "" : s.patientName());
        search();
    }

    /** The MPPS that performed step {@code s}, for its dialog. */
    public void showPerformed(WorklistSummary s) {
        performed = mpps.forStudy(s.studyInstanceUid()).stream()
                .filter(m -> m.scheduledStepId() == null || m.scheduledStepId().equals(s.stepId())).toList();
    }

    /** One uploaded worklist file (Part 10): a new item, or why it is none. */
    public void upload(FileUploadEvent event) {
        CurrentUser.requireAdmin();
        String name = event.getFile().getFileName();
        try (InputStream in = event.getFile().getInputStream(); DicomReader r = new DicomReader(in)) {
            service.create(r.readFile().dataset());
            Messages.info("worklist.imported", name);
        } catch (InvalidInputException e) {
            Messages.error(null, "worklist.importInvalid", name, e.getMessage());
        } catch (IOException | RuntimeException e) {
            Messages.error(null, "worklist.importFailed", name, String.valueOf(e.getMessage()));
        }
        search();
    }

    /** The severity of a status's tag. */
    public String severity(String s) {
        return switch (s) {
            case "COMPLETED" -> "success";
            case "DISCONTINUED" -> "danger";
            case "STARTED", "ARRIVED", "READY" -> "warning";
            default -> "info";
        };
    }

    public List<String> getStatuses() {
        return WorklistService.STEP_STATUSES;
    }

    public List<WorklistSummary> getSteps() {
        return steps;
    }

    public WorklistForm getForm() {
        return form;
    }

    public List<MppsSummary> getPerformed() {
        return performed;
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

    public String getStation() {
        return station;
    }

    public void setStation(String station) {
        this.station = station;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
