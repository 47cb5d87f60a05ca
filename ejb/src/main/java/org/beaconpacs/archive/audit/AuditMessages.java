package org.beaconpacs.archive.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.audit.AuditMessage.Action;
import org.beaconpacs.archive.audit.AuditMessage.Event;
import org.beaconpacs.archive.audit.AuditMessage.Outcome;
import org.beaconpacs.archive.audit.AuditMessage.Participant;
import org.beaconpacs.archive.audit.AuditMessage.ParticipantObject;
import org.beaconpacs.archive.config.Settings;

/** The audit messages of PS3.15 A.5.3 this archive sends, each with the participants its table asks for. */
public final class AuditMessages {

    /** ParticipantObjectDataLifeCycle values (RFC 3881). */
    static final int ORIGINATION = 1, ACCESS = 6, EXPORT = 11, DESTRUCTION = 14;

    private AuditMessages() {
    }

    /** This archive as a participant: its AE title, and the process that runs it. */
    static Participant archive(boolean requestor, AuditCode role) {
        return new Participant(Settings.localAeTitle(), "AETITLES=" + Settings.localAeTitle(), null, requestor,
                AuditMessageWriter.hostName(), role);
    }

    /** A remote DICOM application entity. */
    static Participant ae(String aeTitle, String host, boolean requestor, AuditCode role) {
        return new Participant(aeTitle, "AETITLES=" + aeTitle, null, requestor, host, role);
    }

    /** A person signed in (console, REST, DICOMweb). */
    static Participant user(String name, String host, boolean requestor, AuditCode role) {
        return new Participant(name, null, name, requestor, host, role);
    }

    /** A.5.3.1 Application Activity: the archive started or stopped. */
    /** The kept audit records as the REST API serves them (the console's Audit page reads the same). */
    static final String AUDIT_LOG = "/beacon/api/audit";

    static AuditMessage applicationActivity(AuditCode startOrStop, Instant time) {
        return new AuditMessage(new Event(AuditCodes.APPLICATION_ACTIVITY, Action.E, time, Outcome.SUCCESS, null,
                startOrStop), List.of(archive(false, AuditCodes.APPLICATION),
                new Participant(System.getProperty("user.name", "unknown"), null, null, true, null,
                        AuditCodes.APPLICATION_LAUNCHER)), List.of());
    }

    /**
     * A.5.3.4 DICOM Instances Transferred: {@code studies} went from {@code source} to {@code destination}
     * ({@code action} C for stored here, R for sent from here); {@code others} such as a C-MOVE's requestor.
     */
    static AuditMessage instancesTransferred(Action action, Instant time, Outcome outcome, String problem,
                                             Participant source, Participant destination, List<Participant> others,
                                             List<ParticipantObject> studiesAndPatients) {
        List<Participant> participants = new ArrayList<>(List.of(source, destination));
        participants.addAll(others);
        return new AuditMessage(new Event(AuditCodes.INSTANCES_TRANSFERRED, action, time, outcome, problem),
                participants, studiesAndPatients);
    }

    /** A.5.3.3 Begin Transferring DICOM Instances: studies start to go from the archive to {@code destination}. */
    static AuditMessage beginTransferring(Instant time, Participant destination, List<Participant> others,
                                          List<ParticipantObject> studiesAndPatients) {
        List<Participant> participants = new ArrayList<>(List.of(archive(false, AuditCodes.SOURCE), destination));
        participants.addAll(others);
        return new AuditMessage(new Event(AuditCodes.BEGIN_TRANSFERRING, Action.E, time, Outcome.SUCCESS, null),
                participants, studiesAndPatients);
    }

    /** A.5.3.10 Query: {@code requestor} asked with {@code query} (the identifier, Explicit VR Little Endian). */
    static AuditMessage query(Instant time, Outcome outcome, Participant requestor, String sopClass, byte[] query,
                              String transferSyntax) {
        ParticipantObject q = new ParticipantObject(sopClass, AuditCodes.SOP_CLASS_UID, 2, 24, 0, null, query,
                Map.of("TransferSyntax", transferSyntax.getBytes(java.nio.charset.StandardCharsets.US_ASCII)),
                Map.of(), List.of());
        return new AuditMessage(new Event(AuditCodes.QUERY, Action.E, time, outcome, null),
                List.of(requestor, archive(false, AuditCodes.DESTINATION)), List.of(q));
    }

    /** A.5.3.5 DICOM Study Deleted. */
    static AuditMessage studyDeleted(Instant time, Outcome outcome, String problem, Participant requestor,
                                     List<ParticipantObject> studiesAndPatients) {
        return new AuditMessage(new Event(AuditCodes.STUDY_DELETED, Action.D, time, outcome, problem),
                List.of(requestor, archive(false, null)), studiesAndPatients);
    }

    /** A.5.3.3 DICOM Instances Accessed: read (R), changed (U) or removed (D) here, not transferred. */
    static AuditMessage instancesAccessed(Action action, Instant time, Outcome outcome, Participant requestor,
                                          List<ParticipantObject> studiesAndPatients) {
        return new AuditMessage(new Event(AuditCodes.INSTANCES_ACCESSED, action, time, outcome, null),
                List.of(requestor, archive(false, null)), studiesAndPatients);
    }

    /** A.5.3.12 User Authentication: a login (or its failure) or a logout. */
    static AuditMessage userAuthentication(AuditCode loginOrLogout, Instant time, Outcome outcome, String problem,
                                           String user, String host) {
        return new AuditMessage(new Event(AuditCodes.USER_AUTHENTICATION, Action.E, time, outcome, problem,
                loginOrLogout), List.of(user(user, host, true, null), archive(false, null)), List.of());
    }

    /**
     * A.5.3.11 Security Alert: {@code type} (a configuration change, a node that failed authentication)
     * concerning {@code subject} (an AE title, a user, a node), by {@code requestor}.
     */
    static AuditMessage securityAlert(AuditCode type, Instant time, Outcome outcome, String description,
                                      Participant requestor, ParticipantObject subject) {
        return new AuditMessage(new Event(AuditCodes.SECURITY_ALERT, Action.E, time, outcome, description, type),
                List.of(requestor, archive(false, null)), subject == null ? List.of() : List.of(subject));
    }

    /** A.5.3.7 Order Record / A.5.3.8 Patient Record / Procedure Record: created, updated or deleted. */
    static AuditMessage record(AuditCode eventId, Action action, Instant time, Participant requestor,
                               List<ParticipantObject> objects) {
        return new AuditMessage(new Event(eventId, action, time, Outcome.SUCCESS, null),
                List.of(requestor, archive(false, null)), objects);
    }

    /** A.5.3.6 Export: instances left the archive's care (a film printed, a study sent by an administrator). */
    static AuditMessage export(Instant time, Outcome outcome, String problem, Participant requestor,
                               Participant destination, List<ParticipantObject> studiesAndPatients) {
        return new AuditMessage(new Event(AuditCodes.EXPORT, Action.R, time, outcome, problem),
                List.of(requestor, archive(false, AuditCodes.SOURCE), destination), studiesAndPatients);
    }

    /** A.5.3.2 Audit Log Used: {@code reader} read the archive's kept audit records. */
    static AuditMessage auditLogUsed(Instant time, Participant reader) {
        return new AuditMessage(new Event(AuditCodes.AUDIT_LOG_USED, Action.R, time, Outcome.SUCCESS, null),
                List.of(archive(false, AuditCodes.APPLICATION), reader),
                List.of(securityObject(AUDIT_LOG, AuditCodes.URI, "Security Audit Log")));
    }

    /** A security object: an AE title, a user account or a node, by its URI-like name. */
    static ParticipantObject securityObject(String id, AuditCode idType, String name) {
        return new ParticipantObject(id, idType, 2, 13, 0, name, null, Map.of(), Map.of(), List.of());
    }

    /** An order (placer or filler order number) or an SR/film that is no DICOM study. */
    static ParticipantObject account(String user) {
        return new ParticipantObject(user, AuditCodes.USER_IDENTIFIER, 1, 6, 0, user, null, Map.of(), Map.of(),
                List.of());
    }
}
