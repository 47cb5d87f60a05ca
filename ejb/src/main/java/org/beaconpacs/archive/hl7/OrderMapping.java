package org.beaconpacs.archive.hl7;

import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * An order message as a worklist item (README "HL7"): IHE RAD-4/RAD-13 for ORM^O01 of HL7 2.3.1 (OBR-18
 * Accession Number, OBR-19 Requested Procedure ID, OBR-20 Scheduled Procedure Step ID, OBR-24 Modality,
 * OBR-27 the start, ZDS-1 Study Instance UID) and its HL7 2.5 equivalent OMI^O23 (TQ1-7 the start, one step
 * per IPC segment: IPC-1 to IPC-9). The patient from PID, the visit from PV1, the order numbers from ORC.
 */
final class OrderMapping {

    private OrderMapping() {
    }

    /**
     * The item of an order; {@code stations} gives the Scheduled Station AE Titles of a modality when the
     * message names none (IPC-9).
     */
    static Attributes item(Hl7Fields f, Map<String, String[]> stations) {
        Attributes a = new Attributes();
        a.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        patient(f, a);
        set(a, Tag.AdmissionID, VR.LO, f.get("PV1-19"));
        set(a, Tag.CurrentPatientLocation, VR.LO, join(f.get("PV1-3-1"), f.get("PV1-3-2"), f.get("PV1-3-3")));
        set(a, Tag.ReferringPhysicianName, VR.PN, f.personName("PV1-8", true));
        set(a, Tag.PlacerOrderNumberImagingServiceRequest, VR.LO, f.get("ORC-2-1"));
        set(a, Tag.FillerOrderNumberImagingServiceRequest, VR.LO, f.get("ORC-3-1"));
        set(a, Tag.RequestingPhysician, VR.PN, f.personName("OBR-16", true));
        String accession = first(f.get("IPC-1-1"), f.get("OBR-18"));
        set(a, Tag.AccessionNumber, VR.SH, accession);
        set(a, Tag.RequestedProcedureID, VR.SH, first(f.get("IPC-2-1"), f.get("OBR-19")));
        set(a, Tag.StudyInstanceUID, VR.UI, first(f.get("IPC-3-1"), f.get("ZDS-1-1")));
        String code = f.get("OBR-4-1");
        String meaning = first(f.get("OBR-4-2"), code);
        set(a, Tag.RequestedProcedureDescription, VR.LO, meaning);
        if (code != null) {
            Attributes c = new Attributes();
            c.setString(Tag.CodeValue, VR.SH, code);
            c.setString(Tag.CodingSchemeDesignator, VR.SH, first(f.get("OBR-4-3"), "L"));
            c.setString(Tag.CodeMeaning, VR.LO, meaning);
            a.newSequence(Tag.RequestedProcedureCodeSequence).add(c);
        }
        set(a, Tag.RequestedProcedurePriority, VR.CS, priority(first(f.get("TQ1-9-1"), f.get("OBR-27-6"),
                f.get("ORC-7-6"))));
        set(a, Tag.ReasonForTheRequestedProcedure, VR.LO, first(f.get("OBR-31-2"), f.get("OBR-31-1")));
        String start = first(f.get("TQ1-7-1"), f.get("OBR-27-4-1"), f.get("OBR-27-4"), f.get("ORC-7-4-1"),
                f.get("ORC-7-4"), f.get("OBR-7-1"), f.get("OBR-7"));
        Sequence steps = a.newSequence(Tag.ScheduledProcedureStepSequence);
        if (f.get("IPC-1-1") != null || f.get("IPC-4-1") != null) {
            for (int i = 0; i < 50 && (f.get("IPC", i, "1-1") != null || f.get("IPC", i, "4-1") != null); i++) {
                steps.add(step(f, a, start, stations, f.get("IPC", i, "4-1"), f.get("IPC", i, "5"),
                        f.get("IPC", i, "7"), f.get("IPC", i, "8"), f.get("IPC", i, "9")));
            }
        } else {
            steps.add(step(f, a, start, stations, f.get("OBR-20"), f.get("OBR-24"), null, null, null));
        }
        return a;
    }

    /** The patient of PID: PID-3 (first repetition) with its assigning authority, PID-5, PID-7, PID-8. */
    static void patient(Hl7Fields f, Attributes a) {
        set(a, Tag.PatientID, VR.LO, f.get("PID-3-1"));
        set(a, Tag.IssuerOfPatientID, VR.LO, first(f.get("PID-3-4-1"), f.get("PID-3-4")));
        set(a, Tag.PatientName, VR.PN, f.personName("PID-5", false));
        set(a, Tag.PatientBirthDate, VR.DA, Hl7Fields.date(f.get("PID-7-1")));
        set(a, Tag.PatientSex, VR.CS, sex(f.get("PID-8")));
    }

    private static Attributes step(Hl7Fields f, Attributes item, String start, Map<String, String[]> stations,
                                   String stepId, String modality, String stationName, String location,
                                   String stationAe) {
        Attributes s = new Attributes();
        set(s, Tag.ScheduledProcedureStepID, VR.SH, stepId);
        set(s, Tag.Modality, VR.CS, Hl7Fields.upper(modality));
        set(s, Tag.ScheduledProcedureStepStartDate, VR.DA, Hl7Fields.date(start));
        set(s, Tag.ScheduledProcedureStepStartTime, VR.TM, Hl7Fields.time(start));
        set(s, Tag.ScheduledProcedureStepDescription, VR.LO, item.getString(Tag.RequestedProcedureDescription));
        set(s, Tag.ScheduledPerformingPhysicianName, VR.PN, f.personName("OBR-34", true));
        set(s, Tag.ScheduledStationName, VR.SH, stationName);
        set(s, Tag.ScheduledProcedureStepLocation, VR.SH, location);
        String[] aes = stationAe != null ? stationAe.split("~")
                : modality == null ? null : stations.get(Hl7Fields.upper(modality));
        if (aes != null && aes.length > 0) {
            s.setString(Tag.ScheduledStationAETitle, VR.AE, aes);
        }
        return s;
    }

    /** HL7 priority (TQ.6 / TQ1-9: S stat, A asap, R routine, P preop, C callback, T timing) as DICOM's. */
    private static String priority(String p) {
        if (p == null) {
            return null;
        }
        return switch (p.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "S" -> "STAT";
            case "A", "P", "C" -> "HIGH";
            case "R", "T" -> "ROUTINE";
            default -> null;
        };
    }

    private static String sex(String s) {
        if (s == null) {
            return null;
        }
        return switch (s.strip().toUpperCase(java.util.Locale.ROOT)) {
            case "F", "M", "O" -> s.strip().toUpperCase(java.util.Locale.ROOT);
            default -> "O"; // U, A, N: DICOM knows F, M and O only
        };
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null) {
                b.append(b.length() > 0 ? " " : "").append(p);
            }
        }
        return b.length() == 0 ? null : b.toString();
    }

    static String first(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static void set(Attributes a, int tag, VR vr, String value) {
        if (value != null) {
            a.setString(tag, vr, value);
        }
    }
}
