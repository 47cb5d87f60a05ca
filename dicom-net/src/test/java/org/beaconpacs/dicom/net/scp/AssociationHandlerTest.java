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

    /** A destination that accepts only Implicit VR Little Endian gets a converted data set, pixels streamed. */
    @Test
    void aFileIsConvertedWhenThePeerAcceptsOnlyAnotherUncompressedSyntax() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.77");
        ds.setString(Tag.PatientName, VR.PN, "Convert^Me");
        ds.setInt(Tag.Rows, VR.US, 300);
        byte[] pixels = new byte[600_000];
        new java.util.Random(3).nextBytes(pixels);
        ds.setBytes(Tag.PixelData, VR.OW, pixels);
        Path file = dir.resolve("big-endian.dcm");
        try (java.io.OutputStream o = java.nio.file.Files.newOutputStream(file);
             org.beaconpacs.dicom.io.DicomWriter w = new org.beaconpacs.dicom.io.DicomWriter(o)) {
            w.writeFile(org.beaconpacs.dicom.io.FileMetaInformation.of(ds, UID.ExplicitVRBigEndian, "OLD"), ds);
        }
        AcceptorPolicy policy = AcceptorPolicy.builder().calledAeTitles("BEACON")
                .accept(UID.SecondaryCaptureImageStorage, UID.ImplicitVRLittleEndian).build();
        Path out = java.nio.file.Files.createDirectories(dir.resolve("out"));
        try (TestScp scp = new TestScp(policy, Timeouts.DEFAULT, out)) {
            AAssociateRQ rq = DicomClient.request("SCU", "BEACON");
            rq.addPresentationContext(PresentationContext.rq(1, UID.SecondaryCaptureImageStorage,
                    UID.ExplicitVRBigEndian, UID.ImplicitVRLittleEndian));
            try (DicomClient c = DicomClient.connect("127.0.0.1", scp.port(), rq, Timeouts.DEFAULT)) {
                assertEquals(Status.SUCCESS, c.store(file).status());
                c.release();
            }
        }
        org.beaconpacs.dicom.io.DicomFile got = org.beaconpacs.dicom.io.DicomFile.read(out.resolve("1.2.3.77.dcm"));
        assertEquals(UID.ImplicitVRLittleEndian, got.transferSyntax().uid());
        assertEquals(ds, got.dataset());
    }
}
