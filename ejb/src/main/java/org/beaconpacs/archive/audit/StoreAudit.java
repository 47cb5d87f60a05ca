package org.beaconpacs.archive.audit;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.beaconpacs.archive.audit.AuditMessage.Action;
import org.beaconpacs.archive.audit.AuditMessage.Outcome;
import org.beaconpacs.archive.audit.AuditMessage.Participant;
import org.beaconpacs.archive.dimse.AssociationEnded;
import org.beaconpacs.archive.rar.api.AssociationInfo;
import org.beaconpacs.archive.rar.api.AssociationReport;
import org.beaconpacs.archive.storage.InstanceStored;
import org.beaconpacs.archive.storage.StoreContext;

/**
 * DICOM Instances Transferred (A.5.3.4, action C) for what is stored: one message per association (or STOW-RS
 * request, or print session) and not one per object, as the standard intends, with each study and its SOP
 * classes counted. An association's objects are counted as they arrive and the message made when it ends;
 * those that came another way are gathered for {@link #QUIET_MILLIS}. C-STOREs that failed make a second
 * message of their own, with a minor failure.
 */
@ApplicationScoped
public class StoreAudit {

    static final long QUIET_MILLIS = 2_000;

    private final Map<Object, Transfer> open = new ConcurrentHashMap<>();

    @EJB
    private AuditTrail trail;
    @Resource
    private ManagedScheduledExecutorService executor;

    void stored(@Observes InstanceStored e) {
        StoreContext ctx = e.context();
        if (ctx.source() == StoreContext.Source.RECOVERY) {
            return; // indexed again, not transferred
        }
        Object key = ctx.association() != null ? ctx.association() : ctx;
        Transfer t = open.computeIfAbsent(key, k -> {
            Transfer created = new Transfer(ctx);
            if (ctx.association() == null) {
                later(k);
            }
            return created;
        });
        t.add(e.studyUid(), e.sopClassUid());
    }

    void ended(@Observes AssociationEnded ended) {
        AssociationReport report = ended.report();
        AssociationInfo a = report.association();
        if (a == null || a.callingAeTitle() == null) {
            return; // never established (a refused TLS handshake): nothing transferred, the refusal audited apart
        }
        Transfer t = open.remove(a.serial());
        Participant source = AuditMessages.ae(a.callingAeTitle(), a.peerHost(), true, AuditCodes.SOURCE);
        if (t != null) {
            Map<String, Map<String, Integer>> studies = t.studies();
            trail.record(facts -> AuditMessages.instancesTransferred(Action.C, t.first, Outcome.SUCCESS, null,
                    source, AuditMessages.archive(false, AuditCodes.DESTINATION), List.of(),
                    facts.studiesAndPatients(studies, AuditMessages.ORIGINATION)));
        }
        Map<String, Integer> failed = report.failures().entrySet().stream()
                .filter(f -> f.getKey().startsWith("C-STORE"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, Integer::sum, LinkedHashMap::new));
        if (!failed.isEmpty()) {
            String problem = "C-STORE failed: " + failed.entrySet().stream()
                    .map(f -> f.getValue() + " × " + f.getKey().substring(f.getKey().indexOf(' ') + 1))
                    .collect(Collectors.joining(", "));
            Instant end = report.end() != null ? report.end() : Instant.now();
            trail.record(facts -> AuditMessages.instancesTransferred(Action.C, end, Outcome.MINOR_FAILURE, problem,
                    source, AuditMessages.archive(false, AuditCodes.DESTINATION), List.of(), List.of()));
        }
    }

    private void later(Object key) {
        try {
            executor.schedule(() -> flush(key), QUIET_MILLIS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            flush(key);
        }
    }

    private void flush(Object key) {
        Transfer t = open.remove(key);
        if (t == null) {
            return;
        }
        StoreContext ctx = t.context;
        Participant source = ctx.source() == StoreContext.Source.PRINT
                ? AuditMessages.ae(ctx.sender() == null ? "unknown" : ctx.sender(), null, true, AuditCodes.SOURCE)
                : AuditMessages.user(ctx.sender() == null ? "anonymous" : ctx.sender(), null, true, AuditCodes.SOURCE);
        Map<String, Map<String, Integer>> studies = t.studies();
        trail.record(facts -> AuditMessages.instancesTransferred(Action.C, t.first, Outcome.SUCCESS, null, source,
                AuditMessages.archive(false, AuditCodes.DESTINATION), List.of(),
                facts.studiesAndPatients(studies, AuditMessages.ORIGINATION)));
    }

    /** The objects of one transfer so far, per study and SOP class. */
    private static final class Transfer {
        final StoreContext context;
        final Instant first = Instant.now();
        private final Map<String, Map<String, Integer>> studies = new LinkedHashMap<>();

        Transfer(StoreContext context) {
            this.context = context;
        }

        synchronized void add(String study, String sopClass) {
            studies.computeIfAbsent(study, k -> new LinkedHashMap<>()).merge(sopClass, 1, Integer::sum);
        }

        synchronized Map<String, Map<String, Integer>> studies() {
            Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
            studies.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return copy;
        }
    }
}
