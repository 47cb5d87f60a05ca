package org.beaconpacs.archive.audit;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.audit.AuditMessage.Action;
import org.beaconpacs.archive.audit.AuditMessage.Outcome;
import org.beaconpacs.archive.audit.AuditMessage.Participant;
import org.beaconpacs.archive.audit.AuditMessage.ParticipantObject;
import org.beaconpacs.archive.config.AeConfigurationChanged;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.archive.hl7.Hl7Applied;
import org.beaconpacs.archive.print.PrintJobChanged;
import org.beaconpacs.archive.print.PrintJobSummary;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.archive.query.Queried;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.retrieve.RetrieveStarted;
import org.beaconpacs.archive.retrieve.Retrieved;
import org.beaconpacs.archive.security.UserAuthenticated;
import org.beaconpacs.archive.security.UserChanged;
import org.beaconpacs.archive.study.StudyAccessed;
import org.beaconpacs.archive.study.StudyDeleted;
import org.beaconpacs.archive.worklist.WorklistChanged;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;

/**
 * Turns the services' outcomes into audit messages (PS3.15 A.5.3), on the services' threads but without
 * waiting for anything: each observer takes what the event says and hands a draft to the {@link AuditTrail}.
 */
@ApplicationScoped
public class AuditObservers {

    /** What the container names a caller who is no user (a DICOM association, HL7, a timer). */
    private static final String ANONYMOUS = "anonymous";

    /**
     * A viewer's many WADO requests for one study (frames, thumbnails), or a user's many looks at one study in
     * the console, make one message in this time.
     */
    static final long REPEAT_MILLIS = 60_000;

    private final Map<String, Long> seen = new java.util.concurrent.ConcurrentHashMap<>();

    @EJB
    private AuditTrail trail;
    @Inject
    private Principal caller;

    void retrieved(@Observes Retrieved r) {
        Instant now = Instant.now();
        if (r.how() == Retrieved.Transfer.WADO && repeated(r, now.toEpochMilli())) {
            return;
        }
        Outcome outcome = r.failed() > 0 || r.completed() == 0 && r.warning() == 0 && !r.studies().isEmpty()
                ? Outcome.MINOR_FAILURE : Outcome.SUCCESS;
        String problem = outcome == Outcome.SUCCESS ? null : r.failed() + " of "
                + (r.completed() + r.failed() + r.warning()) + " instances not sent (status 0x"
                + Integer.toHexString(r.status()).toUpperCase(java.util.Locale.ROOT) + ")";
        Map<String, Map<String, Integer>> studies = r.studies();
        switch (r.how()) {
            case EXPORT -> trail.record(facts -> AuditMessages.export(now, outcome, problem,
                    AuditMessages.user(r.requestor(), null, true, null),
                    AuditMessages.ae(r.destination(), null, false, AuditCodes.DESTINATION),
                    facts.studiesAndPatients(studies, AuditMessages.EXPORT)));
            case WADO -> trail.record(facts -> AuditMessages.instancesTransferred(Action.R, now, outcome, problem,
                    AuditMessages.archive(false, AuditCodes.SOURCE),
                    AuditMessages.user(r.requestor() == null ? ANONYMOUS : r.requestor(), r.requestorHost(), true,
                            AuditCodes.DESTINATION), List.of(),
                    facts.studiesAndPatients(studies, AuditMessages.ACCESS)));
            case C_GET -> trail.record(facts -> AuditMessages.instancesTransferred(Action.R, now, outcome, problem,
                    AuditMessages.archive(false, AuditCodes.SOURCE),
                    AuditMessages.ae(r.destination(), r.requestorHost(), true, AuditCodes.DESTINATION), List.of(),
                    facts.studiesAndPatients(studies, AuditMessages.ACCESS)));
            case C_MOVE -> trail.record(facts -> AuditMessages.instancesTransferred(Action.R, now, outcome, problem,
                    AuditMessages.archive(false, AuditCodes.SOURCE),
                    AuditMessages.ae(r.destination(), null, false, AuditCodes.DESTINATION),
                    List.of(AuditMessages.ae(r.requestor(), r.requestorHost(), true, null)),
                    facts.studiesAndPatients(studies, AuditMessages.ACCESS)));
        }
    }

    /** A C-MOVE, C-GET or export begins sending (WADO answers at once: its end is its begin). */
    void retrieveStarted(@Observes RetrieveStarted r) {
        Instant now = Instant.now();
        Map<String, Map<String, Integer>> studies = r.studies();
        Participant destination;
        List<Participant> others;
        switch (r.how()) {
            case C_MOVE -> {
                destination = AuditMessages.ae(r.destination(), null, false, AuditCodes.DESTINATION);
                others = List.of(AuditMessages.ae(r.requestor(), r.requestorHost(), true, null));
            }
            case C_GET -> {
                destination = AuditMessages.ae(r.destination(), r.requestorHost(), true, AuditCodes.DESTINATION);
                others = List.of();
            }
            default -> {
                destination = AuditMessages.ae(r.destination(), null, false, AuditCodes.DESTINATION);
                others = List.of(AuditMessages.user(r.requestor() == null ? ANONYMOUS : r.requestor(), null, true,
                        null));
            }
        }
        trail.record(facts -> AuditMessages.beginTransferring(now, destination, others,
                facts.studiesAndPatients(studies, AuditMessages.ACCESS)));
    }

    void queried(@Observes Queried q) {
        Instant now = Instant.now();
        byte[] identifier = AttributeBlobs.encode(q.keys());
        boolean dicom = q.association() != null;
        Participant requestor = dicom ? AuditMessages.ae(q.requestor(), q.requestorHost(), true, AuditCodes.SOURCE)
                : AuditMessages.user(q.requestor() == null ? ANONYMOUS : q.requestor(), q.requestorHost(), true,
                AuditCodes.SOURCE);
        trail.record(facts -> AuditMessages.query(now, Outcome.SUCCESS, requestor, q.sopClass(), identifier,
                UID.ExplicitVRLittleEndian));
    }

    void deleted(@Observes StudyDeleted d) {
        Instant now = Instant.now();
        Participant requestor = AuditMessages.user(user(), null, true, null);
        List<ParticipantObject> objects = new ArrayList<>();
        var s = d.study();
        objects.add(ParticipantObject.study(d.studyUid(), Map.of(),
                s == null || s.accessionNumber() == null ? List.of() : List.of(s.accessionNumber()),
                AuditMessages.DESTRUCTION));
        if (s != null && s.patientId() != null) {
            objects.add(ParticipantObject.patient(s.patientId(), s.patientName()));
        }
        trail.record(facts -> AuditMessages.studyDeleted(now, Outcome.SUCCESS, null, requestor, objects));
    }

    /** A study read in the console or through the REST API: once a minute per user and study. */
    void accessed(@Observes StudyAccessed a) {
        String by = user();
        long now = System.currentTimeMillis();
        if (repeated("accessed|" + by + '|' + a.studyUid(), now)) {
            return;
        }
        Instant time = Instant.ofEpochMilli(now);
        trail.record(facts -> AuditMessages.instancesAccessed(Action.R, time, Outcome.SUCCESS,
                AuditMessages.user(by, null, true, null),
                facts.studiesAndPatients(List.of(a.studyUid()), AuditMessages.ACCESS)));
    }

    /** The audit records read in the console or through the REST API: once a minute per user. */
    void auditLogUsed(@Observes AuditLogUsed u) {
        String by = user();
        long now = System.currentTimeMillis();
        if (repeated("auditlog|" + by, now)) {
            return;
        }
        Instant time = Instant.ofEpochMilli(now);
        trail.record(facts -> AuditMessages.auditLogUsed(time, AuditMessages.user(by, null, true, null)));
    }

    void authenticated(@Observes UserAuthenticated a) {
        Instant now = Instant.now();
        trail.record(facts -> AuditMessages.userAuthentication(
                a.kind() == UserAuthenticated.Kind.LOGIN ? AuditCodes.LOGIN : AuditCodes.LOGOUT, now,
                a.success() ? Outcome.SUCCESS : Outcome.MINOR_FAILURE, a.success() ? null : a.detail(),
                a.user(), a.host()));
    }

    /** A print job done: its films left the archive on a printer (Export, A.5.3.6). */
    void printed(@Observes(during = TransactionPhase.AFTER_SUCCESS) PrintJobChanged changed) {
        PrintJobSummary j = changed.job();
        if (!"DONE".equals(j.state())) {
            return;
        }
        Instant time = j.printed() != null ? j.printed() : Instant.now();
        ParticipantObject job = new ParticipantObject(j.jobUid(), AuditCodes.REPORT_NUMBER, 2, 3, AuditMessages.EXPORT,
                "print job of " + j.films() + " film(s), " + j.copies() + " copies"
                        + (j.sessionLabel() == null || j.sessionLabel().isBlank() ? "" : ", " + j.sessionLabel()),
                null, Map.of(), Map.of(), List.of());
        trail.record(facts -> AuditMessages.export(time, Outcome.SUCCESS, null,
                AuditMessages.ae(j.callingAe() == null ? "unknown" : j.callingAe(), null, true, AuditCodes.SOURCE),
                AuditMessages.ae(j.printerAe(), null, false, AuditCodes.DESTINATION), List.of(job)));
    }

    /** A DICOM TLS connection refused in its handshake: the node could not authenticate (A.5.3.11). */
    void nodeRefused(@Observes AssociationEnded e) {
        AssociationReport r = e.report();
        if (r.outcomeDetail() == null || !r.outcomeDetail().startsWith(AssociationReport.TLS_FAILED)) {
            return;
        }
        String host = r.association() == null || r.association().peerHost() == null ? "unknown"
                : r.association().peerHost();
        Instant time = r.end() != null ? r.end() : Instant.now();
        trail.record(facts -> AuditMessages.securityAlert(AuditCodes.NODE_AUTHENTICATION, time,
                Outcome.SERIOUS_FAILURE, r.outcomeDetail(), new Participant(host, null, null, true, host, null),
                AuditMessages.securityObject(host, AuditCodes.NODE_ID, "DICOM TLS connection")));
    }

    void userChanged(@Observes UserChanged c) {
        Instant now = Instant.now();
        String by = user();
        trail.record(facts -> AuditMessages.securityAlert(AuditCodes.USER_SECURITY_ATTRIBUTES_CHANGED, now,
                Outcome.SUCCESS, "user " + c.username() + ": " + c.change(),
                AuditMessages.user(by, null, true, null), AuditMessages.account(c.username())));
    }

    void aeConfigurationChanged(@Observes AeConfigurationChanged c) {
        Instant now = Instant.now();
        String by = user();
        String what = c.aeTitles().isEmpty() ? "the policy for calling AEs that are not configured"
                : "application entities " + String.join(", ", c.aeTitles());
        ParticipantObject subject = c.aeTitles().isEmpty() ? null
                : AuditMessages.securityObject(String.join("\\", c.aeTitles()), AuditCodes.NODE_ID, "AE configuration");
        trail.record(facts -> AuditMessages.securityAlert(AuditCodes.NETWORK_CONFIGURATION, now, Outcome.SUCCESS,
                what + " changed", AuditMessages.user(by, null, true, null), subject));
    }

    void hl7(@Observes Hl7Applied m) {
        if (m.patientId() == null) {
            return; // nothing about a patient or an order: nothing to audit
        }
        Instant now = Instant.now();
        boolean order = m.messageType().startsWith("ORM") || m.messageType().startsWith("OMI");
        Action action = order ? orderAction(m.orderControl()) : m.messageType().equals("ADT^A08")
                || m.messageType().equals("ADT^A40") ? Action.U : Action.C;
        Participant sender = new Participant(m.sendingApplication(), null, null, true, m.remoteHost(),
                AuditCodes.SOURCE);
        List<ParticipantObject> objects = List.of(ParticipantObject.patient(m.patientId(), m.patientName()));
        AuditCode id = order ? AuditCodes.ORDER_RECORD : AuditCodes.PATIENT_RECORD;
        trail.record(facts -> {
            AuditMessage r = AuditMessages.record(id, action, now, sender, objects);
            return m.accepted() ? r : new AuditMessage(new AuditMessage.Event(id, action, now,
                    Outcome.MINOR_FAILURE, m.messageType() + " refused: " + m.detail()), r.participants(), r.objects());
        });
    }

    /** An order changed by a user (console, REST); HL7's orders are audited as the messages that made them. */
    void worklistChanged(@Observes WorklistChanged c) {
        String by = user();
        if (ANONYMOUS.equals(by)) {
            return;
        }
        Instant now = Instant.now();
        Action action = c.steps().isEmpty() ? Action.D : Action.U;
        List<ParticipantObject> objects = new ArrayList<>();
        if (!c.steps().isEmpty() && c.steps().get(0).getString(Tag.PatientID) != null) {
            objects.add(ParticipantObject.patient(c.steps().get(0).getString(Tag.PatientID),
                    c.steps().get(0).getString(Tag.PatientName)));
        }
        objects.add(ParticipantObject.study(c.studyUid(), Map.of(), List.of(), 0));
        trail.record(facts -> AuditMessages.record(AuditCodes.ORDER_RECORD, action, now,
                AuditMessages.user(by, null, true, null), objects));
    }

    /** Whether this requestor had these studies within {@link #REPEAT_MILLIS}. */
    private boolean repeated(Retrieved r, long now) {
        return repeated(r.requestor() + '|' + r.requestorHost() + '|' + r.studies().keySet(), now);
    }

    private boolean repeated(String key, long now) {
        if (seen.size() > 10_000) {
            seen.values().removeIf(t -> now - t > REPEAT_MILLIS);
        }
        Long last = seen.put(key, now);
        return last != null && now - last < REPEAT_MILLIS;
    }

    private static Action orderAction(String control) {
        if (control == null) {
            return Action.C;
        }
        return switch (control.toUpperCase(java.util.Locale.ROOT)) {
            case "NW" -> Action.C;
            case "CA", "DC", "OC", "OD" -> Action.D;
            default -> Action.U;
        };
    }

    /** The user on whose behalf this thread works, or "anonymous". */
    private String user() {
        try {
            String name = caller.getName();
            return name == null || name.isEmpty() ? ANONYMOUS : name;
        } catch (RuntimeException noCaller) {
            return ANONYMOUS;
        }
    }
}
