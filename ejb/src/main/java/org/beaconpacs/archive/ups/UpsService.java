package org.beaconpacs.archive.ups;

import jakarta.enterprise.event.Event;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import org.beaconpacs.archive.entity.ups.Workitem;
import org.beaconpacs.archive.entity.worklist.ScheduledStep;
import org.beaconpacs.archive.mpps.ProcedureStepChanged;
import org.beaconpacs.archive.query.Queried;
import org.beaconpacs.archive.worklist.WorklistChanged;
import org.beaconpacs.archive.entity.ups.WorkitemSubscription;
import org.beaconpacs.archive.index.AttributeBlobs;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.json.DicomJsonWriter;
import org.beaconpacs.dicom.uid.UIDs;

/**
 * The Unified Procedure Step service of PS3.4 Annex CC without DIMSE or HTTP: workitems created SCHEDULED,
 * retrieved, updated while they may be, moved through IN PROGRESS to COMPLETED or CANCELED under the
 * Transaction UID rules (Table CC.1.1-2), cancellation requested, searched, and the subscriptions of AEs to
 * one workitem or to all (Global, Filtered Global), whose event reports {@link UpsSubscribers} delivers.
 * The worklist's scheduled steps are workitems too ({@link WorklistUps}): they follow the worklist and
 * MPPS, and a step's status follows its workitem's state changed through UPS-RS.
 */
@Stateless
public class UpsService {

    private static final DicomJsonWriter JSON = new DicomJsonWriter((a, t, v, x) -> null);

    @PersistenceContext(unitName = "beacon")
    private EntityManager em;
    @Inject
    private Event<UpsEvent> events;
    @Inject
    private Event<Queried> queried;

    /** Creates a SCHEDULED workitem ({@code uid} null: its own SOP Instance UID, else a new one); its UID. */
    public String create(Attributes workitem, String uid) {
        Attributes ups = new Attributes(workitem);
        String id = uid != null ? uid : ups.getString(Tag.SOPInstanceUID);
        if (id == null || id.isBlank()) {
            id = UIDs.createUID();
        }
        id = id.strip();
        String state = ups.getString(Tag.ProcedureStepState);
        if (state != null && ProcedureStepState.of(state) != ProcedureStepState.SCHEDULED) {
            throw new UpsRefused(UpsStatus.NOT_SCHEDULED_ON_CREATE, "a workitem is created SCHEDULED, not " + state);
        }
        if (find(id) != null) {
            throw new UpsRefused(UpsStatus.DUPLICATE, "a workitem " + id + " exists");
        }
        ups.remove(Tag.TransactionUID); // the performer's, given when it starts the step (PS3.4 CC.2.5.1.3)
        ups.setString(Tag.SOPClassUID, VR.UI, UID.UnifiedProcedureStepPush);
        ups.setString(Tag.SOPInstanceUID, VR.UI, id);
        ups.setString(Tag.ProcedureStepState, VR.CS, ProcedureStepState.SCHEDULED.code());
        if (!ups.containsValue(Tag.ScheduledProcedureStepPriority)) {
            ups.setString(Tag.ScheduledProcedureStepPriority, VR.CS, "MEDIUM");
        }
        if (!ups.containsValue(Tag.InputReadinessState)) {
            ups.setString(Tag.InputReadinessState, VR.CS, "READY");
        }
        Workitem w = new Workitem(id);
        write(w, ups);
        em.persist(w);
        report(w, ups);
        return id;
    }

    /** The workitem's attributes as a performer or watcher sees them (no Transaction UID, PS3.4 CC.2.7.3). */
    public Attributes get(String uid) {
        Attributes ups = AttributeBlobs.decode(existing(uid).getAttributes());
        ups.remove(Tag.TransactionUID);
        return ups;
    }

    /**
     * Sets attributes of a workitem that may still change (PS3.4 CC.2.6): a SCHEDULED one, or one IN
     * PROGRESS with its Transaction UID. The state and the UIDs are not changed this way.
     */
    public void update(String uid, String transactionUid, Attributes changes) {
        Workitem w = existing(uid);
        ProcedureStepState state = ProcedureStepState.of(w.getState());
        if (state.isFinal()) {
            throw new UpsRefused(UpsStatus.NO_LONGER_UPDATABLE, "the workitem is " + state.code()
                    + " and may no longer be updated");
        }
        if (state == ProcedureStepState.IN_PROGRESS && !w.getTransactionUid().equals(strip(transactionUid))) {
            throw new UpsRefused(UpsStatus.WRONG_TRANSACTION_UID, "an IN PROGRESS workitem is updated with its"
                    + " Transaction UID");
        }
        if (changes.contains(Tag.ProcedureStepState)) {
            throw new UpsRefused(UpsStatus.ONLY_SCHEDULED_BY_CREATE, "the state changes through /state, not by"
                    + " an update");
        }
        Attributes ups = AttributeBlobs.decode(w.getAttributes());
        for (int tag : changes.tags()) {
            if (tag != Tag.SOPInstanceUID && tag != Tag.SOPClassUID && tag != Tag.TransactionUID) {
                ups.setValue(tag, changes.getVR(tag), changes.getValue(tag));
            }
        }
        write(w, ups);
        if (changes.contains(Tag.ProcedureStepProgressInformationSequence)) {
            Attributes info = new Attributes();
            info.setValue(Tag.ProcedureStepProgressInformationSequence, VR.SQ,
                    ups.getValue(Tag.ProcedureStepProgressInformationSequence));
            fire(w, UpsEvent.PROGRESS_REPORT, info, subscribers(w, ups));
        }
    }

    /** Changes the state as Table CC.1.1-2 allows; a warning when it already is in the final state asked. */
    public UpsOutcome changeState(String uid, String requested, String transactionUid) {
        ProcedureStepState to = ProcedureStepState.of(requested);
        if (to == null) {
            throw new IllegalArgumentException("Procedure Step State is IN PROGRESS, COMPLETED or CANCELED, not "
                    + requested);
        }
        Workitem w = existing(uid);
        ProcedureStepState from = ProcedureStepState.of(w.getState());
        String tx = strip(transactionUid);
        if (from == to && to == ProcedureStepState.CANCELED) {
            return new UpsOutcome(UpsStatus.ALREADY_CANCELED, "the workitem is already CANCELED");
        }
        if (from == to && to == ProcedureStepState.COMPLETED) {
            return new UpsOutcome(UpsStatus.ALREADY_COMPLETED, "the workitem is already COMPLETED");
        }
        if (from.isFinal()) {
            throw new UpsRefused(UpsStatus.NO_LONGER_UPDATABLE, "the workitem is " + from.code());
        }
        if (to == ProcedureStepState.SCHEDULED) {
            throw new UpsRefused(UpsStatus.ONLY_SCHEDULED_BY_CREATE, "a workitem is SCHEDULED only when created");
        }
        if (to == ProcedureStepState.IN_PROGRESS) {
            if (from == ProcedureStepState.IN_PROGRESS) {
                throw new UpsRefused(UpsStatus.ALREADY_IN_PROGRESS, "the workitem is already IN PROGRESS");
            }
            if (tx == null || tx.isEmpty()) {
                throw new UpsRefused(UpsStatus.WRONG_TRANSACTION_UID, "starting a workitem needs the performer's"
                        + " Transaction UID");
            }
            w.setTransactionUid(tx);
        } else {
            if (from == ProcedureStepState.SCHEDULED) {
                throw new UpsRefused(UpsStatus.NOT_IN_PROGRESS, "the workitem is not yet IN PROGRESS");
            }
            if (!w.getTransactionUid().equals(tx)) {
                throw new UpsRefused(UpsStatus.WRONG_TRANSACTION_UID, "the Transaction UID is not the one the"
                        + " workitem was started with");
            }
        }
        setState(w, to);
        return UpsOutcome.SUCCESS;
    }

    /**
     * A request to cancel (PS3.4 CC.2.2): a SCHEDULED workitem is canceled at once; for one IN PROGRESS its
     * subscribers (the performer among them) are told; none listening: 0xC312.
     */
    public UpsOutcome requestCancellation(String uid, Attributes request) {
        Workitem w = existing(uid);
        ProcedureStepState state = ProcedureStepState.of(w.getState());
        switch (state) {
            case COMPLETED -> throw new UpsRefused(UpsStatus.CANCEL_ALREADY_COMPLETED, "the workitem is COMPLETED");
            case CANCELED -> {
                return new UpsOutcome(UpsStatus.ALREADY_CANCELED, "the workitem is already CANCELED");
            }
            case SCHEDULED -> {
                Attributes ups = AttributeBlobs.decode(w.getAttributes());
                for (int tag : new int[]{Tag.ReasonForCancellation, Tag.ProcedureStepDiscontinuationReasonCodeSequence}) {
                    if (request != null && request.contains(tag)) {
                        ups.setValue(tag, request.getVR(tag), request.getValue(tag));
                    }
                }
                write(w, ups);
                setState(w, ProcedureStepState.CANCELED);
                return UpsOutcome.SUCCESS;
            }
            default -> {
                Attributes ups = AttributeBlobs.decode(w.getAttributes());
                Set<String> to = subscribers(w, ups);
                if (to.isEmpty()) {
                    throw new UpsRefused(UpsStatus.PERFORMER_NOT_CONTACTED, "no AE subscribed to the workitem can"
                            + " be told of the request");
                }
                Attributes info = new Attributes();
                for (int tag : new int[]{Tag.ReasonForCancellation, Tag.ContactDisplayName, Tag.ContactURI,
                        Tag.ProcedureStepDiscontinuationReasonCodeSequence}) {
                    if (request != null && request.contains(tag)) {
                        info.setValue(tag, request.getVR(tag), request.getValue(tag));
                    }
                }
                fire(w, UpsEvent.CANCEL_REQUESTED, info, to);
                return UpsOutcome.SUCCESS;
            }
        }
    }

    /**
     * Workitems matching {@code keys} (single values, {@code *} and {@code ?} wildcards, lists of UIDs, a
     * range of Scheduled Procedure Step Start DateTime), {@code offset} skipped, at most {@code limit}; the
     * search is published (as a UPS Pull C-FIND would be) for the audit trail.
     *
     * @param requestor the user searching, or null
     * @param requestorHost where from, or null
     */
    public List<Attributes> search(Attributes keys, int offset, int limit, String requestor, String requestorHost) {
        queried.fire(new Queried(requestor, null, UID.UnifiedProcedureStepPull, null, keys, null, requestorHost));
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Workitem> q = cb.createQuery(Workitem.class);
        Root<Workitem> w = q.from(Workitem.class);
        List<Predicate> where = new ArrayList<>();
        String[] uids = keys.getStrings(Tag.SOPInstanceUID);
        if (uids != null && uids.length > 0 && !uids[0].isEmpty()) {
            where.add(w.get("sopInstanceUid").in(Arrays.asList(uids)));
        }
        match(cb, where, w.get("state"), keys.getString(Tag.ProcedureStepState));
        match(cb, where, w.get("priority"), keys.getString(Tag.ScheduledProcedureStepPriority));
        match(cb, where, w.get("label"), keys.getString(Tag.ProcedureStepLabel));
        match(cb, where, w.get("worklistLabel"), keys.getString(Tag.WorklistLabel));
        match(cb, where, w.get("patientId"), keys.getString(Tag.PatientID));
        String start = keys.getString(Tag.ScheduledProcedureStepStartDateTime);
        if (start != null && !start.isEmpty()) {
            int dash = start.indexOf('-');
            if (dash < 0) {
                where.add(cb.like(w.get("startDateTime"), start + "%"));
            } else {
                if (dash > 0) {
                    where.add(cb.greaterThanOrEqualTo(w.get("startDateTime"), start.substring(0, dash)));
                }
                if (dash < start.length() - 1) {
                    // an end without a time takes the whole of its last day
                    where.add(cb.lessThanOrEqualTo(w.get("startDateTime"), start.substring(dash + 1) + "\uffff"));
                }
            }
        }
        q.select(w).where(where.toArray(Predicate[]::new)).orderBy(cb.asc(w.get("startDateTime")), cb.asc(w.get("id")));
        // keys without a column (Study Instance UID, Accession Number...) are matched on the attributes
        Attributes rest = new Attributes(keys);
        for (int tag : new int[]{Tag.SOPInstanceUID, Tag.ProcedureStepState, Tag.ScheduledProcedureStepPriority,
                Tag.ProcedureStepLabel, Tag.WorklistLabel, Tag.PatientID, Tag.ScheduledProcedureStepStartDateTime,
                Tag.SpecificCharacterSet, Tag.QueryRetrieveLevel}) {
            rest.remove(tag);
        }
        boolean filtered = java.util.Arrays.stream(rest.tags()).anyMatch(t -> rest.getVR(t) != VR.SQ
                && !rest.getString(t, "").isEmpty());
        var query = em.createQuery(q);
        if (!filtered) {
            query.setFirstResult(offset).setMaxResults(limit);
        }
        List<Attributes> found = new ArrayList<>();
        int skipped = 0;
        for (Workitem item : query.getResultList()) {
            Attributes ups = AttributeBlobs.decode(item.getAttributes());
            if (filtered && (!matches(rest, ups) || skipped++ < offset)) {
                continue;
            }
            ups.remove(Tag.TransactionUID);
            found.add(ups);
            if (found.size() == limit) {
                break;
            }
        }
        return found;
    }

    /**
     * Subscribes {@code aeTitle} to the workitem {@code uid}, or to all of them (the Global Subscription UID;
     * the Filtered Global one with {@code filter}); a workitem's subscriber is sent its state at once.
     */
    public void subscribe(String aeTitle, String uid, boolean deletionLock, Attributes filter) {
        boolean global = isGlobal(uid);
        Workitem w = global ? null : existing(uid);
        WorkitemSubscription s = subscription(aeTitle, uid);
        if (s == null) {
            em.persist(new WorkitemSubscription(aeTitle, uid, deletionLock, filter == null ? null
                    : AttributeBlobs.encode(filter)));
        } else {
            s.setDeletionLock(deletionLock);
            s.setSuspended(false);
        }
        if (w != null) {
            Attributes ups = AttributeBlobs.decode(w.getAttributes());
            fire(w, UpsEvent.STATE_REPORT, stateInfo(ups), Set.of(aeTitle));
        }
    }

    /** Ends a subscription; unknown ones are no error (PS3.4 CC.2.3.3: the request is idempotent). */
    public void unsubscribe(String aeTitle, String uid) {
        WorkitemSubscription s = subscription(aeTitle, uid);
        if (s != null) {
            em.remove(s);
        }
    }

    /**
     * Suspends a global subscription (PS3.4 CC.2.3.3): the AE keeps the workitems it watches now (each
     * becomes a subscription of its own) and is no longer subscribed to new ones.
     */
    public void suspend(String aeTitle, String globalUid) {
        if (!isGlobal(globalUid)) {
            throw new IllegalArgumentException("only a global subscription is suspended");
        }
        WorkitemSubscription s = subscription(aeTitle, globalUid);
        if (s == null) {
            return;
        }
        for (Workitem w : em.createQuery("select w from Workitem w where w.state in :open", Workitem.class)
                .setParameter("open", List.of(ProcedureStepState.SCHEDULED.code(), ProcedureStepState.IN_PROGRESS
                        .code())).getResultList()) {
            if (subscription(aeTitle, w.getSopInstanceUid()) == null) {
                em.persist(new WorkitemSubscription(aeTitle, w.getSopInstanceUid(), s.isDeletionLock(), null));
            }
        }
        s.setSuspended(true);
    }

    /**
     * The worklist's scheduled steps of an order as workitems: new steps become SCHEDULED workitems, changed
     * ones take the order's attributes, and their states move forward with the steps' statuses (never
     * back); the workitems of steps no longer there are CANCELED.
     */
    public void worklistChanged(@Observes WorklistChanged change) {
        Map<String, Workitem> existing = new HashMap<>();
        for (Workitem w : em.createNamedQuery(Workitem.OF_ORDER, Workitem.class).setParameter("study",
                change.studyUid()).getResultList()) {
            existing.put(w.getStepId(), w);
        }
        for (Attributes mwl : change.steps()) {
            Attributes sps = mwl.getItem(Tag.ScheduledProcedureStepSequence, 0);
            String stepId = sps == null ? null : sps.getString(Tag.ScheduledProcedureStepID);
            if (stepId == null) {
                continue;
            }
            Attributes mapped = WorklistUps.of(mwl, sps);
            ProcedureStepState target = WorklistUps.state(sps.getString(Tag.ScheduledProcedureStepStatus));
            Workitem w = existing.remove(stepId);
            if (w == null) {
                String uid = WorklistUps.uid(change.studyUid(), stepId);
                w = find(uid);
                if (w == null) {
                    create(mapped, uid);
                    w = find(uid);
                }
                w.setStep(change.studyUid(), stepId);
            } else {
                Attributes ups = AttributeBlobs.decode(w.getAttributes());
                for (int tag : mapped.tags()) {
                    ups.setValue(tag, mapped.getVR(tag), mapped.getValue(tag));
                }
                write(w, ups);
            }
            advance(w, target, null);
        }
        for (Workitem gone : existing.values()) {
            advance(gone, ProcedureStepState.CANCELED, null);
        }
    }

    /** A modality's MPPS moves the workitems of the steps it performs (IN PROGRESS, COMPLETED, CANCELED). */
    public void performed(@Observes ProcedureStepChanged change) {
        ProcedureStepState to = switch (change.status()) {
            case IN_PROGRESS -> ProcedureStepState.IN_PROGRESS;
            case COMPLETED -> ProcedureStepState.COMPLETED;
            case DISCONTINUED -> ProcedureStepState.CANCELED;
        };
        for (var ref : change.scheduledSteps()) {
            for (Workitem w : em.createQuery("select w from Workitem w where w.stepStudyUid = :study and w.stepId"
                    + " = :step", Workitem.class).setParameter("study", ref.studyInstanceUid())
                    .setParameter("step", ref.scheduledProcedureStepId()).getResultList()) {
                advance(w, to, change.sopInstanceUid());
            }
        }
    }

    /**
     * The SCP's own state change (PS3.4 CC.2.1.3: it may change a state independently of a request), forward
     * only; an IN PROGRESS workitem started this way has {@code transactionUid} (e.g. the MPPS's UID).
     */
    private void advance(Workitem w, ProcedureStepState to, String transactionUid) {
        ProcedureStepState from = ProcedureStepState.of(w.getState());
        if (from == to || from.isFinal() || to == ProcedureStepState.SCHEDULED) {
            return;
        }
        if (to == ProcedureStepState.IN_PROGRESS || w.getTransactionUid() == null) {
            w.setTransactionUid(transactionUid != null ? transactionUid : UIDs.createUID());
        }
        setState(w, to, false);
    }

    public static boolean isGlobal(String uid) {
        return UID.UPSGlobalSubscriptionInstance.equals(uid) || UID.UPSFilteredGlobalSubscriptionInstance.equals(uid);
    }

    // ---------------------------------------------------------------------------------------------------------

    private void setState(Workitem w, ProcedureStepState to) {
        setState(w, to, true);
    }

    /** Sets the state and reports it; a worklist step's status follows unless the change came from it. */
    private void setState(Workitem w, ProcedureStepState to, boolean toWorklist) {
        if (toWorklist && w.getStepId() != null) {
            ScheduledStep.Status status = WorklistUps.stepStatus(to);
            for (ScheduledStep s : em.createQuery("select s from ScheduledStep s where s.item.studyUid = :study"
                    + " and s.stepId = :step", ScheduledStep.class).setParameter("study", w.getStepStudyUid())
                    .setParameter("step", w.getStepId()).getResultList()) {
                s.setStatus(status);
                Attributes step = AttributeBlobs.decode(s.getAttributes());
                step.setString(Tag.ScheduledProcedureStepStatus, VR.CS, status.name());
                s.setAttributes(AttributeBlobs.encode(step));
            }
        }
        Attributes ups = AttributeBlobs.decode(w.getAttributes());
        ups.setString(Tag.ProcedureStepState, VR.CS, to.code());
        if (to == ProcedureStepState.CANCELED && !ups.containsValue(Tag.ProcedureStepCancellationDateTime)) {
            ups.setDateTime(Tag.ProcedureStepCancellationDateTime, java.time.LocalDateTime.now());
        }
        if (to == ProcedureStepState.IN_PROGRESS) {
            ups.setString(Tag.TransactionUID, VR.UI, w.getTransactionUid());
        }
        write(w, ups);
        report(w, ups);
    }

    private void report(Workitem w, Attributes ups) {
        fire(w, UpsEvent.STATE_REPORT, stateInfo(ups), subscribers(w, ups));
    }

    private static Attributes stateInfo(Attributes ups) {
        Attributes info = new Attributes();
        info.setString(Tag.ProcedureStepState, VR.CS, ups.getString(Tag.ProcedureStepState));
        info.setString(Tag.InputReadinessState, VR.CS, ups.getString(Tag.InputReadinessState, "READY"));
        return info;
    }

    private void fire(Workitem w, int eventType, Attributes info, Set<String> to) {
        if (to.isEmpty()) {
            return;
        }
        Attributes message = new Attributes();
        message.setString(Tag.AffectedSOPClassUID, VR.UI, UID.UnifiedProcedureStepPush);
        message.setString(Tag.AffectedSOPInstanceUID, VR.UI, w.getSopInstanceUid());
        message.setInt(Tag.EventTypeID, VR.US, eventType);
        message.addAll(info);
        events.fire(new UpsEvent(w.getSopInstanceUid(), eventType, Set.copyOf(to), JSON.toJson(message)));
    }

    /** The AEs to tell of {@code w}: its own subscribers and the global ones (filtered: if it matches). */
    private Set<String> subscribers(Workitem w, Attributes ups) {
        Set<String> to = new LinkedHashSet<>();
        for (WorkitemSubscription s : em.createNamedQuery(WorkitemSubscription.FOR_EVENT, WorkitemSubscription.class)
                .setParameter("uids", List.of(w.getSopInstanceUid(), UID.UPSGlobalSubscriptionInstance,
                        UID.UPSFilteredGlobalSubscriptionInstance)).getResultList()) {
            if (s.isSuspended()) {
                continue;
            }
            if (s.getFilter() != null && !matches(AttributeBlobs.decode(s.getFilter()), ups)) {
                continue;
            }
            to.add(s.getAeTitle());
        }
        return to;
    }

    /** A filtered global subscription's keys against a workitem: each key with a value equal, or matched by wildcards. */
    static boolean matches(Attributes filter, Attributes ups) {
        for (int tag : filter.tags()) {
            String wanted = filter.getString(tag);
            if (wanted == null || wanted.isEmpty()) {
                continue;
            }
            String value = ups.getString(tag);
            if (value == null || !value.matches(wildcard(wanted))) {
                return false;
            }
        }
        return true;
    }

    private static String wildcard(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(c)));
        }
        return regex.toString();
    }

    private static void match(CriteriaBuilder cb, List<Predicate> where, jakarta.persistence.criteria.Path<String> column,
                              String value) {
        if (value == null || value.isEmpty() || value.equals("*")) {
            return;
        }
        if (value.indexOf('*') >= 0 || value.indexOf('?') >= 0) {
            String like = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_").replace('*', '%')
                    .replace('?', '_');
            where.add(cb.like(column, like, '\\'));
        } else {
            where.add(cb.equal(column, value));
        }
    }

    private static void write(Workitem w, Attributes ups) {
        w.setState(ups.getString(Tag.ProcedureStepState));
        w.setPriority(ups.getString(Tag.ScheduledProcedureStepPriority));
        w.setStartDateTime(ups.getString(Tag.ScheduledProcedureStepStartDateTime));
        w.setLabel(ups.getString(Tag.ProcedureStepLabel));
        w.setWorklistLabel(ups.getString(Tag.WorklistLabel));
        w.setPatientId(ups.getString(Tag.PatientID));
        w.setAttributes(AttributeBlobs.encode(ups));
    }

    private Workitem existing(String uid) {
        Workitem w = find(uid);
        if (w == null) {
            throw new UpsRefused(UpsStatus.NO_SUCH_UPS, "no workitem " + uid);
        }
        return w;
    }

    private Workitem find(String uid) {
        return em.createNamedQuery(Workitem.BY_UID, Workitem.class).setParameter("uid", uid).getResultStream()
                .findFirst().orElse(null);
    }

    private WorkitemSubscription subscription(String aeTitle, String uid) {
        return em.createNamedQuery(WorkitemSubscription.OF, WorkitemSubscription.class).setParameter("ae", aeTitle)
                .setParameter("uid", uid).getResultStream().findFirst().orElse(null);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
