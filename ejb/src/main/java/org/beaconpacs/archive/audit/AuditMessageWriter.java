package org.beaconpacs.archive.audit;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/** Writes an {@link AuditMessage} as the XML of PS3.15 A.5.1 (UTF-8, no namespace), with this server as source. */
public final class AuditMessageWriter {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
    /** EventDateTime in UTC with milliseconds (A.5.2.5: xsd:dateTime with its time zone). */
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX").withZone(ZoneOffset.UTC);

    private final String sourceId;
    private final String siteId;

    /**
     * @param sourceId AuditSourceID: which server wrote the message
     * @param siteId AuditEnterpriseSiteID, or null
     */
    public AuditMessageWriter(String sourceId, String siteId) {
        this.sourceId = sourceId;
        this.siteId = siteId == null || siteId.isBlank() ? null : siteId;
    }

    public byte[] write(AuditMessage m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        try {
            XMLStreamWriter w = FACTORY.createXMLStreamWriter(out, "UTF-8");
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("AuditMessage");
            event(w, m.event());
            for (AuditMessage.Participant p : m.participants()) {
                participant(w, p);
            }
            w.writeStartElement("AuditSourceIdentification");
            attribute(w, "AuditEnterpriseSiteID", siteId);
            w.writeAttribute("AuditSourceID", sourceId);
            code(w, "AuditSourceTypeCode", AuditCodes.APPLICATION_SERVER);
            w.writeEndElement();
            for (AuditMessage.ParticipantObject o : m.objects()) {
                object(w, o);
            }
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an audit message", e);
        }
        return out.toByteArray();
    }

    private static void event(XMLStreamWriter w, AuditMessage.Event e) throws XMLStreamException {
        w.writeStartElement("EventIdentification");
        w.writeAttribute("EventActionCode", e.action().name());
        w.writeAttribute("EventDateTime", TIME.format(e.time()));
        w.writeAttribute("EventOutcomeIndicator", Integer.toString(e.outcome().indicator));
        code(w, "EventID", e.id());
        for (AuditCode t : e.types()) {
            code(w, "EventTypeCode", t);
        }
        if (e.outcomeDescription() != null) {
            w.writeStartElement("EventOutcomeDescription");
            w.writeCharacters(e.outcomeDescription());
            w.writeEndElement();
        }
        w.writeEndElement();
    }

    private static void participant(XMLStreamWriter w, AuditMessage.Participant p) throws XMLStreamException {
        w.writeStartElement("ActiveParticipant");
        w.writeAttribute("UserID", p.userId());
        attribute(w, "AlternativeUserID", p.alternativeUserId());
        attribute(w, "UserName", p.userName());
        w.writeAttribute("UserIsRequestor", Boolean.toString(p.requestor()));
        if (p.networkAccessPoint() != null) {
            w.writeAttribute("NetworkAccessPointID", p.networkAccessPoint());
            w.writeAttribute("NetworkAccessPointTypeCode", isAddress(p.networkAccessPoint()) ? "2" : "1");
        }
        if (p.role() != null) {
            code(w, "RoleIDCode", p.role());
        }
        w.writeEndElement();
    }

    private static void object(XMLStreamWriter w, AuditMessage.ParticipantObject o) throws XMLStreamException {
        w.writeStartElement("ParticipantObjectIdentification");
        w.writeAttribute("ParticipantObjectID", o.id());
        w.writeAttribute("ParticipantObjectTypeCode", Integer.toString(o.typeCode()));
        w.writeAttribute("ParticipantObjectTypeCodeRole", Integer.toString(o.role()));
        if (o.lifeCycle() > 0) {
            w.writeAttribute("ParticipantObjectDataLifeCycle", Integer.toString(o.lifeCycle()));
        }
        code(w, "ParticipantObjectIDTypeCode", o.idType());
        if (o.query() != null) {
            w.writeStartElement("ParticipantObjectQuery");
            w.writeCharacters(Base64.getEncoder().encodeToString(o.query()));
            w.writeEndElement();
        } else if (o.name() != null) {
            w.writeStartElement("ParticipantObjectName");
            w.writeCharacters(o.name());
            w.writeEndElement();
        }
        for (Map.Entry<String, byte[]> d : new TreeMap<>(o.details()).entrySet()) {
            w.writeEmptyElement("ParticipantObjectDetail");
            w.writeAttribute("type", d.getKey());
            w.writeAttribute("value", Base64.getEncoder().encodeToString(d.getValue()));
        }
        for (Map.Entry<String, Integer> c : new TreeMap<>(o.sopClasses()).entrySet()) {
            w.writeEmptyElement("SOPClass");
            w.writeAttribute("UID", c.getKey());
            w.writeAttribute("NumberOfInstances", Integer.toString(c.getValue()));
        }
        for (String accession : o.accessions()) {
            w.writeEmptyElement("Accession");
            w.writeAttribute("Number", accession);
        }
        w.writeEndElement();
    }

    private static void code(XMLStreamWriter w, String element, AuditCode c) throws XMLStreamException {
        w.writeEmptyElement(element);
        w.writeAttribute("csd-code", c.code());
        w.writeAttribute("codeSystemName", c.scheme());
        w.writeAttribute("originalText", c.meaning());
    }

    private static void attribute(XMLStreamWriter w, String name, String value) throws XMLStreamException {
        if (value != null && !value.isEmpty()) {
            w.writeAttribute(name, value);
        }
    }

    /** Whether {@code s} is an IPv4 or IPv6 literal (no name lookup). */
    static boolean isAddress(String s) {
        if (s.indexOf(':') >= 0) {
            return true;
        }
        return s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
    }

    /** The XML as text, for logs and the console. */
    public static String text(byte[] xml) {
        return new String(xml, StandardCharsets.UTF_8);
    }

    /** This host's name, for the audit source when none is configured. */
    static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            return "localhost";
        }
    }
}
