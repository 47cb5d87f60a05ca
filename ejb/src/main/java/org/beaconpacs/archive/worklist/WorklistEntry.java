package org.beaconpacs.archive.worklist;

import java.time.DateTimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.beaconpacs.archive.config.AeRules;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.input.Problem;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.time.DateTimes;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * A worklist item as written (REST, console, a worklist file, an HL7 order), checked and split the way
 * it is kept: the patient's attributes (with the index's patient), the order's (Requested Procedure,
 * Imaging Service Request, Visit) and one item per Scheduled Procedure Step. The identifiers a modality
 * needs and the writer left out are made here: Study Instance UID, Requested Procedure ID, Scheduled
 * Procedure Step ID (return key type 1, PS3.4 K.6.1.2.2).
 */
record WorklistEntry(Attributes patient, Attributes order, List<Step> steps) {

    private static final java.util.concurrent.atomic.AtomicInteger COUNTER = new java.util.concurrent.atomic.AtomicInteger();

    /** One Scheduled Procedure Step Sequence item and its matching keys. */
    record Step(Attributes item, String stepId, String modality, String startDate, String startTime,
                String performingPhysician, String stationName, Set<String> stationAeTitles,
                ScheduledStep.Status status) {
    }

    /** {@code item} checked; InvalidInputException names every field that is wrong. */
    static WorklistEntry of(Attributes item) {
        Map<String, Problem> problems = new LinkedHashMap<>();
        Attributes patient = new Attributes();
        Attributes order = new Attributes();
        String[] charset = item.getStrings(Tag.SpecificCharacterSet);
        for (int i = 0; i < item.size(); i++) {
            int tag = item.tagAt(i);
            if (tag == Tag.SpecificCharacterSet || tag == Tag.ScheduledProcedureStepSequence || (tag >>> 16) <= 2) {
                continue;
            }
            Attributes to = WorklistKeys.isPatients(tag) ? patient : order;
            copy(item, i, to);
        }
        if (charset != null) {
            patient.setString(Tag.SpecificCharacterSet, VR.CS, charset);
            order.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        }
        if (blank(item.getString(Tag.PatientID))) {
            problems.put("PatientID", new Problem("worklist.patientId"));
        }
        if (blank(item.getString(Tag.PatientName))) {
            problems.put("PatientName", new Problem("worklist.patientName"));
        }
        date(item.getString(Tag.PatientBirthDate), "PatientBirthDate", problems);
        String studyUid = item.getString(Tag.StudyInstanceUID);
        if (blank(studyUid)) {
            order.setString(Tag.StudyInstanceUID, VR.UI, UIDs.generate());
        } else if (!UIDs.isValid(studyUid.strip())) {
            problems.put("StudyInstanceUID", new Problem("worklist.uid", studyUid));
        }
        Sequence sps = item.getSequence(Tag.ScheduledProcedureStepSequence);
        List<Step> steps = new ArrayList<>();
        if (sps == null || sps.isEmpty()) {
            problems.put("ScheduledProcedureStepSequence", new Problem("worklist.steps"));
        } else {
            for (int n = 0; n < sps.size(); n++) {
                steps.add(step(sps.get(n), n + 1, charset, problems));
            }
        }
        if (blank(order.getString(Tag.RequestedProcedureID))) {
            String first = steps.isEmpty() ? null : steps.get(0).stepId();
            order.setString(Tag.RequestedProcedureID, VR.SH, first != null ? first : shortId());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return new WorklistEntry(patient, order, steps);
    }

    private static Step step(Attributes in, int n, String[] charset, Map<String, Problem> problems) {
        String field = "ScheduledProcedureStepSequence[" + n + "].";
        Attributes item = new Attributes(in.size() + 2);
        for (int i = 0; i < in.size(); i++) {
            copy(in, i, item);
        }
        if (charset != null) {
            item.setString(Tag.SpecificCharacterSet, VR.CS, charset);
        }
        String modality = item.getString(Tag.Modality);
        if (blank(modality)) {
            problems.put(field + "Modality", new Problem("worklist.modality", n));
        }
        String date = item.getString(Tag.ScheduledProcedureStepStartDate);
        if (blank(date) || !isDate(date)) {
            problems.put(field + "ScheduledProcedureStepStartDate", new Problem("worklist.startDate", n,
                    date == null ? "" : date));
        }
        String time = item.getString(Tag.ScheduledProcedureStepStartTime);
        if (!blank(time) && !isTime(time)) {
            problems.put(field + "ScheduledProcedureStepStartTime", new Problem("worklist.startTime", n, time));
        }
        Set<String> stations = new LinkedHashSet<>();
        String[] aes = item.getStrings(Tag.ScheduledStationAETitle);
        for (String ae : aes == null ? new String[0] : aes) {
            if (blank(ae)) {
                continue;
            }
            Problem p = AeRules.aeTitle(ae);
            if (p != null) {
                problems.put(field + "ScheduledStationAETitle", new Problem("worklist.stationAe", n, ae, p.toString()));
            } else {
                stations.add(ae.strip());
            }
        }
        ScheduledStep.Status status = ScheduledStep.Status.SCHEDULED;
        String s = item.getString(Tag.ScheduledProcedureStepStatus);
        if (!blank(s)) {
            try {
                status = ScheduledStep.Status.valueOf(s.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problems.put(field + "ScheduledProcedureStepStatus", new Problem("worklist.status", n, s));
            }
        }
        item.setString(Tag.ScheduledProcedureStepStatus, VR.CS, status.name());
        String stepId = item.getString(Tag.ScheduledProcedureStepID);
        if (blank(stepId)) {
            stepId = shortId();
            item.setString(Tag.ScheduledProcedureStepID, VR.SH, stepId);
        }
        String physician = item.getString(Tag.ScheduledPerformingPhysicianName);
        return new Step(item, stepId.strip(), blank(modality) ? null : modality.strip(), blank(date) ? null : date.strip(),
                blank(time) ? null : time.strip(),
                blank(physician) ? null : physician.strip().toUpperCase(Locale.ROOT),
                item.getString(Tag.ScheduledStationName), stations, status);
    }

    private static void copy(Attributes from, int i, Attributes to) {
        Object value = from.valueAt(i);
        if (value instanceof Sequence seq) {
            Sequence s = to.newSequence(from.tagAt(i), from.vrAt(i), seq.isUndefinedLength());
            for (Attributes item : seq) {
                s.add(new Attributes(item));
            }
        } else {
            to.setValue(from.tagAt(i), from.vrAt(i), value);
        }
    }

    /**
     * An identifier of 16 characters at most (SH): the time in base 36 and a counter, unique on this
     * server (two in one millisecond differ by the counter).
     */
    private static String shortId() {
        int n = COUNTER.getAndIncrement() & 0xFFFFF;
        return (Long.toString(System.currentTimeMillis(), 36) + Integer.toString(n, 36)).toUpperCase(Locale.ROOT);
    }

    private static void date(String value, String field, Map<String, Problem> problems) {
        if (!blank(value) && !isDate(value)) {
            problems.put(field, new Problem("worklist.date", value));
        }
    }

    private static boolean isDate(String value) {
        try {
            DateTimes.parseDA(value);
            return value.strip().length() == 8;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isTime(String value) {
        try {
            DateTimes.parseTM(value);
            return true;
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
