package org.beaconpacs.archive.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.TransferSyntax;

/**
 * A Part 10 file arriving as a stream (a STOW-RS part): its preamble, "DICM" and File Meta Information
 * read and checked with care, so that the data set after it can go to the store as a stream. A file
 * without "DICM", one that ends after it, a meta group whose length runs past the end, a meta group without
 * the SOP Class, SOP Instance or Transfer Syntax UID, an unknown transfer syntax: each refused with its
 * reason, before anything is stored.
 */
record Part10Input(String sopClass, String sopInstance, String transferSyntax, InputStream dataset) {

    /** Why a part is not a Part 10 file the archive can store. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    static Part10Input read(InputStream part) throws IOException, Refused {
        DataInputStream in = new DataInputStream(part);
        byte[] head = new byte[132];
        int n = in.readNBytes(head, 0, head.length);
        if (n < 132 || head[128] != 'D' || head[129] != 'I' || head[130] != 'C' || head[131] != 'M') {
            throw new Refused("not a DICOM Part 10 file: no 128-byte preamble and \"DICM\"");
        }
        byte[] lengthElement = new byte[12];
        if (in.readNBytes(lengthElement, 0, 12) < 12) {
            throw new Refused("the file ends right after \"DICM\": no File Meta Information");
        }
        int tag = (lengthElement[2] & 0xFF) | (lengthElement[3] & 0xFF) << 8 | (lengthElement[0] & 0xFF) << 16
                | (lengthElement[1] & 0xFF) << 24;
        if (tag != Tag.FileMetaInformationGroupLength || lengthElement[4] != 'U' || lengthElement[5] != 'L') {
            throw new Refused("the File Meta Information does not begin with its Group Length (0002,0000) UL");
        }
        long groupLength = (lengthElement[8] & 0xFFL) | (lengthElement[9] & 0xFFL) << 8
                | (lengthElement[10] & 0xFFL) << 16 | (lengthElement[11] & 0xFFL) << 24;
        if (groupLength > 64 * 1024) {
            throw new Refused("a File Meta Information Group Length of " + groupLength + " bytes");
        }
        byte[] meta = new byte[(int) groupLength];
        if (in.readNBytes(meta, 0, meta.length) < meta.length) {
            throw new Refused("the File Meta Information Group Length (" + groupLength
                    + ") points past the end of the file");
        }
        Attributes fmi;
        try (DicomReader reader = new DicomReader(new ByteArrayInputStream(meta))) {
            fmi = reader.readDataset(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (EOFException e) {
            throw new Refused("the File Meta Information is cut short");
        } catch (IOException e) {
            throw new Refused("the File Meta Information cannot be read: " + e.getMessage());
        }
        String sopClass = fmi.getString(Tag.MediaStorageSOPClassUID);
        String sopInstance = fmi.getString(Tag.MediaStorageSOPInstanceUID);
        String ts = fmi.getString(Tag.TransferSyntaxUID);
        if (sopClass == null || sopInstance == null || ts == null) {
            throw new Refused("the File Meta Information lacks the Media Storage SOP Class or Instance UID or the "
                    + "Transfer Syntax UID");
        }
        ts = ts.strip();
        if (!TransferSyntax.isRegistered(ts)) {
            throw new Refused("unknown transfer syntax " + ts);
        }
        in.mark(1);
        return new Part10Input(sopClass.strip(), sopInstance.strip(), ts, in);
    }
}
