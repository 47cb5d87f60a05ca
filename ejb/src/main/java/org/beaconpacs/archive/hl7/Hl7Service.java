package org.beaconpacs.archive.hl7;

import ca.uhn.hl7v2.AcknowledgmentCode;
import ca.uhn.hl7v2.DefaultHapiContext;
import ca.uhn.hl7v2.ErrorCode;
import ca.uhn.hl7v2.HL7Exception;
import ca.uhn.hl7v2.HapiContext;
import ca.uhn.hl7v2.model.Message;
import ca.uhn.hl7v2.parser.PipeParser;
import ca.uhn.hl7v2.validation.impl.ValidationContextFactory;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.Charset;
import java.time.Instant;
import java.util.logging.Logger;
import org.beaconpacs.archive.entity.hl7.Hl7LogEntry;
import org.beaconpacs.archive.input.InvalidInputException;
import org.beaconpacs.archive.worklist.WorklistService;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.dict.Tag;

/**
 * HL7 v2 orders and patient updates without MLLP (IHE SWF: RAD-1, RAD-4, RAD-12, RAD-13): ORM^O01 and
 * OMI^O23 create, change, cancel and discontinue worklist items by their order control (NW, XO, SC, CA,
 * DC), ADT^A01/A04/A05/A08 register and update patients, ADT^A40 merges two. Each message is answered with
 * an ACK once what it changes is committed: AA, or AE / AR with the reason in MSA-3 and ERR; and kept in the
 * HL7 log.
 */
@ApplicationScoped
public class Hl7Service {

    private static final Logger LOG = Logger.getLogger(Hl7Service.class.getName());
    private final HapiContext hapi = context();

    @Inject
    private WorklistService worklist;
    @EJB
    private PatientAdministration patients;
    @EJB
    private Hl7Log log;
    @Inject
    private jakarta.enterprise.event.Event<Hl7Applied> applied;

    private static HapiContext context() {
        HapiContext c = new DefaultHapiContext();
        c.setValidationContext(ValidationContextFactory.noValidation()); // a RIS's quirks are not refusals
        c.getParserConfiguration().setIdGenerator(new AckControlIds(System.currentTimeMillis()));
        return c;
    }

    /** The acknowledgement of one message (its bytes as received), after it is applied and logged. */
    public byte[] receive(byte[] payload, String remoteHost) {
        Charset charset = Hl7Charsets.of(payload);
        String text = new String(payload, charset);
        PipeParser parser = hapi.getPipeParser();
        Message message;
        try {
            message = parser.parse(text);
        } catch (HL7Exception | RuntimeException e) {
            String why = "not a well-formed HL7 v2 message: " + e.getMessage();
            LOG.info(() -> "HL7 from " + remoteHost + " rejected: " + why);
            log.record(entry(payload, remoteHost, Acks.field(text, 3), Acks.field(text, 4), Acks.type(text),
                    Acks.field(text, 10), "AR", why));
            return Acks.reject(text, why).getBytes(charset);
        }
        Hl7Fields f = new Hl7Fields(text);
        String type = OrderMapping.first(f.get("MSH-9-1"), "") + "^" + OrderMapping.first(f.get("MSH-9-2"), "");
        AcknowledgmentCode code = AcknowledgmentCode.AA;
        String detail;
        Message ack;
        try {
            detail = apply(type, f);
            ack = message.generateACK();
        } catch (Hl7Refused e) {
            code = e.code();
            detail = e.getMessage();
            ack = nak(message, e);
        } catch (RuntimeException e) {
            code = AcknowledgmentCode.AE;
            detail = "processing failed: " + e;
            LOG.log(java.util.logging.Level.WARNING, "HL7 " + type + " from " + remoteHost + ": " + e, e);
            ack = nak(message, new Hl7Refused(code, ErrorCode.APPLICATION_INTERNAL_ERROR, detail));
        } catch (HL7Exception | IOException e) {
            throw new IllegalStateException("no acknowledgement could be made: " + e.getMessage(), e);
        }
        String result = code.name() + " " + detail;
        LOG.info(() -> "HL7 " + type + " " + f.get("MSH-10") + " from " + remoteHost + ": " + result);
        log.record(entry(payload, remoteHost, f.get("MSH-3-1"), f.get("MSH-4-1"), type, f.get("MSH-10"), code.name(),
                detail));
        applied.fire(new Hl7Applied(type, OrderMapping.first(f.get("MSH-3-1"), "") + "|"
                + OrderMapping.first(f.get("MSH-4-1"), ""), remoteHost, f.get("PID-3-1"), f.personName("PID-5", false),
                f.get("ORC-1"), OrderMapping.first(f.get("OBR-18"), f.get("IPC-1")), code == AcknowledgmentCode.AA,
                detail));
        try {
            return parser.encode(ack).getBytes(charset);
        } catch (HL7Exception e) {
            throw new IllegalStateException("the acknowledgement cannot be encoded: " + e.getMessage(), e);
        }
    }

    private static Message nak(Message message, Hl7Refused e) {
        try {
            HL7Exception why = new HL7Exception(e.getMessage(), e.error());
            return message.generateACK(e.code(), why);
        } catch (HL7Exception | IOException x) {
            throw new IllegalStateException("no negative acknowledgement could be made: " + x.getMessage(), x);
        }
    }

    /** Applies a message; what it did, in words for the log. */
    private String apply(String type, Hl7Fields f) throws Hl7Refused {
        return switch (type) {
            case "ORM^O01", "OMI^O23" -> order(f);
            case "ADT^A01", "ADT^A04", "ADT^A05", "ADT^A08" -> {
                Attributes p = patient(f);
                patients.update(p);
                yield "patient " + p.getString(Tag.PatientID) + " registered or updated";
            }
            case "ADT^A40" -> merge(f);
            default -> throw new Hl7Refused(AcknowledgmentCode.AR, ErrorCode.UNSUPPORTED_MESSAGE_TYPE,
                    "message type " + type + " is not handled: ORM^O01, OMI^O23, ADT^A01/A04/A05/A08/A40 are");
        };
    }

    private String order(Hl7Fields f) throws Hl7Refused {
        Attributes item = OrderMapping.item(f, Hl7Settings.stations());
        String control = OrderMapping.first(f.get("ORC-1"), "NW").toUpperCase(java.util.Locale.ROOT);
        String accession = item.getString(Tag.AccessionNumber);
        if (accession == null) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                    "no Accession Number (OBR-18, or IPC-1)");
        }
        String pid = item.getString(Tag.PatientID);
        if (pid == null) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "no Patient ID (PID-3)");
        }
        Long existing = worklist.byAccession(accession);
        try {
            switch (control) {
                case "NW" -> {
                    if (existing != null) { // a resend: the order as it is now
                        worklist.update(existing, keepStatuses(item, worklist.item(existing)));
                        return "order " + accession + " sent again: updated";
                    }
                    if (!Hl7Settings.ordersRegisterPatients() && !patients.known(pid, item.getString(Tag.IssuerOfPatientID))) {
                        throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.UNKNOWN_KEY_IDENTIFIER, "unknown patient "
                                + pid + ": register them first (ADT^A01/A04), or set BEACON_HL7_REGISTER_PATIENTS=true");
                    }
                    long id = worklist.create(item);
                    return "order " + accession + " scheduled (worklist item " + id + ")";
                }
                case "XO", "SC" -> {
                    long id = required(existing, accession);
                    worklist.update(id, keepStatuses(item, worklist.item(id)));
                    String status = stepStatus(f.get("ORC-5"));
                    if (status != null) {
                        worklist.setOpenSteps(id, status);
                    }
                    return "order " + accession + " changed" + (status == null ? "" : ", steps " + status);
                }
                case "CA", "DC", "OC", "OD" -> {
                    int n = worklist.discontinue(required(existing, accession));
                    return "order " + accession + " cancelled: " + n + " steps discontinued";
                }
                default -> throw new Hl7Refused(AcknowledgmentCode.AR, ErrorCode.TABLE_VALUE_NOT_FOUND,
                        "order control " + control + " (ORC-1) is not handled: NW, XO, SC, CA, DC are");
            }
        } catch (InvalidInputException e) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, e.getMessage());
        }
    }

    private static long required(Long id, String accession) throws Hl7Refused {
        if (id == null) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.UNKNOWN_KEY_IDENTIFIER,
                    "no order with Accession Number " + accession);
        }
        return id;
    }

    private String merge(Hl7Fields f) throws Hl7Refused {
        Attributes surviving = patient(f);
        String prior = f.get("MRG-1-1");
        if (prior == null) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING,
                    "no prior Patient ID (MRG-1)");
        }
        String priorIssuer = OrderMapping.first(f.get("MRG-1-4-1"), f.get("MRG-1-4"));
        if (!patients.merge(surviving, prior, priorIssuer)) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.UNKNOWN_KEY_IDENTIFIER, "unknown prior patient "
                    + prior);
        }
        return "patient " + prior + " merged into " + surviving.getString(Tag.PatientID);
    }

    private static Attributes patient(Hl7Fields f) throws Hl7Refused {
        Attributes p = new Attributes();
        p.setString(Tag.SpecificCharacterSet, org.beaconpacs.dicom.data.VR.CS, "ISO_IR 192");
        OrderMapping.patient(f, p);
        if (p.getString(Tag.PatientID) == null) {
            throw new Hl7Refused(AcknowledgmentCode.AE, ErrorCode.REQUIRED_FIELD_MISSING, "no Patient ID (PID-3)");
        }
        return p;
    }

    /** The new item with each step's status as the stored item has it (a change of an order is no restart). */
    private static Attributes keepStatuses(Attributes item, Attributes stored) {
        Sequence now = stored.getSequence(Tag.ScheduledProcedureStepSequence);
        Sequence next = item.getSequence(Tag.ScheduledProcedureStepSequence);
        for (int i = 0; next != null && now != null && i < next.size(); i++) {
            Attributes step = next.get(i);
            String id = step.getString(Tag.ScheduledProcedureStepID);
            for (Attributes old : now) {
                if (id == null ? now.size() == 1 : id.equals(old.getString(Tag.ScheduledProcedureStepID))) {
                    step.setString(Tag.ScheduledProcedureStepStatus, org.beaconpacs.dicom.data.VR.CS,
                            old.getString(Tag.ScheduledProcedureStepStatus, "SCHEDULED"));
                    if (id == null) {
                        step.setString(Tag.ScheduledProcedureStepID, org.beaconpacs.dicom.data.VR.SH,
                                old.getString(Tag.ScheduledProcedureStepID));
                    }
                }
            }
        }
        return item;
    }

    /** ORC-5 order status (HL7 table 0038) as a scheduled step status; null for none. */
    private static String stepStatus(String orc5) {
        if (orc5 == null) {
            return null;
        }
        return switch (orc5.toUpperCase(java.util.Locale.ROOT)) {
            case "SC" -> "SCHEDULED";
            case "IP" -> "STARTED";
            case "CM" -> "COMPLETED";
            case "CA", "DC" -> "DISCONTINUED";
            default -> null;
        };
    }

    private static Hl7LogEntry entry(byte[] payload, String remoteHost, String app, String facility, String type,
                                     String controlId, String code, String detail) {
        return new Hl7LogEntry(Instant.now(), remoteHost, app, facility, type, controlId, code, detail, payload);
    }

    /** The latest messages of the HL7 log. */
    public java.util.List<Hl7Summary> recent(int max) {
        return log.recent(max, Hl7Settings.charset());
    }
}
