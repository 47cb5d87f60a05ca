package org.beaconpacs.archive.console.worklist;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The worklist item dialog: the patient, the order and its first scheduled step as fields. Written onto
 * the item as it was read, so that what the dialog does not show (other steps, codes, a RIS's extra
 * attributes) is kept.
 */
public class WorklistForm implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter TM = DateTimeFormatter.ofPattern("HHmmss");
    /** The service's field names (WorklistEntry) to the dialog's component ids. */
    static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("PatientID", "itemForm:patientId"),
            Map.entry("PatientName", "itemForm:patientName"), Map.entry("PatientBirthDate", "itemForm:birthDate"),
            Map.entry("StudyInstanceUID", "itemForm:studyUid"),
            Map.entry("ScheduledProcedureStepSequence", "itemForm:modality"),
            Map.entry("ScheduledProcedureStepSequence[1].Modality", "itemForm:modality"),
            Map.entry("ScheduledProcedureStepSequence[1].ScheduledProcedureStepStartDate", "itemForm:startDate"),
            Map.entry("ScheduledProcedureStepSequence[1].ScheduledProcedureStepStartTime", "itemForm:startTime"),
            Map.entry("ScheduledProcedureStepSequence[1].ScheduledStationAETitle", "itemForm:stations"),
            Map.entry("ScheduledProcedureStepSequence[1].ScheduledProcedureStepStatus", "itemForm:status"));

    private Long id;
    private byte[] original;
    private String patientId;
    private String patientName;
    private LocalDate birthDate;
    private String sex;
    private String accessionNumber;
    private String requestedProcedureId;
    private String requestedProcedureDescription;
    private String priority;
    private String studyUid;
    private String stepId;
    private String modality;
    private String stations;
    private String stationName;
    private LocalDate startDate;
    private LocalTime startTime;
    private String performingPhysician;
    private String description;
    private String status = "SCHEDULED";

    /** An empty form for a new item, scheduled today. */
    static WorklistForm blank() {
        WorklistForm f = new WorklistForm();
        f.startDate = LocalDate.now();
        return f;
    }

    /** The form of item {@code id} as read ({@code item}: its attributes, every step in the sequence). */
    static WorklistForm of(long id, Attributes item) {
        WorklistForm f = new WorklistForm();
        f.id = id;
        f.original = org.beaconpacs.archive.index.AttributeBlobs.encode(item);
        f.patientId = item.getString(Tag.PatientID);
        f.patientName = item.getString(Tag.PatientName);
        f.birthDate = date(item.getString(Tag.PatientBirthDate));
        f.sex = item.getString(Tag.PatientSex);
        f.accessionNumber = item.getString(Tag.AccessionNumber);
        f.requestedProcedureId = item.getString(Tag.RequestedProcedureID);
        f.requestedProcedureDescription = item.getString(Tag.RequestedProcedureDescription);
        f.priority = item.getString(Tag.RequestedProcedurePriority);
        f.studyUid = item.getString(Tag.StudyInstanceUID);
        Sequence sps = item.getSequence(Tag.ScheduledProcedureStepSequence);
        Attributes step = sps == null || sps.isEmpty() ? new Attributes() : sps.get(0);
        f.stepId = step.getString(Tag.ScheduledProcedureStepID);
        f.modality = step.getString(Tag.Modality);
        String[] aes = step.getStrings(Tag.ScheduledStationAETitle);
        f.stations = aes == null ? null : String.join(" ", aes);
        f.stationName = step.getString(Tag.ScheduledStationName);
        f.startDate = date(step.getString(Tag.ScheduledProcedureStepStartDate));
        f.startTime = time(step.getString(Tag.ScheduledProcedureStepStartTime));
        f.performingPhysician = step.getString(Tag.ScheduledPerformingPhysicianName);
        f.description = step.getString(Tag.ScheduledProcedureStepDescription);
        f.status = step.getString(Tag.ScheduledProcedureStepStatus, "SCHEDULED");
        return f;
    }

    /** The item as it is to be saved: the fields written onto what was read. */
    Attributes toAttributes() {
        Attributes item = original == null ? new Attributes()
                : org.beaconpacs.archive.index.AttributeBlobs.decode(original);
        item.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        set(item, Tag.PatientID, VR.LO, patientId);
        set(item, Tag.PatientName, VR.PN, patientName);
        set(item, Tag.PatientBirthDate, VR.DA, birthDate == null ? null : birthDate.format(DA));
        set(item, Tag.PatientSex, VR.CS, sex);
        set(item, Tag.AccessionNumber, VR.SH, accessionNumber);
        set(item, Tag.RequestedProcedureID, VR.SH, requestedProcedureId);
        set(item, Tag.RequestedProcedureDescription, VR.LO, requestedProcedureDescription);
        set(item, Tag.RequestedProcedurePriority, VR.CS, priority);
        set(item, Tag.StudyInstanceUID, VR.UI, studyUid);
        Sequence sps = item.getSequence(Tag.ScheduledProcedureStepSequence);
        if (sps == null) {
            sps = item.newSequence(Tag.ScheduledProcedureStepSequence);
        }
        if (sps.isEmpty()) {
            sps.add(new Attributes());
        }
        Attributes step = sps.get(0);
        set(step, Tag.ScheduledProcedureStepID, VR.SH, stepId);
        set(step, Tag.Modality, VR.CS, modality == null ? null : modality.strip().toUpperCase(java.util.Locale.ROOT));
        String[] aes = stations == null ? new String[0]
                : Arrays.stream(stations.strip().split("[\\s,\\\\]+")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        if (aes.length == 0) {
            step.remove(Tag.ScheduledStationAETitle);
        } else {
            step.setString(Tag.ScheduledStationAETitle, VR.AE, aes);
        }
        set(step, Tag.ScheduledStationName, VR.SH, stationName);
        set(step, Tag.ScheduledProcedureStepStartDate, VR.DA, startDate == null ? null : startDate.format(DA));
        set(step, Tag.ScheduledProcedureStepStartTime, VR.TM, startTime == null ? null : startTime.format(TM));
        set(step, Tag.ScheduledPerformingPhysicianName, VR.PN, performingPhysician);
        set(step, Tag.ScheduledProcedureStepDescription, VR.LO, description);
        set(step, Tag.ScheduledProcedureStepStatus, VR.CS, status);
        return item;
    }

    private static void set(Attributes a, int tag, VR vr, String value) {
        if (value == null || value.isBlank()) {
            a.remove(tag);
        } else {
            a.setString(tag, vr, value.strip());
        }
    }

    private static LocalDate date(String v) {
        try {
            return v == null ? null : LocalDate.parse(v.strip(), DA);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static LocalTime time(String v) {
        try {
            return v == null ? null : org.beaconpacs.dicom.time.DateTimes.parseTM(v);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getPatientName() {
        return patientName;
    }

    public void setPatientName(String patientName) {
        this.patientName = patientName;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    public String getSex() {
        return sex;
    }

    public void setSex(String sex) {
        this.sex = sex;
    }

    public String getAccessionNumber() {
        return accessionNumber;
    }

    public void setAccessionNumber(String accessionNumber) {
        this.accessionNumber = accessionNumber;
    }

    public String getRequestedProcedureId() {
        return requestedProcedureId;
    }

    public void setRequestedProcedureId(String requestedProcedureId) {
        this.requestedProcedureId = requestedProcedureId;
    }

    public String getRequestedProcedureDescription() {
        return requestedProcedureDescription;
    }

    public void setRequestedProcedureDescription(String requestedProcedureDescription) {
        this.requestedProcedureDescription = requestedProcedureDescription;
    }

    public String getPriority() {
        return priority;
    }

    public void setPriority(String priority) {
        this.priority = priority;
    }

    public String getStudyUid() {
        return studyUid;
    }

    public void setStudyUid(String studyUid) {
        this.studyUid = studyUid;
    }

    public String getStepId() {
        return stepId;
    }

    public void setStepId(String stepId) {
        this.stepId = stepId;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getStations() {
        return stations;
    }

    public void setStations(String stations) {
        this.stations = stations;
    }

    public String getStationName() {
        return stationName;
    }

    public void setStationName(String stationName) {
        this.stationName = stationName;
    }

    public LocalDate getStartDate() {
        return startDate;
    }

    public void setStartDate(LocalDate startDate) {
        this.startDate = startDate;
    }

    public LocalTime getStartTime() {
        return startTime;
    }

    public void setStartTime(LocalTime startTime) {
        this.startTime = startTime;
    }

    public String getPerformingPhysician() {
        return performingPhysician;
    }

    public void setPerformingPhysician(String performingPhysician) {
        this.performingPhysician = performingPhysician;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }
}
