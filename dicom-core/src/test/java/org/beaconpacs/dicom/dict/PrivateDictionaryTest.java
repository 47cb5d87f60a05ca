package org.beaconpacs.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.junit.jupiter.api.Test;

class PrivateDictionaryTest {

    @Test
    void knowsTheCommonVendorsElementsInWhicheverBlockTheyLand() {
        assertTrue(PrivateDictionary.size() > 5000);
        assertEquals(VR.SL, PrivateDictionary.vrOf("GEMS_IDEN_01", 0x00091027));
        assertEquals(VR.SL, PrivateDictionary.vrOf("GEMS_IDEN_01", 0x00094027), "block 0x40, same element");
        assertEquals(VR.OB, PrivateDictionary.vrOf("SIEMENS CSA HEADER", 0x00291010), "CSA Image Header Info");
        assertEquals(VR.OW, PrivateDictionary.vrOf("TOSHIBA_MEC_OT3", 0x70191080), "OB/OW: OW, as implicit VR has it");
        assertNull(PrivateDictionary.vrOf("NOBODY'S CREATOR", 0x00091027));
        assertNull(PrivateDictionary.vrOf(null, 0x00091027));
    }

    @Test
    void anImplicitVrDataSetsPrivateElementsAreReadWithTheirVrs() throws Exception {
        Attributes ds = new Attributes();
        ds.setString(Tag.PatientID, VR.LO, "P1");
        ds.setString("GEMS_IDEN_01", 0x00090004, VR.SH, "SIGNA");
        ds.setInt(ds.privateTag("GEMS_IDEN_01", 0x00090027, true), VR.SL, -5);
        Attributes item = new Attributes();
        item.setString(Tag.CodeValue, VR.SH, "X");
        int sequence = ds.privateTag("AGFA-AG_HPState", 0x00710018, true);
        ds.newSequence(sequence).add(item);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DicomWriter w = new DicomWriter(out)) {
            w.writeDataset(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        }
        Attributes back = new DicomReader(new ByteArrayInputStream(out.toByteArray()))
                .readDataset(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        int product = back.privateTag("GEMS_IDEN_01", 0x00090004, false);
        assertEquals(VR.SH, back.getVR(product));
        assertEquals("SIGNA", back.getString(product));
        int date = back.privateTag("GEMS_IDEN_01", 0x00090027, false);
        assertEquals(VR.SL, back.getVR(date));
        assertEquals(-5, back.getInt(date, 0));
        int seq = back.privateTag("AGFA-AG_HPState", 0x00710018, false);
        assertEquals("X", back.getItem(seq, 0).getString(Tag.CodeValue), "a defined-length private sequence");
    }
}
