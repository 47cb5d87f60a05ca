package org.beaconpacs.archive.hl7;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.junit.jupiter.api.Test;

/** The RAD-4 mapping of HL7 2.3.1 ORM^O01 and its 2.5 equivalent OMI^O23 onto a worklist item. */
class OrderMappingTest {

    /** The fields of a message that HAPI parses (as the service checks before it maps). */
    private static Hl7Fields parse(String... segments) throws Exception {
        String text = String.join("\r", segments) + "\r";
        try (HapiContext c = new DefaultHapiContext()) {
            c.setValidationContext(ValidationContextFactory.noValidation());
            c.getPipeParser().parse(text);
        }
        return new Hl7Fields(text);
    }

    @Test
    void anOrmOfVersion231MapsAsRad4Says() throws Exception {
        Hl7Fields m = parse("MSH|^~\\&|RIS|HOSP|BEACON|HOSP|20261202093000||ORM^O01|MSG0001|P|2.3.1",
                "PID|||P1001^^^HOSP||Doe^Jane^Q^^Dr||19700102|F",
                "PV1||O|RAD^101^1|||||REF1^Welby^Marcus|||||||||||V555",
                "ORC|NW|PLC1|FIL1||SC",
                "OBR|1|PLC1|FIL1|CTCHEST^CT chest^LOCAL||||||||||||ORD1^House^Gregory||ACC1001|RP1001|SPS1001||||CT||"
                        + "|^^^20261202100000^^S||||^suspected pneumonia|||TECH1^Tech^Tom",
                "ZDS|1.2.3.4.5.6^RIS^Application^DICOM");
        Attributes a = OrderMapping.item(m, Map.of("CT", new String[] {"CT1", "CT2"}));
        assertEquals("P1001", a.getString(Tag.PatientID));
        assertEquals("HOSP", a.getString(Tag.IssuerOfPatientID));
        assertEquals("Doe^Jane^Q^Dr", a.getString(Tag.PatientName));
        assertEquals("19700102", a.getString(Tag.PatientBirthDate));
        assertEquals("F", a.getString(Tag.PatientSex));
        assertEquals("ACC1001", a.getString(Tag.AccessionNumber));
        assertEquals("RP1001", a.getString(Tag.RequestedProcedureID));
        assertEquals("1.2.3.4.5.6", a.getString(Tag.StudyInstanceUID));
        assertEquals("CT chest", a.getString(Tag.RequestedProcedureDescription));
        assertEquals("CTCHEST", a.getSequence(Tag.RequestedProcedureCodeSequence).get(0).getString(Tag.CodeValue));
        assertEquals("House^Gregory", a.getString(Tag.RequestingPhysician));
        assertEquals("Welby^Marcus", a.getString(Tag.ReferringPhysicianName));
        assertEquals("PLC1", a.getString(Tag.PlacerOrderNumberImagingServiceRequest));
        assertEquals("V555", a.getString(Tag.AdmissionID));
        assertEquals("STAT", a.getString(Tag.RequestedProcedurePriority));
        Attributes step = a.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
        assertEquals("SPS1001", step.getString(Tag.ScheduledProcedureStepID));
        assertEquals("CT", step.getString(Tag.Modality));
        assertEquals("20261202", step.getString(Tag.ScheduledProcedureStepStartDate));
        assertEquals("100000", step.getString(Tag.ScheduledProcedureStepStartTime));
        assertArrayEquals(new String[] {"CT1", "CT2"}, step.getStrings(Tag.ScheduledStationAETitle),
                "the stations of the modality when the order names none");
        assertEquals("Tech^Tom", step.getString(Tag.ScheduledPerformingPhysicianName));
    }

    @Test
    void anOmiOfVersion25HasOneStepPerIpcSegment() throws Exception {
        Hl7Fields m = parse("MSH|^~\\&|RIS|HOSP|BEACON|HOSP|20261202093000||OMI^O23^OMI_O23|MSG0002|P|2.5",
                "PID|||P2002^^^HOSP~X9^^^OTHER||Roe^Richard||19800303|M",
                "ORC|NW|PLC2|FIL2",
                "TQ1|||||||20261203081500",
                "OBR|1|PLC2|FIL2|MRHEAD^MR head^LOCAL",
                "IPC|ACC2002|RP2002|1.2.3.4.7|SPS2002A|MR||MR scanner 1|Room 7|MR1",
                "IPC|ACC2002|RP2002|1.2.3.4.7|SPS2002B|MR||MR scanner 2|Room 8|MR2");
        Attributes a = OrderMapping.item(m, Map.of());
        assertEquals("P2002", a.getString(Tag.PatientID), "the first repetition of PID-3");
        assertEquals("Roe^Richard", a.getString(Tag.PatientName));
        assertEquals("ACC2002", a.getString(Tag.AccessionNumber));
        assertEquals("1.2.3.4.7", a.getString(Tag.StudyInstanceUID));
        var steps = a.getSequence(Tag.ScheduledProcedureStepSequence);
        assertEquals(2, steps.size());
        assertEquals("SPS2002B", steps.get(1).getString(Tag.ScheduledProcedureStepID));
        assertEquals("MR2", steps.get(1).getString(Tag.ScheduledStationAETitle));
        assertEquals("Room 8", steps.get(1).getString(Tag.ScheduledProcedureStepLocation));
        assertEquals("20261203", steps.get(0).getString(Tag.ScheduledProcedureStepStartDate));
        assertEquals("081500", steps.get(0).getString(Tag.ScheduledProcedureStepStartTime));
        assertNull(a.getString(Tag.RequestedProcedurePriority));
    }

    @Test
    void aBrokenMessageStillGivesItsHeaderFieldsForTheRejection() {
        String broken = "MSH|^~\\&|RIS|HOSP|BEACON|HOSP|20261202||ORM^O01|CTRL9|P|2.3.1\rPID|this is|not";
        assertEquals("CTRL9", Acks.field(broken, 10));
        assertEquals("ORM^O01", Acks.type(broken));
        String ack = Acks.reject(broken, "not well formed | really");
        assertEquals("MSA|AR|CTRL9|not well formed \\F\\ really", ack.split("\r")[1]);
    }
}
