package org.beaconpacs.archive.commitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.beaconpacs.archive.commitment.InstanceCheck.Decision;
import org.beaconpacs.archive.commitment.InstanceCheck.Stored;
import org.beaconpacs.archive.storage.ObjectReceiver;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.FileMetaInformation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstanceCheckTest {

    private static final String CT = UID.CTImageStorage;

    @TempDir
    Path root;
    private Stored stored;

    @BeforeEach
    void aStoredCt() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, VR.UI, CT);
        ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.3.4");
        ds.setString(Tag.PatientName, VR.PN, "Commit^Me");
        ds.setBytes(Tag.PixelData, VR.OW, new byte[4096]);
        Path file = root.resolve("a/b/1.2.3.4.dcm");
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file); DicomWriter w = new DicomWriter(out)) {
            w.writeFile(FileMetaInformation.of(ds, UID.ExplicitVRLittleEndian, "TEST"), ds);
        }
        stored = new Stored(CT, "a/b/1.2.3.4.dcm", ObjectReceiver.digestOf(file, "SHA-256"), "SHA-256", true);
    }

    @Test
    void aSoundStoredInstanceIsCommitted() {
        assertTrue(InstanceCheck.check(CT, stored, root, CommitmentPolicy.ALL, false).committed());
    }

    @Test
    void anInstanceNotStoredIsWaitedForThenFailsAsNoSuchObjectInstance() {
        assertTrue(InstanceCheck.check(CT, null, root, CommitmentPolicy.ALL, true).pending());
        assertEquals(0x0112, InstanceCheck.check(CT, null, root, CommitmentPolicy.ALL, false).failureReason());
    }

    @Test
    void anotherSopClassThanTheStoredOneIsAClassInstanceConflict() {
        Decision d = InstanceCheck.check(UID.MRImageStorage, stored, root, CommitmentPolicy.ALL, true);
        assertEquals(0x0119, d.failureReason());
        assertTrue(d.why().contains(CT), d.why());
    }

    @Test
    void aMissingFileIsAProcessingFailure() throws Exception {
        Files.delete(root.resolve(stored.path()));
        Decision d = InstanceCheck.check(CT, stored, root, CommitmentPolicy.ALL, true);
        assertEquals(0x0110, d.failureReason());
        assertTrue(d.why().contains("missing"), d.why());
    }

    @Test
    void aFileNotYetOnStableStorageIsWaitedForThenFails() {
        Stored deferred = new Stored(CT, stored.path(), stored.digest(), stored.digestAlgorithm(), false);
        assertTrue(InstanceCheck.check(CT, deferred, root, CommitmentPolicy.ALL, true).pending());
        assertEquals(0x0110, InstanceCheck.check(CT, deferred, root, CommitmentPolicy.ALL, false).failureReason());
        CommitmentPolicy noDurability = new CommitmentPolicy(EnumSet.of(CommitmentPolicy.Check.FILE,
                CommitmentPolicy.Check.DIGEST));
        assertTrue(InstanceCheck.check(CT, deferred, root, noDurability, true).committed());
    }

    @Test
    void aFileChangedAfterReceptionFailsItsDigestUnlessThePolicyLeavesTheDigestOut() throws Exception {
        Path file = root.resolve(stored.path());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1; // a pixel
        Files.write(file, bytes);
        Decision d = InstanceCheck.check(CT, stored, root, CommitmentPolicy.ALL, false);
        assertEquals(0x0110, d.failureReason());
        assertTrue(d.why().contains("changed"), d.why());
        assertTrue(InstanceCheck.check(CT, stored, root, CommitmentPolicy.parse("file,durable"), false).committed());
    }

    @Test
    void thePolicyParsesItsChecksAndRefusesUnknownOnes() {
        assertEquals(CommitmentPolicy.ALL, CommitmentPolicy.parse("Digest, durable,FILE"));
        assertEquals(new CommitmentPolicy(EnumSet.noneOf(CommitmentPolicy.Check.class)), CommitmentPolicy.parse(""));
        assertThrows(IllegalArgumentException.class, () -> CommitmentPolicy.parse("file,checksum"));
    }
}
