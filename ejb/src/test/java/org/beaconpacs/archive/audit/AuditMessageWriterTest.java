package org.beaconpacs.archive.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.beaconpacs.archive.audit.AuditMessage.Action;
import org.beaconpacs.archive.audit.AuditMessage.Outcome;
import org.beaconpacs.archive.audit.AuditMessage.ParticipantObject;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

class AuditMessageWriterTest {

    private static final Schema SCHEMA = schema();
    private final AuditMessageWriter writer = new AuditMessageWriter("BEACON", "Hospital");
    private final Instant time = Instant.parse("2026-12-03T10:15:30.123Z");

    private static Schema schema() {
        try {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(Path.of("../docs/audit/audit-message.xsd").toFile());
        } catch (SAXException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validate(byte[] xml) throws Exception {
        SCHEMA.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml)));
    }

    private static Document parse(byte[] xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void instancesTransferredIsValidAndNamesItsParticipants() throws Exception {
        AuditMessage m = AuditMessages.instancesTransferred(Action.C, time, Outcome.SUCCESS, null,
                AuditMessages.ae("CT01", "10.0.0.7", true, AuditCodes.SOURCE),
                AuditMessages.ae("BEACON", "pacs.example.org", false, AuditCodes.DESTINATION), List.of(),
                List.of(ParticipantObject.study("1.2.3", Map.of("1.2.840.10008.5.1.4.1.1.2", 3), List.of("A100"),
                        AuditMessages.ORIGINATION), ParticipantObject.patient("P1", "Doe^Jane")));
        byte[] xml = writer.write(m);
        validate(xml);
        Document d = parse(xml);
        Element event = (Element) d.getElementsByTagName("EventIdentification").item(0);
        assertEquals("C", event.getAttribute("EventActionCode"));
        assertEquals("2026-12-03T10:15:30.123Z", event.getAttribute("EventDateTime"));
        assertEquals("110104", ((Element) d.getElementsByTagName("EventID").item(0)).getAttribute("csd-code"));
        Element source = (Element) d.getElementsByTagName("ActiveParticipant").item(0);
        assertEquals("CT01", source.getAttribute("UserID"));
        assertEquals("AETITLES=CT01", source.getAttribute("AlternativeUserID"));
        assertEquals("2", source.getAttribute("NetworkAccessPointTypeCode"));
        Element destination = (Element) d.getElementsByTagName("ActiveParticipant").item(1);
        assertEquals("1", destination.getAttribute("NetworkAccessPointTypeCode"));
        Element sopClass = (Element) d.getElementsByTagName("SOPClass").item(0);
        assertEquals("3", sopClass.getAttribute("NumberOfInstances"));
        assertEquals("A100", ((Element) d.getElementsByTagName("Accession").item(0)).getAttribute("Number"));
        Element patient = (Element) d.getElementsByTagName("ParticipantObjectIdentification").item(1);
        assertEquals("P1", patient.getAttribute("ParticipantObjectID"));
        assertEquals("Doe^Jane", patient.getElementsByTagName("ParticipantObjectName").item(0).getTextContent());
        assertEquals("Hospital", ((Element) d.getElementsByTagName("AuditSourceIdentification").item(0))
                .getAttribute("AuditEnterpriseSiteID"));
        assertEquals(List.of("P1"), m.patientIds());
        assertEquals(List.of("1.2.3"), m.studyUids());
        assertEquals("CT01", m.requestor());
    }

    @Test
    void queryCarriesTheIdentifierInBase64() throws Exception {
        byte[] identifier = {8, 0, 0x52, 0, 'C', 'S', 6, 0, 'S', 'T', 'U', 'D', 'Y', ' '};
        byte[] xml = writer.write(AuditMessages.query(time, Outcome.SUCCESS,
                AuditMessages.ae("WS1", "10.0.0.8", true, AuditCodes.SOURCE), "1.2.840.10008.5.1.4.1.2.2.1",
                identifier, "1.2.840.10008.1.2.1"));
        validate(xml);
        Document d = parse(xml);
        String query = d.getElementsByTagName("ParticipantObjectQuery").item(0).getTextContent();
        assertEquals(List.of((byte) 8, (byte) 0x52), List.of(java.util.Base64.getDecoder().decode(query)[0],
                java.util.Base64.getDecoder().decode(query)[2]));
        Element detail = (Element) d.getElementsByTagName("ParticipantObjectDetail").item(0);
        assertEquals("TransferSyntax", detail.getAttribute("type"));
        assertEquals("1.2.840.10008.1.2.1", new String(java.util.Base64.getDecoder().decode(
                detail.getAttribute("value")), StandardCharsets.US_ASCII));
    }

    @Test
    void everyKindOfMessageIsValid() throws Exception {
        var user = AuditMessages.user("alice", "192.168.1.5", true, null);
        for (AuditMessage m : List.of(
                AuditMessages.applicationActivity(AuditCodes.APPLICATION_START, time),
                AuditMessages.userAuthentication(AuditCodes.LOGIN, time, Outcome.MINOR_FAILURE, "wrong password",
                        "mallory", "192.168.1.66"),
                AuditMessages.securityAlert(AuditCodes.NETWORK_CONFIGURATION, time, Outcome.SUCCESS,
                        "application entities CT01 changed", user,
                        AuditMessages.securityObject("CT01", AuditCodes.NODE_ID, "AE configuration")),
                AuditMessages.securityAlert(AuditCodes.USER_SECURITY_ATTRIBUTES_CHANGED, time, Outcome.SUCCESS,
                        "user bob: removed", user, AuditMessages.account("bob")),
                AuditMessages.studyDeleted(time, Outcome.SUCCESS, null, user,
                        List.of(ParticipantObject.study("1.2.3", Map.of(), List.of(), AuditMessages.DESTRUCTION))),
                AuditMessages.record(AuditCodes.ORDER_RECORD, Action.U, time, user,
                        List.of(ParticipantObject.patient("P1", null))),
                AuditMessages.export(time, Outcome.SUCCESS, null, user,
                        AuditMessages.ae("ARCHIVE2", null, false, AuditCodes.DESTINATION), List.of()),
                AuditMessages.auditLogUsed(time, user))) {
            validate(writer.write(m));
        }
    }

    @Test
    void theSchemaRefusesWhatTheStandardDoesNotAllow() {
        String noParticipant = "<AuditMessage><EventIdentification EventDateTime=\"2026-12-03T10:15:30Z\""
                + " EventOutcomeIndicator=\"0\"><EventID csd-code=\"110100\" codeSystemName=\"DCM\""
                + " originalText=\"Application Activity\"/></EventIdentification>"
                + "<AuditSourceIdentification AuditSourceID=\"X\"/></AuditMessage>";
        assertThrows(SAXException.class, () -> validate(noParticipant.getBytes(StandardCharsets.UTF_8)));
        String badOutcome = new String(writer.write(AuditMessages.applicationActivity(AuditCodes.APPLICATION_STOP,
                time)), StandardCharsets.UTF_8).replace("EventOutcomeIndicator=\"0\"", "EventOutcomeIndicator=\"3\"");
        assertThrows(SAXException.class, () -> validate(badOutcome.getBytes(StandardCharsets.UTF_8)));
        assertTrue(AuditMessageWriter.isAddress("::1"));
    }
}
