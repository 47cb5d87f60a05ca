package org.beaconpacs.dicom.net.scp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.net.association.AcceptorPolicy;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.beaconpacs.dicom.net.testing.TestScp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AssociationHandlerTest {

    @TempDir
    Path dir;

    @Test
    void anOversizeIdentifierIsAnsweredWithAFailureAndTheAssociationGoesOn() throws Exception {
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.Verification, UID.ImplicitVRLittleEndian)
                .accept(UID.StudyRootQueryRetrieveInformationModelFind, UID.ExplicitVRLittleEndian).build();
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, dir)) {
            AAssociateRQ rq = DicomClient.request("SCU", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.Verification, UID.ImplicitVRLittleEndian));
            rq.addPresentationContext(PresentationContext.rq(3, UID.StudyRootQueryRetrieveInformationModelFind,
                    UID.ExplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect("127.0.0.1", scp.port(), rq, Timeouts.DEFAULT)) {
                Attributes keys = new Attributes();
                keys.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
                keys.setBytes(Tag.EncapsulatedDocument, VR.OB, new byte[AssociationHandler.MAX_IDENTIFIER + 2]);
                FindResults results = c.find(UID.StudyRootQueryRetrieveInformationModelFind, keys);
                assertFalse(results.hasNext());
                assertEquals(Status.UNABLE_TO_PROCESS, results.finalResponse().status());
                assertEquals(Status.SUCCESS, c.echo(), "the association goes on");
                c.release();
            }
        }
    }

    @Test
    void aRequestNobodyServesGetsUnrecognizedOperation() throws Exception {
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.StorageCommitmentPushModel, UID.ImplicitVRLittleEndian).build();
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, dir)) {
            AAssociateRQ rq = DicomClient.request("SCU", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.StorageCommitmentPushModel,
                    UID.ImplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect("127.0.0.1", scp.port(), rq, Timeouts.DEFAULT)) {
                assertEquals(Status.UNRECOGNIZED_OPERATION, c.nAction(UID.StorageCommitmentPushModel,
                        UID.StorageCommitmentPushModelInstance, 1, new Attributes()).status());
                c.release();
            }
        }
    }
}
