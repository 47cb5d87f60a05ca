package org.beaconpacs.dicom.net.association;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.pdu.AAssociateAC;
import org.beaconpacs.dicom.net.pdu.AAssociateRJ;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.pdu.RoleSelection;
import org.junit.jupiter.api.Test;

class NegotiationTest {

    static AcceptorPolicy.Builder base() {
        return AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.Verification, UID.ImplicitVRLittleEndian)
                .accept(UID.CTImageStorage, UID.ImplicitVRLittleEndian, UID.ExplicitVRLittleEndian, UID.JPEGLosslessSV1,
                        UID.JPEG2000Lossless)
                .accept(UID.StudyRootQueryRetrieveInformationModelGet, UID.ImplicitVRLittleEndian);
    }

    static AAssociateRQ rq(String called, String calling) {
        AAssociateRQ rq = new AAssociateRQ();
        rq.setCalledAeTitle(called);
        rq.setCallingAeTitle(calling);
        return rq;
    }

    private static AAssociateRJ rejection(AcceptorPolicy policy, AAssociateRQ rq) {
        return assertThrows(AssociationException.class, () -> policy.negotiate(rq)).rejection();
    }

    @Test
    void rejectsWithTheResultSourceAndReasonOfEachCase() {
        AAssociateRQ unknownCalled = rq("SOMEONE", "CT01");
        assertEquals(AAssociateRJ.calledAeTitleNotRecognized(), rejection(base().build(), unknownCalled));

        AAssociateRQ unknownCalling = rq("BEACON", "INTRUDER");
        assertEquals(AAssociateRJ.callingAeTitleNotRecognized(),
                rejection(base().callingAeTitles(Set.of("CT01")).build(), unknownCalling));

        AAssociateRQ oldProtocol = rq("BEACON", "CT01");
        oldProtocol.setProtocolVersion(2);
        assertEquals(AAssociateRJ.protocolVersionNotSupported(), rejection(base().build(), oldProtocol));

        AAssociateRQ otherContext = rq("BEACON", "CT01");
        otherContext.setApplicationContext("1.2.3.4");
        assertEquals(AAssociateRJ.applicationContextNotSupported(), rejection(base().build(), otherContext));

        AAssociateRJ full = rejection(base().maxAssociations(2, () -> 3).build(), rq("BEACON", "CT01"));
        assertEquals(AAssociateRJ.RESULT_TRANSIENT, full.result());
        assertEquals(AAssociateRJ.SOURCE_SERVICE_PROVIDER_PRESENTATION, full.source());
        assertEquals(AAssociateRJ.REASON_LOCAL_LIMIT_EXCEEDED, full.reason());
    }

    @Test
    void answersEachPresentationContextOnItsOwn() throws AssociationException {
        AAssociateRQ rq = rq("BEACON", "CT01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(3, UID.MRImageStorage, UID.ImplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(5, UID.CTImageStorage, UID.ExplicitVRBigEndian));
        rq.addPresentationContext(PresentationContext.rq(7, UID.CTImageStorage, UID.ImplicitVRLittleEndian,
                UID.JPEGLosslessSV1, UID.ExplicitVRLittleEndian));
        AAssociateAC ac = base().build().negotiate(rq);
        assertTrue(ac.presentationContext(1).isAccepted());
        assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(3).result());
        assertEquals(PresentationContext.TRANSFER_SYNTAXES_NOT_SUPPORTED, ac.presentationContext(5).result());
        assertEquals(UID.JPEGLosslessSV1, ac.presentationContext(7).transferSyntax(), "sender's compressed kept");
        AAssociateAC explicit = base().transferSyntaxPreference(
                AcceptorPolicy.TransferSyntaxPreference.EXPLICIT_LITTLE_ENDIAN).build().negotiate(rq);
        assertEquals(UID.ExplicitVRLittleEndian, explicit.presentationContext(7).transferSyntax());
    }

    @Test
    void answersExtendedNegotiationWithTheOptionsBothSidesWant() throws AssociationException {
        AAssociateRQ rq = rq("BEACON", "WS01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelFind,
                UID.ImplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(3, UID.PatientRootQueryRetrieveInformationModelFind,
                UID.ImplicitVRLittleEndian));
        // relational and fuzzy asked for, combined date-time not; timezone asked for
        rq.addExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 0, 1, 1});
        rq.addExtendedNegotiation(UID.PatientRootQueryRetrieveInformationModelFind, new byte[] {1});
        AAssociateAC ac = base().accept(UID.StudyRootQueryRetrieveInformationModelFind, UID.ImplicitVRLittleEndian)
                .accept(UID.PatientRootQueryRetrieveInformationModelFind, UID.ImplicitVRLittleEndian)
                .extendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, (byte) 1, (byte) 1)
                .build().negotiate(rq);
        assertArrayEquals(new byte[] {1, 0, 0, 0},
                ac.extendedNegotiations().get(UID.StudyRootQueryRetrieveInformationModelFind),
                "relational granted; combined not asked; fuzzy and timezone not supported");
        assertFalse(ac.extendedNegotiations().containsKey(UID.PatientRootQueryRetrieveInformationModelFind),
                "no options for a class the acceptor declares none for");
    }

    @Test
    void aCalledAeThatStoresOnlySomeClassesRefusesTheOthers() throws AssociationException {
        AcceptorPolicy policy = base().calledAeTitles("BEACON", "CTONLY").accept(UID.MRImageStorage, "*")
                .refuse("CTONLY", java.util.Set.of(UID.MRImageStorage)).build();
        AAssociateRQ toCtOnly = rq("CTONLY", "MR01");
        toCtOnly.addPresentationContext(PresentationContext.rq(1, UID.MRImageStorage, UID.ExplicitVRLittleEndian));
        toCtOnly.addPresentationContext(PresentationContext.rq(3, UID.CTImageStorage, UID.ExplicitVRLittleEndian));
        AAssociateAC ac = policy.negotiate(toCtOnly);
        assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(1).result());
        assertTrue(ac.presentationContext(3).isAccepted());
        AAssociateRQ toBeacon = rq("BEACON", "MR01");
        toBeacon.addPresentationContext(PresentationContext.rq(1, UID.MRImageStorage, UID.ExplicitVRLittleEndian));
        assertTrue(policy.negotiate(toBeacon).presentationContext(1).isAccepted(), "the other AE on the port stores MR");
    }

    @Test
    void aCallingAeRefusedAServiceIsOfferedNoneOfItsContexts() throws AssociationException {
        AcceptorPolicy policy = base().accept(UID.BasicGrayscalePrintManagementMeta, UID.ImplicitVRLittleEndian)
                .refuseFromCaller("CR01", Set.of(UID.BasicGrayscalePrintManagementMeta)).build();
        AAssociateRQ fromCr = rq("BEACON", "CR01");
        fromCr.addPresentationContext(PresentationContext.rq(1, UID.BasicGrayscalePrintManagementMeta,
                UID.ImplicitVRLittleEndian));
        fromCr.addPresentationContext(PresentationContext.rq(3, UID.Verification, UID.ImplicitVRLittleEndian));
        AAssociateAC ac = policy.negotiate(fromCr);
        assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, ac.presentationContext(1).result());
        assertTrue(ac.presentationContext(3).isAccepted(), "its other services stay");
        AAssociateRQ fromWs = rq("BEACON", "WS01");
        fromWs.addPresentationContext(PresentationContext.rq(1, UID.BasicGrayscalePrintManagementMeta,
                UID.ImplicitVRLittleEndian));
        assertTrue(policy.negotiate(fromWs).presentationContext(1).isAccepted(), "another caller may print");
    }

    @Test
    void anUnavailableAcceptorRejectsTransientlySoThatTheRequestorTriesAgain() {
        AAssociateRQ rq = rq("BEACON", "CT01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        AAssociateRJ rj = rejection(base().unavailable().build(), rq);
        assertEquals(AAssociateRJ.RESULT_TRANSIENT, rj.result());
        assertEquals(AAssociateRJ.localLimitExceeded(), rj);
    }

    @Test
    void anAssociationWithNoAcceptableContextIsStillAcceptedWithEveryContextRejected()
            throws AssociationException {
        // PS3.8 9.3.3: the AC carries a result per context; the requestor sees that nothing was accepted
        AAssociateRQ rq = rq("BEACON", "CT01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.MRImageStorage, UID.ImplicitVRLittleEndian));
        AAssociateAC ac = base().build().negotiate(rq);
        assertFalse(ac.presentationContext(1).isAccepted());
    }

    @Test
    void answersRoleSelectionPerSopClassAndTheAsyncWindow() throws AssociationException {
        AAssociateRQ rq = rq("BEACON", "WS01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.StudyRootQueryRetrieveInformationModelGet,
                UID.ImplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(3, UID.CTImageStorage, UID.ImplicitVRLittleEndian));
        rq.addRoleSelection(new RoleSelection(UID.CTImageStorage, false, true));
        rq.addRoleSelection(new RoleSelection(UID.MRImageStorage, false, true));
        rq.setAsyncOperationsWindow(16, 1);
        AAssociateAC refused = base().build().negotiate(rq);
        assertFalse(refused.roleSelection(UID.CTImageStorage).scp(), "SCP role not allowed by default");
        AAssociateAC ac = base().allowRequestorScpRole(UID.CTImageStorage).maxOperationsPerformed(8).build()
                .negotiate(rq);
        assertTrue(ac.roleSelection(UID.CTImageStorage).scp(), "requestor may receive C-GET C-STOREs");
        assertEquals(null, ac.roleSelection(UID.MRImageStorage), "no answer for a SOP class we do not know");
        assertEquals(8, ac.maxOperationsInvoked());
        assertEquals(1, ac.maxOperationsPerformed());
    }
}
