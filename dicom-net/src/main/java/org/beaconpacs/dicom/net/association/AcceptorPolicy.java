package org.beaconpacs.dicom.net.association;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.pdu.AAssociateAC;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQAC;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;

/**
 * The acceptor's negotiation (PS3.8 9.3.3, PS3.7 D.3.3): who may associate, which presentation
 * contexts are accepted with which transfer syntax, which roles, and the limits offered. Immutable
 * once built; the resource adapter swaps in a new one when the configuration changes.
 */
public final class AcceptorPolicy {

    /** How the acceptor picks one of the transfer syntaxes a context proposes. */
    public enum TransferSyntaxPreference {
        /** Explicit VR Little Endian, then Implicit, then the first other acceptable one proposed. */
        EXPLICIT_LITTLE_ENDIAN,
        /** The first compressed (encapsulated) syntax proposed, stored as received; else as EXPLICIT_LITTLE_ENDIAN. */
        SENDERS_COMPRESSED
    }

    private final Set<String> calledAeTitles;
    private final Set<String> callingAeTitles;
    private final Map<String, Set<String>> transferSyntaxes;
    private final Set<String> scpRoleSopClasses;
    private final Map<String, byte[]> extendedNegotiation;
    private final Map<String, Set<String>> refusedByCalledAe;
    private final Map<String, Set<String>> refusedByCallingAe;
    private final boolean unavailable;
    private final TransferSyntaxPreference preference;
    private final long maxPduLength;
    private final int maxOperationsPerformed;
    private final int maxAssociations;
    private final IntSupplier openAssociations;

    private AcceptorPolicy(Builder b) {
        this.calledAeTitles = Set.copyOf(b.calledAeTitles);
        this.callingAeTitles = b.callingAeTitles == null ? null : Set.copyOf(b.callingAeTitles);
        this.transferSyntaxes = immutable(b.transferSyntaxes);
        this.scpRoleSopClasses = Set.copyOf(b.scpRoleSopClasses);
        Map<String, byte[]> en = new LinkedHashMap<>();
        b.extendedNegotiation.forEach((k, v) -> en.put(k, v.clone()));
        this.extendedNegotiation = Map.copyOf(en);
        this.refusedByCalledAe = immutable(b.refusedByCalledAe);
        this.refusedByCallingAe = immutable(b.refusedByCallingAe);
        this.unavailable = b.unavailable;
        this.preference = b.preference;
        this.maxPduLength = b.maxPduLength;
        this.maxOperationsPerformed = b.maxOperationsPerformed;
        this.maxAssociations = b.maxAssociations;
        this.openAssociations = b.openAssociations;
    }

    private static Map<String, Set<String>> immutable(Map<String, Set<String>> map) {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, Set.copyOf(v)));
        return Map.copyOf(copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    public long maxPduLength() {
        return maxPduLength;
    }

    /**
     * Answers an A-ASSOCIATE-RQ: the A-ASSOCIATE-AC to send, or an {@link AssociationException} carrying
     * the A-ASSOCIATE-RJ with the right result, source and reason.
     */
    public AAssociateAC negotiate(AAssociateRQ rq) throws AssociationException {
        if ((rq.protocolVersion() & 1) == 0) {
            throw AssociationException.rejected(AAssociateRJ.protocolVersionNotSupported());
        }
        if (!AAssociateRQAC.DICOM_APPLICATION_CONTEXT.equals(rq.applicationContext())) {
            throw AssociationException.rejected(AAssociateRJ.applicationContextNotSupported());
        }
        if (!calledAeTitles.isEmpty() && !calledAeTitles.contains(rq.calledAeTitle())) {
            throw AssociationException.rejected(AAssociateRJ.calledAeTitleNotRecognized());
        }
        if (callingAeTitles != null && !callingAeTitles.contains(rq.callingAeTitle())) {
            throw AssociationException.rejected(AAssociateRJ.callingAeTitleNotRecognized());
        }
        if (unavailable || maxAssociations > 0 && openAssociations.getAsInt() > maxAssociations) {
            throw AssociationException.rejected(AAssociateRJ.localLimitExceeded());
        }
        AAssociateAC ac = new AAssociateAC();
        ac.setCalledAeTitle(rq.calledAeTitle());
        ac.setCallingAeTitle(rq.callingAeTitle());
        ac.setMaxPduLength(maxPduLength);
        ac.setImplementationClassUid(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        ac.setImplementationVersionName(FileMetaInformation.IMPLEMENTATION_VERSION_NAME);
        if (rq.hasAsyncOperationsWindow()) {
            // we invoke none ourselves; we perform as many as allowed, in order
            int performed = maxOperationsPerformed == 0 ? rq.maxOperationsInvoked()
                    : rq.maxOperationsInvoked() == 0 ? maxOperationsPerformed
                    : Math.min(rq.maxOperationsInvoked(), maxOperationsPerformed);
            ac.setAsyncOperationsWindow(performed, 1);
        }
        Set<String> refused = refusedByCalledAe.getOrDefault(rq.calledAeTitle(), Set.of());
        Set<String> refusedCaller = refusedByCallingAe.getOrDefault(rq.callingAeTitle(), Set.of());
        for (PresentationContext pc : rq.presentationContexts()) {
            boolean refuse = refused.contains(pc.abstractSyntax()) || refusedCaller.contains(pc.abstractSyntax());
            ac.addPresentationContext(refuse
                    ? PresentationContext.ac(pc.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, null)
                    : answer(pc));
        }
        for (RoleSelection rs : rq.roleSelections()) {
            if (transferSyntaxes.containsKey(rs.sopClass())) {
                // the requestor may always be SCU; it may be SCP (C-GET storage) where we allow it
                ac.addRoleSelection(new RoleSelection(rs.sopClass(), rs.scu(),
                        rs.scp() && scpRoleSopClasses.contains(rs.sopClass())));
            }
        }
        rq.extendedNegotiations().forEach((sopClass, asked) -> {
            byte[] answer = extendedNegotiationAnswer(asked, extendedNegotiation.get(sopClass));
            if (answer != null && transferSyntaxes.containsKey(sopClass)) {
                ac.addExtendedNegotiation(sopClass, answer);
            }
        });
        return ac;
    }

    /**
     * The service-class application information answered (PS3.7 D.3.3.5): each field a flag, 1 where the
     * requestor asked for the option and this acceptor supports it, 0 elsewhere; as long as the request's
     * fields. Null where the acceptor has nothing to say about the SOP class (the sub-item is left out,
     * which the requestor reads as no option agreed).
     */
    static byte[] extendedNegotiationAnswer(byte[] asked, byte[] supported) {
        if (supported == null) {
            return null;
        }
        byte[] answer = new byte[asked.length];
        for (int i = 0; i < asked.length; i++) {
            answer[i] = (byte) (i < supported.length && asked[i] == 1 && supported[i] == 1 ? 1 : 0);
        }
        return answer;
    }

    private PresentationContext answer(PresentationContext pc) {
        Set<String> acceptable = transferSyntaxes.get(pc.abstractSyntax());
        if (acceptable == null) {
            return PresentationContext.ac(pc.id(), PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, null);
        }
        String chosen = choose(pc.transferSyntaxes(), acceptable);
        return chosen == null
                ? PresentationContext.ac(pc.id(), PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, null)
                : PresentationContext.ac(pc.id(), PresentationContext.ACCEPTANCE, chosen);
    }

    private String choose(List<String> proposed, Set<String> acceptable) {
        List<String> candidates = new ArrayList<>();
        for (String ts : proposed) {
            if (acceptable.contains(ts) || acceptable.contains("*")) {
                candidates.add(ts);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (preference == TransferSyntaxPreference.SENDERS_COMPRESSED) {
            for (String ts : candidates) {
                if (TransferSyntax.of(ts).encapsulated()) {
                    return ts;
                }
            }
        }
        for (String preferred : List.of(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid())) {
            if (candidates.contains(preferred)) {
                return preferred;
            }
        }
        return candidates.get(0);
    }

    /** Builds an {@link AcceptorPolicy}. */
    public static final class Builder {
        private final Set<String> calledAeTitles = new LinkedHashSet<>();
        private Set<String> callingAeTitles;
        private final Map<String, Set<String>> transferSyntaxes = new LinkedHashMap<>();
        private final Set<String> scpRoleSopClasses = new LinkedHashSet<>();
        private final Map<String, byte[]> extendedNegotiation = new LinkedHashMap<>();
        private final Map<String, Set<String>> refusedByCalledAe = new LinkedHashMap<>();
        private final Map<String, Set<String>> refusedByCallingAe = new LinkedHashMap<>();
        private boolean unavailable;
        private TransferSyntaxPreference preference = TransferSyntaxPreference.SENDERS_COMPRESSED;
        private long maxPduLength = 116_794; // a multiple of 8 KiB network buffers less headers
        private int maxOperationsPerformed = 1;
        private int maxAssociations;
        private IntSupplier openAssociations = () -> 0;

        /** Called AE titles this acceptor answers to; none means any. */
        public Builder calledAeTitles(String... aeTitles) {
            calledAeTitles.addAll(List.of(aeTitles));
            return this;
        }

        /** Calling AE titles allowed; not calling this method allows any. */
        public Builder callingAeTitles(Set<String> aeTitles) {
            callingAeTitles = new LinkedHashSet<>(aeTitles);
            return this;
        }

        /** Accepts {@code sopClass} with these transfer syntaxes ("*" accepts any proposed). */
        public Builder accept(String sopClass, String... transferSyntaxUids) {
            transferSyntaxes.computeIfAbsent(sopClass, k -> new LinkedHashSet<>()).addAll(List.of(transferSyntaxUids));
            return this;
        }

        /**
         * When {@code calledAeTitle} is called, answers contexts of these abstract syntaxes with "abstract
         * syntax not supported" (one AE on a port may accept fewer SOP classes than another).
         */
        public Builder refuse(String calledAeTitle, Set<String> abstractSyntaxes) {
            refusedByCalledAe.computeIfAbsent(calledAeTitle, k -> new LinkedHashSet<>()).addAll(abstractSyntaxes);
            return this;
        }

        /**
         * When {@code callingAeTitle} calls, answers contexts of these abstract syntaxes with "abstract syntax
         * not supported" (a peer that may not use a service is offered none of its contexts).
         */
        public Builder refuseFromCaller(String callingAeTitle, Set<String> abstractSyntaxes) {
            refusedByCallingAe.computeIfAbsent(callingAeTitle, k -> new LinkedHashSet<>()).addAll(abstractSyntaxes);
            return this;
        }

        /**
         * Rejects every association as "rejected-transient, local limit exceeded" (PS3.8 9.3.4), so that a
         * requestor tries again later: the services behind this acceptor are starting or stopping.
         */
        public Builder unavailable() {
            this.unavailable = true;
            return this;
        }

        /** Lets the requestor take the SCP role for {@code sopClass} (C-GET: it receives the C-STOREs). */
        public Builder allowRequestorScpRole(String sopClass) {
            scpRoleSopClasses.add(sopClass);
            return this;
        }

        /**
         * The options of {@code sopClass}'s service class this acceptor supports, as the flags of its SOP
         * Class Extended Negotiation (e.g. C-FIND, PS3.4 C.5.1.1: relational queries, combined date and time
         * matching, fuzzy semantic matching of person names, timezone adjustment): 1 for supported.
         */
        public Builder extendedNegotiation(String sopClass, byte... supported) {
            extendedNegotiation.put(sopClass, supported.clone());
            return this;
        }

        public Builder transferSyntaxPreference(TransferSyntaxPreference preference) {
            this.preference = preference;
            return this;
        }

        public Builder maxPduLength(long maxPduLength) {
            this.maxPduLength = maxPduLength;
            return this;
        }

        /** Operations performed at once on one association (0: unlimited), offered when asked for. */
        public Builder maxOperationsPerformed(int max) {
            this.maxOperationsPerformed = max;
            return this;
        }

        /** Beyond {@code max} open associations (counted by {@code open}, this one included), reject. */
        public Builder maxAssociations(int max, IntSupplier open) {
            this.maxAssociations = max;
            this.openAssociations = open;
            return this;
        }

        public AcceptorPolicy build() {
            return new AcceptorPolicy(this);
        }
    }
}
