package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * WADO-RS frames, rendered and thumbnails, and WADO-URI, over HTTP. One study stored once for the class by
 * DCMTK's storescu: a signed 16-bit CT with a rescale and two windows, an 8-bit three-frame image, a JPEG
 * baseline image (DCMTK's dcmcjpeg), a Basic Text SR and an Encapsulated PDF. Rendered pixels are compared
 * with DCMTK's dcmj2pnm rendering of the same file.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DicomWebRenderIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String WADO_URI = "http://127.0.0.1:8080/beacon/wado";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages"
            + "/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

    private final String patient = "RENDER" + System.nanoTime() % 100000;
    private final String study = UIDs.createUID();
    private final String series = UIDs.createUID();
    private Path dir;
    private Path ctFile;
    private Attributes ct;
    private Attributes multiFrame;
    private Attributes jpeg;
    private Attributes sr;
    private Attributes pdf;

    @BeforeAll
    void store() throws Exception {
        Dcmtk.require("storescu");
        Dcmtk.require("dcmcjpeg");
        dir = Files.createTempDirectory("render");
        ct = image(256, 256, 16, 12, 1, 1);
        ct.setString(Tag.RescaleIntercept, VR.DS, "-1024");
        ct.setString(Tag.RescaleSlope, VR.DS, "1");
        ct.setString(Tag.WindowCenter, VR.DS, "40", "300");
        ct.setString(Tag.WindowWidth, VR.DS, "400", "1500");
        byte[] pixels = new byte[256 * 256 * 2];
        for (int y = 0; y < 256; y++) {
            for (int x = 0; x < 256; x++) {
                int v = (x * 37 + y * 11) % 3000 - 1000; // -1000..1999 stored: -2024..975 HU
                pixels[2 * (y * 256 + x)] = (byte) v;
                pixels[2 * (y * 256 + x) + 1] = (byte) (v >> 8);
            }
        }
        ct.setBytes(Tag.PixelData, VR.OW, pixels);
        ctFile = Synthetic.write(ct, dir.resolve("ct.dcm"));

        multiFrame = image(64, 64, 8, 8, 0, 2);
        multiFrame.setString(Tag.NumberOfFrames, VR.IS, "3");
        multiFrame.setString(Tag.WindowCenter, VR.DS, "128"); // with width 256, LINEAR is the identity
        multiFrame.setString(Tag.WindowWidth, VR.DS, "256");
        byte[] frames = new byte[3 * 64 * 64];
        for (int f = 0; f < 3; f++) {
            java.util.Arrays.fill(frames, f * 4096, (f + 1) * 4096, (byte) (f * 100));
        }
        multiFrame.setBytes(Tag.PixelData, VR.OB, frames);
        Synthetic.write(multiFrame, dir.resolve("multiframe.dcm"));

        jpeg = image(64, 64, 8, 8, 0, 3);
        byte[] gradient = new byte[64 * 64];
        for (int i = 0; i < gradient.length; i++) {
            gradient[i] = (byte) (i % 64 * 4);
        }
        jpeg.setBytes(Tag.PixelData, VR.OB, gradient);
        Path plain = Synthetic.write(jpeg, dir.resolve("plain.dcm"));
        Dcmtk.Result encoded = Dcmtk.run("dcmcjpeg", "+eb", "+un", plain.toString(), dir.resolve("jpeg.dcm").toString());
        assertEquals(0, encoded.exitCode(), encoded.output());
        Files.delete(plain);

        sr = document(UID.BasicTextSRStorage, 4);
        sr.setString(Tag.ValueType, VR.CS, "CONTAINER");
        sr.setString(Tag.ContinuityOfContent, VR.CS, "SEPARATE");
        sr.setString(Tag.CompletionFlag, VR.CS, "COMPLETE");
        sr.setString(Tag.VerificationFlag, VR.CS, "UNVERIFIED");
        code(sr.newSequence(Tag.ConceptNameCodeSequence), "11528-7", "Radiology Report");
        Attributes finding = new Attributes();
        finding.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
        finding.setString(Tag.ValueType, VR.CS, "TEXT");
        code(finding.newSequence(Tag.ConceptNameCodeSequence), "121071", "Finding");
        finding.setString(Tag.TextValue, VR.UT, "No acute findings <in the chest>");
        sr.newSequence(Tag.ContentSequence).add(finding);
        Synthetic.write(sr, dir.resolve("sr.dcm"));

        pdf = document(UID.EncapsulatedPDFStorage, 5);
        pdf.setString(Tag.MIMETypeOfEncapsulatedDocument, VR.LO, "application/pdf");
        pdf.setString(Tag.DocumentTitle, VR.ST, "Referral");
        pdf.setBytes(Tag.EncapsulatedDocument, VR.OB, PDF.length % 2 == 0 ? PDF
                : java.util.Arrays.copyOf(PDF, PDF.length + 1));
        Synthetic.write(pdf, dir.resolve("pdf.dcm"));

        try (var files = Files.list(dir)) {
            List<String> command = new java.util.ArrayList<>(List.of("storescu", "-xy", "-aet", "RENDERSCU", "-aec",
                    Beacon.AE_TITLE, Beacon.HOST, String.valueOf(Beacon.dicomPort())));
            files.map(Path::toString).sorted().forEach(command::add);
            Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
            assertEquals(0, r.exitCode(), r.output());
        }
    }

    @AfterAll
    void delete() throws Exception {
        Beacon.api("DELETE", "/studies/" + study, null);
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.delete(f);
                }
            }
            Files.delete(dir);
        }
    }

    @Test
    void renderedCtIsDcmtksRenderingWithTheDataSetsWindowAndWithTheOneAsked() throws Exception {
        Dcmtk.require("dcmj2pnm");
        String path = instance(ct) + "/rendered";
        compare(render(path, "image/png"), dcmj2pnm("+Wi", "1"), "the data set's first window, 40/400");
        compare(render(path + "?window=300,1500", "image/png"), dcmj2pnm("+Ww", "300", "1500"),
                "the window asked for");
        BufferedImage jpegOut = render(path + "?viewport=64,64&quality=80", "image/jpeg");
        assertEquals(64, jpegOut.getWidth());
        assertEquals(64, jpegOut.getHeight());
        HttpResponse<byte[]> defaultType = get(DicomWebIT.ROOT + path, null);
        assertEquals("image/jpeg", defaultType.headers().firstValue("Content-Type").orElse(""));
        assertEquals(406, get(DicomWebIT.ROOT + path, "application/json").statusCode());
        assertEquals(400, get(DicomWebIT.ROOT + path + "?window=forty,400", "image/jpeg").statusCode());
        assertEquals(400, get(DicomWebIT.ROOT + path + "?window=40,0", "image/jpeg").statusCode());
    }

    @Test
    void framesAreRenderedOneByOneAndGivenAsSamplesOrAsStored() throws Exception {
        String mf = instance(multiFrame);
        assertEquals(200, gray(render(mf + "/frames/3/rendered", "image/png"), 10, 10), "frame 3 holds 200");
        assertEquals(0, gray(render(mf + "/frames/1/rendered", "image/png"), 10, 10));
        assertEquals(404, get(DicomWebIT.ROOT + mf + "/frames/4/rendered", "image/png").statusCode());
        assertEquals(400, get(DicomWebIT.ROOT + mf + "/frames/0/rendered", "image/png").statusCode());

        HttpResponse<byte[]> samples = get(DicomWebIT.ROOT + mf + "/frames/3,1", null);
        assertEquals(200, samples.statusCode());
        String type = samples.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.contains("application/octet-stream"), type);
        List<byte[]> parts = DicomWebIT.parts(samples.body(), type);
        assertEquals(2, parts.size());
        assertEquals(4096, parts.get(0).length);
        assertEquals((byte) 200, parts.get(0)[0], "in the order asked: frame 3 first");
        assertEquals(0, parts.get(1)[0]);

        String jp = instance(jpeg);
        HttpResponse<byte[]> stored = get(DicomWebIT.ROOT + jp + "/frames/1",
                "multipart/related; type=\"image/jpeg\"");
        assertEquals(200, stored.statusCode(), new String(stored.body(), StandardCharsets.UTF_8));
        byte[] bitstream = DicomWebIT.parts(stored.body(), stored.headers().firstValue("Content-Type").orElse(""))
                .get(0);
        assertEquals((byte) 0xFF, bitstream[0]);
        assertEquals((byte) 0xD8, bitstream[1], "a JPEG bitstream: SOI");
        HttpResponse<byte[]> decoded = get(DicomWebIT.ROOT + jp + "/frames/1",
                "multipart/related; type=\"application/octet-stream\"");
        byte[] native8 = DicomWebIT.parts(decoded.body(), decoded.headers().firstValue("Content-Type").orElse(""))
                .get(0);
        assertEquals(64 * 64, native8.length, "decoded to 8-bit samples");
        assertTrue(Math.abs((native8[65] & 0xFF) - 4) <= 6, "close to the original gradient (lossy)");
        assertEquals(406, get(DicomWebIT.ROOT + instance(ct) + "/frames/1",
                "multipart/related; type=\"image/jp2\"").statusCode(), "a native image has no JPEG 2000 frames");
    }

    @Test
    void thumbnailsShowTheMiddleOfTheSeriesSmall() throws Exception {
        BufferedImage series = render("/studies/" + study + "/series/" + this.series + "/thumbnail", "image/jpeg");
        assertTrue(series.getWidth() <= 128 && series.getHeight() <= 128);
        assertEquals(128, Math.max(series.getWidth(), series.getHeight()));
        BufferedImage small = render("/studies/" + study + "/thumbnail?viewport=32,32", "image/png");
        assertEquals(32, small.getWidth());
        assertEquals(32, render(instance(ct) + "/thumbnail?viewport=32,32", "image/png").getWidth());
    }

    @Test
    void aReportIsRenderedAsHtmlAndADocumentAsItself() throws Exception {
        HttpResponse<byte[]> html = get(DicomWebIT.ROOT + instance(sr) + "/rendered", "text/html");
        assertEquals(200, html.statusCode());
        String text = new String(html.body(), StandardCharsets.UTF_8);
        assertTrue(text.contains("<h1>Radiology Report</h1>"), text);
        assertTrue(text.contains("<b>Finding:</b> No acute findings &lt;in the chest&gt;"), text);
        HttpResponse<byte[]> doc = get(DicomWebIT.ROOT + instance(pdf) + "/rendered", "application/pdf");
        assertEquals(200, doc.statusCode());
        assertEquals("application/pdf", doc.headers().firstValue("Content-Type").orElse(""));
        assertTrue(new String(doc.body(), StandardCharsets.US_ASCII).startsWith("%PDF-1.4"));
        assertEquals(406, get(DicomWebIT.ROOT + instance(pdf) + "/rendered", "image/jpeg").statusCode());
    }

    @Test
    void wadoUriGivesTheObjectAndItsRenderings() throws Exception {
        String ids = "?requestType=WADO&studyUID=" + study + "&seriesUID=" + series + "&objectUID=";
        HttpResponse<byte[]> dicom = get(WADO_URI + ids + uid(ct) + "&contentType=application/dicom", null);
        assertEquals(200, dicom.statusCode());
        assertEquals("application/dicom", dicom.headers().firstValue("Content-Type").orElse(""));
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(dicom.body()))) {
            var file = r.readFile();
            assertEquals(uid(ct), file.dataset().getString(Tag.SOPInstanceUID));
            assertEquals(UID.ExplicitVRLittleEndian, file.fileMetaInformation().getString(Tag.TransferSyntaxUID));
        }
        HttpResponse<byte[]> implicit = get(WADO_URI + ids + uid(ct) + "&contentType=application/dicom"
                + "&transferSyntax=" + UID.ImplicitVRLittleEndian, null);
        try (DicomReader r = new DicomReader(new ByteArrayInputStream(implicit.body()))) {
            assertEquals(UID.ImplicitVRLittleEndian, r.readFile().fileMetaInformation()
                    .getString(Tag.TransferSyntaxUID));
        }
        HttpResponse<byte[]> jpegRsp = get(WADO_URI + ids + uid(ct) + "&rows=100", null);
        assertEquals(200, jpegRsp.statusCode(), new String(jpegRsp.body(), StandardCharsets.UTF_8));
        assertEquals("image/jpeg", jpegRsp.headers().firstValue("Content-Type").orElse(""), "the default");
        assertEquals(100, ImageIO.read(new ByteArrayInputStream(jpegRsp.body())).getHeight());
        BufferedImage windowed = ImageIO.read(new ByteArrayInputStream(get(WADO_URI + ids + uid(ct)
                + "&contentType=image/png&windowCenter=300&windowWidth=1500", null).body()));
        compare(windowed, dcmj2pnm("+Ww", "300", "1500"), "WADO-URI's window");
        BufferedImage frame = ImageIO.read(new ByteArrayInputStream(get(WADO_URI + ids + uid(multiFrame)
                + "&contentType=image/png&frameNumber=2", null).body()));
        assertEquals(100, gray(frame, 5, 5));
        BufferedImage region = ImageIO.read(new ByteArrayInputStream(get(WADO_URI + ids + uid(ct)
                + "&contentType=image/png&region=0.5,0.5,1.0,1.0", null).body()));
        assertEquals(128, region.getWidth());
        assertEquals(400, get(WADO_URI + ids + uid(ct) + "&windowCenter=40", null).statusCode(),
                "a center without a width");
        assertEquals(400, get(WADO_URI + "?studyUID=" + study + "&seriesUID=" + series + "&objectUID=" + uid(ct),
                null).statusCode(), "no requestType");
        assertEquals(404, get(WADO_URI + ids + UIDs.createUID(), null).statusCode());
        HttpResponse<byte[]> anonymous = HTTP.send(HttpRequest.newBuilder(URI.create(WADO_URI + ids + uid(ct)))
                .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(401, anonymous.statusCode());
    }

    // ------------------------------------------------------------------------------------------ helpers

    private Attributes image(int columns, int rows, int allocated, int stored, int signed, int number) {
        Attributes ds = Synthetic.ct(patient, "Render^Ray", study, series, number, 2);
        ds.remove(Tag.PixelData);
        ds.setInt(Tag.Columns, VR.US, columns);
        ds.setInt(Tag.Rows, VR.US, rows);
        ds.setInt(Tag.BitsAllocated, VR.US, allocated);
        ds.setInt(Tag.BitsStored, VR.US, stored);
        ds.setInt(Tag.HighBit, VR.US, stored - 1);
        ds.setInt(Tag.PixelRepresentation, VR.US, signed);
        if (allocated == 8) {
            ds.setString(Tag.SOPClassUID, VR.UI, UID.SecondaryCaptureImageStorage);
        }
        return ds;
    }

    private Attributes document(String sopClass, int number) {
        Attributes ds = Synthetic.ct(patient, "Render^Ray", study, series, number, 2);
        for (int tag : new int[]{Tag.PixelData, Tag.Rows, Tag.Columns, Tag.BitsAllocated, Tag.BitsStored,
                Tag.HighBit, Tag.PixelRepresentation, Tag.SamplesPerPixel, Tag.PhotometricInterpretation}) {
            ds.remove(tag);
        }
        ds.setString(Tag.SOPClassUID, VR.UI, sopClass);
        ds.setString(Tag.Modality, VR.CS, sopClass.equals(UID.EncapsulatedPDFStorage) ? "DOC" : "SR");
        return ds;
    }

    private static void code(Sequence seq, String value, String meaning) {
        Attributes code = new Attributes();
        code.setString(Tag.CodeValue, VR.SH, value);
        code.setString(Tag.CodingSchemeDesignator, VR.SH, "LN");
        code.setString(Tag.CodeMeaning, VR.LO, meaning);
        seq.add(code);
    }

    private String instance(Attributes ds) {
        return "/studies/" + study + "/series/" + series + "/instances/" + uid(ds);
    }

    private static String uid(Attributes ds) {
        return ds.getString(Tag.SOPInstanceUID);
    }

    private BufferedImage dcmj2pnm(String... voi) throws Exception {
        Dcmtk.require("dcmj2pnm");
        Path out = dir.resolve("dcmtk" + System.nanoTime() + ".png");
        List<String> command = new java.util.ArrayList<>(List.of("dcmj2pnm", "+on"));
        command.addAll(List.of(voi));
        command.add(ctFile.toString());
        command.add(out.toString());
        Dcmtk.Result r = Dcmtk.run(command.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        BufferedImage image = ImageIO.read(out.toFile());
        Files.delete(out);
        return image;
    }

    /** The two renderings agree to within one gray level at every pixel (rounding differs). */
    private static void compare(BufferedImage ours, BufferedImage dcmtk, String what) {
        assertEquals(dcmtk.getWidth(), ours.getWidth(), what);
        assertEquals(dcmtk.getHeight(), ours.getHeight(), what);
        int worst = 0;
        for (int y = 0; y < ours.getHeight(); y++) {
            for (int x = 0; x < ours.getWidth(); x++) {
                worst = Math.max(worst, Math.abs(gray(ours, x, y) - gray(dcmtk, x, y)));
            }
        }
        assertTrue(worst <= 1, what + ": a pixel differs from dcmj2pnm's by " + worst);
    }

    private static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static BufferedImage render(String path, String accept) throws Exception {
        HttpResponse<byte[]> rsp = get(DicomWebIT.ROOT + path, accept);
        assertEquals(200, rsp.statusCode(), () -> path + ": " + new String(rsp.body(), StandardCharsets.UTF_8));
        assertEquals(accept, rsp.headers().firstValue("Content-Type").orElse(""));
        return ImageIO.read(new ByteArrayInputStream(rsp.body()));
    }

    private static HttpResponse<byte[]> get(String url, String accept) throws Exception {
        HttpRequest.Builder rq = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET()
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(("admin:"
                        + Beacon.adminPassword()).getBytes(StandardCharsets.UTF_8)));
        if (accept != null) {
            rq.header("Accept", accept);
        }
        return HTTP.send(rq.build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
