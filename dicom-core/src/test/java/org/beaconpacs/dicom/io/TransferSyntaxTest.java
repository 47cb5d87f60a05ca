package org.beaconpacs.dicom.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.beaconpacs.dicom.dict.UID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The transfer syntaxes of the current PS3.6 that modalities already send, and how each is encoded. */
class TransferSyntaxTest {

    @ParameterizedTest
    @ValueSource(strings = {UID.HTJ2KLossless, UID.HTJ2KLosslessRPCL, UID.HTJ2K, UID.JPEGXLLossless,
            UID.JPEGXLJPEGRecompression, UID.JPEGXL, UID.DeflatedImageFrameCompression, UID.MPEG2MPMLF,
            UID.MPEG4HP41F, UID.MPEG4HP42STEREOF})
    void compressedSyntaxesOfTheCurrentStandardAreRegisteredWithEncapsulatedPixelData(String uid) {
        assertTrue(TransferSyntax.isRegistered(uid), uid);
        TransferSyntax ts = TransferSyntax.of(uid);
        assertTrue(ts.encapsulated() && ts.explicitVR() && !ts.bigEndian() && !ts.deflated(), ts.toString());
        assertFalse(ts.isNative());
    }

    @ParameterizedTest
    @ValueSource(strings = {UID.SMPTEST211020UncompressedProgressiveActiveVideo,
            UID.SMPTEST211020UncompressedInterlacedActiveVideo, UID.SMPTEST211030PCMDigitalAudio})
    void smpteSt2110SyntaxesAreRegistered(String uid) {
        assertTrue(TransferSyntax.isRegistered(uid), uid);
    }

    /** JPIP Referenced (PS3.5 A.6) and JPIP HTJ2K Referenced (A.12): pixels referenced, the Deflate ones deflated. */
    @ParameterizedTest
    @CsvSource({UID.JPIPReferenced + ",false", UID.JPIPHTJ2KReferenced + ",false",
            UID.JPIPReferencedDeflate + ",true", UID.JPIPHTJ2KReferencedDeflate + ",true"})
    void jpipSyntaxesReferenceThePixelsAndSomeDeflateTheDataSet(String uid, boolean deflated) {
        TransferSyntax ts = TransferSyntax.of(uid);
        assertEquals(deflated, ts.deflated(), uid);
        assertFalse(ts.encapsulated(), uid);
    }

    @ParameterizedTest
    @ValueSource(strings = {UID.HTJ2K, UID.JPEGXL})
    void namedAsTheStandardNamesThem(String uid) {
        assertEquals(uid.equals(UID.HTJ2K) ? "High-Throughput JPEG 2000 Image Compression" : "JPEG XL",
                TransferSyntax.of(uid).name());
    }
}
