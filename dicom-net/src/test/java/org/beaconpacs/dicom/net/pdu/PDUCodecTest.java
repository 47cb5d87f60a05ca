package org.beaconpacs.dicom.net.pdu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.api.Test;

class PDUCodecTest {

    static AAssociateRQ fullRQ() {
        AAssociateRQ rq = new AAssociateRQ();
        rq.setCalledAeTitle("BEACON");
        rq.setCallingAeTitle("CT01");
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
        rq.addPresentationContext(PresentationContext.rq(3, UID.CTImageStorage, UID.JPEGLossless,
                UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian));
        rq.setMaxPduLength(16_384);
        rq.setImplementationClassUid("1.2.3.4.5");
        rq.setImplementationVersionName("TEST_1");
        rq.setAsyncOperationsWindow(4, 1);
        rq.addRoleSelection(new RoleSelection(UID.CTImageStorage, false, true));
        rq.addExtendedNegotiation(UID.StudyRootQueryRetrieveInformationModelFind, new byte[] {1, 1, 0});
        rq.addCommonExtendedNegotiation(new CommonExtendedNegotiation(UID.CTImageStorage,
                "1.2.840.10008.4.2", List.of(UID.EnhancedCTImageStorage)));
        rq.setUserIdentity(UserIdentity.username("alice", "secret", true));
        return rq;
    }

    static byte[] body(byte[] pdu) {
        return Arrays.copyOfRange(pdu, 6, pdu.length);
    }

    @Test
    void associateRequestWithEverySubItemRoundTrips() throws IOException {
        byte[] pdu = PDUEncoder.encode(fullRQ());
        PDUReader reader = new PDUReader(new ByteArrayInputStream(pdu), 16_384);
        assertEquals(PDUType.A_ASSOCIATE_RQ, reader.next());
        AAssociateRQ rq = PDUDecoder.decodeAssociateRQ(reader.body());
        assertEquals("BEACON", rq.calledAeTitle());
        assertEquals("CT01", rq.callingAeTitle());
        assertEquals(AAssociateRQAC.DICOM_APPLICATION_CONTEXT, rq.applicationContext());
        assertEquals(List.of(UID.JPEGLossless, UID.ExplicitVRLittleEndian, UID.ImplicitVRLittleEndian),
                rq.presentationContext(3).transferSyntaxes());
        assertEquals(UID.Verification, rq.presentationContext(1).abstractSyntax());
        assertEquals(16_384, rq.maxPduLength());
        assertEquals("1.2.3.4.5", rq.implementationClassUid());
        assertEquals("TEST_1", rq.implementationVersionName());
        assertEquals(4, rq.maxOperationsInvoked());
        assertEquals(1, rq.maxOperationsPerformed());
        assertEquals(new RoleSelection(UID.CTImageStorage, false, true), rq.roleSelection(UID.CTImageStorage));
        assertArrayEquals(new byte[] {1, 1, 0},
                rq.extendedNegotiations().get(UID.StudyRootQueryRetrieveInformationModelFind));
        assertEquals(List.of(UID.EnhancedCTImageStorage),
                rq.commonExtendedNegotiations().iterator().next().relatedGeneralSopClasses());
        assertEquals("alice", rq.userIdentity().primaryFieldAsString());
        assertEquals(UserIdentity.USERNAME_AND_PASSCODE, rq.userIdentity().type());
        assertArrayEquals(pdu, PDUEncoder.encode(rq), "re-encoding gives the same bytes");
        assertTrue(!rq.userIdentity().toString().contains("secret"), "passcodes never reach a log");
    }

    @Test
    void associateAcceptRoundTrips() throws IOException {
        AAssociateAC ac = new AAssociateAC();
        ac.setCalledAeTitle("BEACON");
        ac.setCallingAeTitle("CT01");
        ac.addPresentationContext(PresentationContext.ac(1, PresentationContext.ACCEPTANCE, UID.ImplicitVRLittleEndian));
        ac.addPresentationContext(PresentationContext.ac(3, PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, null));
        ac.setMaxPduLength(0);
        ac.setImplementationClassUid("1.2.3");
        ac.setUserIdentityServerResponse(new byte[] {9, 8});
        AAssociateAC back = PDUDecoder.decodeAssociateAC(body(PDUEncoder.encode(ac)));
        assertTrue(back.presentationContext(1).isAccepted());
        assertEquals(UID.ImplicitVRLittleEndian, back.presentationContext(1).transferSyntax());
        assertEquals(PresentationContext.ABSTRACT_SYNTAX_NOT_SUPPORTED, back.presentationContext(3).result());
        assertNull(back.presentationContext(3).transferSyntax());
        assertEquals(0, back.maxPduLength());
        assertArrayEquals(new byte[] {9, 8}, back.userIdentityServerResponse());
    }

    @Test
    void rejectAbortAndReleaseAreFourByteBodies() throws IOException {
        AAssociateRJ rj = AAssociateRJ.calledAeTitleNotRecognized();
        assertEquals(rj, PDUDecoder.decodeAssociateRJ(body(PDUEncoder.encode(rj))));
        assertEquals("A-ASSOCIATE-RJ rejected-permanent: called AE title not recognized", rj.toString());
        assertEquals("local limit exceeded", AAssociateRJ.localLimitExceeded().reasonText());
        AAbort abort = AAbort.byProvider(AAbort.REASON_UNEXPECTED_PDU);
        assertEquals(abort, PDUDecoder.decodeAbort(body(PDUEncoder.encode(abort))));
        PDUReader reader = new PDUReader(new ByteArrayInputStream(PDUEncoder.releaseRQ()), 0);
        assertEquals(PDUType.A_RELEASE_RQ, reader.next());
        assertEquals(4, reader.body().length);
    }

    @Test
    void unknownItemsAreSkipped() throws IOException {
        byte[] pdu = PDUEncoder.encode(fullRQ());
        byte[] unknown = {(byte) 0x99, 0, 0, 3, 1, 2, 3};
        byte[] body = body(pdu);
        byte[] withUnknown = new byte[body.length + unknown.length];
        System.arraycopy(body, 0, withUnknown, 0, 68);
        System.arraycopy(unknown, 0, withUnknown, 68, unknown.length);
        System.arraycopy(body, 68, withUnknown, 68 + unknown.length, body.length - 68);
        AAssociateRQ rq = PDUDecoder.decodeAssociateRQ(withUnknown);
        assertEquals(2, rq.presentationContexts().size());
    }

    @Test
    void lengthsThatOverrunTheirItemAreRefused() {
        byte[] body = body(PDUEncoder.encode(fullRQ()));
        body[68 + 3] = (byte) 0xFF; // application context item claims 255 bytes
        body[68 + 2] = (byte) 0xFF;
        ProtocolException e = assertThrows(ProtocolException.class, () -> PDUDecoder.decodeAssociateRQ(body));
        assertEquals(AAbort.REASON_INVALID_PDU_PARAMETER_VALUE, e.abortReason());
    }

    @Test
    void theReaderRefusesUnknownTypesWrongLengthsAndOversizePData() {
        ProtocolException unknown = assertThrows(ProtocolException.class,
                () -> new PDUReader(new ByteArrayInputStream(new byte[] {0x0A, 0, 0, 0, 0, 0}), 0).next());
        assertEquals(AAbort.REASON_UNRECOGNIZED_PDU, unknown.abortReason());
        assertThrows(ProtocolException.class,
                () -> new PDUReader(new ByteArrayInputStream(new byte[] {0x05, 0, 0, 0, 0, 8}), 0).next());
        assertThrows(ProtocolException.class, () -> new PDUReader(new ByteArrayInputStream(
                new byte[] {0x01, 0, 0x7F, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF}), 0).next());
        assertThrows(ProtocolException.class, () -> new PDUReader(new ByteArrayInputStream(
                new byte[] {0x04, 0, 0, 1, 0, 0}), 4096).next());
        assertThrows(EOFException.class, () -> new PDUReader(new ByteArrayInputStream(new byte[0]), 0).next());
        assertThrows(ProtocolException.class,
                () -> new PDUReader(new ByteArrayInputStream(new byte[] {0x05, 0, 0}), 0).next());
    }

    @Test
    void pdvHeadersAreCheckedAgainstTheirPdu() throws IOException {
        byte[] pdata = {0x04, 0, 0, 0, 0, 10, 0, 0, 0, 6, 1, 3, 'a', 'b', 'c', 'd'};
        PDUReader reader = new PDUReader(new ByteArrayInputStream(pdata), 16_384);
        assertEquals(PDUType.P_DATA_TF, reader.next());
        assertEquals(4, reader.nextPdv());
        assertEquals(1, reader.pdvContextId());
        assertEquals(3, reader.pdvControlHeader());
        assertArrayEquals(new byte[] {'a', 'b', 'c', 'd'}, reader.stream().readNBytes(4));
        assertTrue(!reader.hasMorePdvs());

        byte[] overrun = {0x04, 0, 0, 0, 0, 10, 0, 0, 0, 7, 1, 3, 'a', 'b', 'c', 'd'};
        PDUReader bad = new PDUReader(new ByteArrayInputStream(overrun), 16_384);
        bad.next();
        assertThrows(ProtocolException.class, bad::nextPdv);
    }

    @Test
    void aeTitlesFollowTheRulesOfVrAe() {
        assertNull(AeTitles.problem("STORESCP"));
        assertNull(AeTitles.problem(" PADDED "));
        assertEquals("AE title longer than 16 characters", AeTitles.problem("ABCDEFGHIJKLMNOPQ"));
        assertEquals("AE title contains a backslash", AeTitles.problem("A\\B"));
        assertEquals("AE title is empty", AeTitles.problem("   "));
        assertThrows(IllegalArgumentException.class, () -> new AAssociateRQ().setCalledAeTitle("Ä"));
    }
}
