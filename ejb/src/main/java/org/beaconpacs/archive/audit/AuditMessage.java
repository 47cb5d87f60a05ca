package org.beaconpacs.archive.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One audit message of PS3.15 A.5: what happened ({@link Event}), who took part ({@link Participant}: users,
 * processes, nodes) and what it concerned ({@link ParticipantObject}: patients, studies, queries, accounts).
 * The audit source is this server; the writer adds it.
 */
public record AuditMessage(Event event, List<Participant> participants, List<ParticipantObject> objects) {

    public AuditMessage {
        Objects.requireNonNull(event);
        participants = List.copyOf(participants);
        objects = List.copyOf(objects);
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("an audit message has at least one active participant");
        }
    }

    /** The requesting participant's user ID (the first one if several are requestors), or the first participant's. */
    public String requestor() {
        return participants.stream().filter(Participant::requestor).findFirst().orElse(participants.get(0)).userId();
    }

    /** The IDs of the patients the message concerns. */
    public List<String> patientIds() {
        return objects.stream().filter(o -> o.idType().equals(AuditCodes.PATIENT_NUMBER))
                .map(ParticipantObject::id).toList();
    }

    /** The Study Instance UIDs the message concerns. */
    public List<String> studyUids() {
        return objects.stream().filter(o -> o.idType().equals(AuditCodes.STUDY_INSTANCE_UID))
                .map(ParticipantObject::id).toList();
    }

    /** EventActionCode. */
    public enum Action { C, R, U, D, E }

    /** EventOutcomeIndicator: 0, 4, 8 or 12. */
    public enum Outcome {
        SUCCESS(0), MINOR_FAILURE(4), SERIOUS_FAILURE(8), MAJOR_FAILURE(12);

        public final int indicator;

        Outcome(int indicator) {
            this.indicator = indicator;
        }
    }

    /**
     * EventIdentification.
     *
     * @param outcomeDescription why it failed (EventOutcomeDescription), or null
     * @param types the EventTypeCodes, may be empty
     */
    public record Event(AuditCode id, Action action, Instant time, Outcome outcome, String outcomeDescription,
                        List<AuditCode> types) {
        public Event {
            types = List.copyOf(types);
        }

        public Event(AuditCode id, Action action, Instant time, Outcome outcome, String outcomeDescription,
                     AuditCode... types) {
            this(id, action, time, outcome, outcomeDescription, List.of(types));
        }
    }

    /**
     * An ActiveParticipant.
     *
     * @param alternativeUserId e.g. {@code AETITLES=...} for a DICOM process, or null
     * @param networkAccessPoint the host name or IP address it acted from, or null
     * @param role its RoleIDCode, or null
     */
    public record Participant(String userId, String alternativeUserId, String userName, boolean requestor,
                              String networkAccessPoint, AuditCode role) {
        public Participant {
            Objects.requireNonNull(userId);
        }
    }

    /**
     * A ParticipantObjectIdentification.
     *
     * @param typeCode ParticipantObjectTypeCode: 1 person, 2 system object
     * @param role ParticipantObjectTypeCodeRole: 1 patient, 3 report, 6 user, 13 security resource, 24 query
     * @param lifeCycle ParticipantObjectDataLifeCycle (1 origination, 6 access, 11 export, 14 destruction), or 0
     * @param name ParticipantObjectName, or null
     * @param query ParticipantObjectQuery (base64 when written), or null
     * @param details ParticipantObjectDetail type/value pairs
     * @param sopClasses per SOP Class UID the number of instances (studies)
     * @param accessions Accession Numbers (studies)
     */
    public record ParticipantObject(String id, AuditCode idType, int typeCode, int role, int lifeCycle, String name,
                                    byte[] query, Map<String, byte[]> details, Map<String, Integer> sopClasses,
                                    List<String> accessions) {
        public ParticipantObject {
            Objects.requireNonNull(id);
            details = Map.copyOf(details);
            sopClasses = Map.copyOf(sopClasses);
            accessions = List.copyOf(accessions);
        }

        public static ParticipantObject patient(String patientId, String patientName) {
            return new ParticipantObject(patientId, AuditCodes.PATIENT_NUMBER, 1, 1, 0, patientName, null,
                    Map.of(), Map.of(), List.of());
        }

        public static ParticipantObject study(String studyUid, Map<String, Integer> sopClasses,
                                              List<String> accessions, int lifeCycle) {
            return new ParticipantObject(studyUid, AuditCodes.STUDY_INSTANCE_UID, 2, 3, lifeCycle, null, null,
                    Map.of(), sopClasses, accessions);
        }
    }
}
