package org.beaconpacs.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.data.VR;
import org.junit.jupiter.api.Test;

class DictionaryTest {

    @Test
    void findsElementsByTagAndKeyword() {
        ElementDictionary.Entry e = ElementDictionary.entry(Tag.PatientName);
        assertEquals("PatientName", e.keyword());
        assertEquals(VR.PN, e.vr());
        assertEquals("Patient's Name", e.name());
        assertEquals(0x00100010, ElementDictionary.tagOf("PatientName"));
        assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
        assertTrue(ElementDictionary.size() > 4900, "all of PS3.6: " + ElementDictionary.size());
    }

    @Test
    void knowsRetiredElementsAndAlternativeVrs() {
        assertTrue(ElementDictionary.entry(0x00080040).retired()); // Data Set Type
        ElementDictionary.Entry smallest = ElementDictionary.entry(Tag.SmallestImagePixelValue);
        assertEquals(2, smallest.vrs().length);
        assertEquals(VR.US, smallest.vrs()[0]);
        assertEquals(VR.SS, smallest.vrs()[1]);
    }

    @Test
    void resolvesRepeatingGroupsByMask() {
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x60003000));
        assertEquals("OverlayData", ElementDictionary.keywordOf(0x601E3000));
        assertEquals("OverlayRows", ElementDictionary.keywordOf(0x60020010));
        assertEquals(2, ElementDictionary.entry(0x60043000).vrs().length); // OB or OW
        assertEquals("SourceImageIDs", ElementDictionary.keywordOf(0x00203105));
    }

    @Test
    void givesGroupLengthsPrivateCreatorsAndUnknownsTheirImplicitVr() {
        assertEquals(VR.UL, ElementDictionary.vrOf(0x00090000));
        assertEquals(VR.LO, ElementDictionary.vrOf(0x00090010));
        assertEquals(VR.UN, ElementDictionary.vrOf(0x00091001));
        assertEquals("PrivateCreator", ElementDictionary.keywordOf(0x00290010));
        assertNull(ElementDictionary.entry(0x00091001));
    }

    @Test
    void findsUidsAndListsEveryStorageSopClass() {
        assertEquals("CT Image Storage", UIDDictionary.nameOf(UID.CTImageStorage));
        assertEquals("Transfer Syntax", UIDDictionary.entry(UID.JPEG2000).type());
        assertEquals(UID.MRImageStorage, UIDDictionary.byKeyword("MRImageStorage").uid());
        assertTrue(UIDDictionary.isStorageSopClass(UID.CTImageStorage));
        assertTrue(UIDDictionary.isStorageSopClass(UID.EncapsulatedPDFStorage));
        assertTrue(UIDDictionary.isStorageSopClass(UID.GrayscaleSoftcopyPresentationStateStorage));
        assertTrue(UIDDictionary.isStorageSopClass(UID.KeyObjectSelectionDocumentStorage));
        assertTrue(UIDDictionary.isStorageSopClass(UID.TwelveLeadECGWaveformStorage));
        assertTrue(UIDDictionary.isStorageSopClass(UID.RTPlanStorage));
        assertFalse(UIDDictionary.isStorageSopClass(UID.StorageCommitmentPushModel));
        assertFalse(UIDDictionary.isStorageSopClass(UID.Verification));
        assertFalse(UIDDictionary.isStorageSopClass(UID.MediaStorageDirectoryStorage));
        assertTrue(UIDDictionary.storageSopClasses().size() > 150, "" + UIDDictionary.storageSopClasses().size());
        assertEquals("1.2.3.4", UIDDictionary.nameOf("1.2.3.4"));
    }
}
