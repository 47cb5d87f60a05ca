package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Print Management SCP with dcmjs-dimse as print SCU: films rendered at the default printer's 300 dpi,
 * checked against the layout computed here (the margins and gaps of 0.1 in, the annotation strip of 0.3 in
 * the README documents), densities turned into P-values with PS3.14's GSDF computed here, magnification of
 * known patterns pixel by pixel, polarity, Presentation LUTs; the PDF's pages; the Print Job reports.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrintIT {

    static final int DPI = 300;
    static final int GAP = 30;
    static final int STRIP = 90;

    @TempDir
    Path dir;

    @Test
    void aGrayscaleFilmIsLaidOutAsItsDisplayFormatSays() throws Exception {
        Path plan = plan("""
                { "session": {"NumberOfCopies": "2", "PrintPriority": "HIGH", "MediumType": "BLUE FILM",
                              "FilmSessionLabel": "layout"},
                  "getPrinter": true, "lingerMs": 4000,
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\2,2", "FilmSizeID": "14INX17IN",
                      "FilmOrientation": "PORTRAIT", "BorderDensity": "150", "EmptyImageDensity": "BLACK",
                      "MagnificationType": "REPLICATE", "AnnotationDisplayFormatID": "FOOTER"},
                    "images": [
                      {"position": 1, "image": {"rows": 100, "columns": 100, "bits": 8, "pattern": "value:255"}},
                      {"position": 2, "image": {"rows": 64, "columns": 64, "bits": 8, "pattern": "checker:8"}},
                      {"position": 4, "attrs": {"Polarity": "REVERSE", "MagnificationType": "BILINEAR"},
                       "image": {"rows": 512, "columns": 512, "bits": 12, "pattern": "hramp"}} ],
                    "annotations": [ {"position": 2, "text": "BEACON PRINT TEST"} ] } ],
                  "printSession": true, "getJob": true }
                """);
        List<String> out = Dcmjs.print("PRINTSCU", plan);
        for (String ok : List.of("NCREATE FILMSESSION 0x0000", "NCREATE FILMBOX 0x0000", "NSET IMAGEBOX 1 0x0000",
                "NSET IMAGEBOX 2 0x0000", "NSET IMAGEBOX 4 0x0000", "NSET ANNOTATION 2 0x0000",
                "NACTION FILMSESSION 0x0000", "NGET PRINTJOB 0x0000", "IMAGEBOXES 4 ANNOTATIONBOXES 3")) {
            assertTrue(out.contains(ok), ok + " in " + out);
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("GET PRINTER") && l.contains("\"PrinterStatus\":\"NORMAL\"")),
                out.toString());
        String jobUid = job(out);
        // the Print Job reports on the association: PENDING, PRINTING, DONE in that order (PS3.4 H.4.5.1)
        List<String> events = out.stream().filter(l -> l.startsWith("EVENT") && l.contains(jobUid)).toList();
        assertEquals(3, events.size(), out.toString());
        for (int i = 0; i < 3; i++) {
            assertTrue(events.get(i).contains("\"eventTypeId\":" + (i + 1)), events.toString());
        }
        JsonObject job = done(jobUid);
        assertEquals(2, job.getInt("copies"));
        assertEquals("HIGH", job.getString("priority"));
        assertEquals("PRINTSCU", job.getString("callingAe"));
        awaitExportAudited(jobUid);

        BufferedImage film = film(job, 1);
        assertEquals(4200, film.getWidth(), "14 in at 300 dpi");
        assertEquals(5100, film.getHeight(), "17 in at 300 dpi");
        List<Rectangle> cells = grid(4200, 5100, 2, 2, true);
        int border = pValue(1.50);
        assertEquals(border, p(film, 5, 5), 1, "the border is 1.50 OD as P-value");
        assertEquals(border, p(film, cells.get(0).x + cells.get(0).width + GAP / 2, 1000), 1, "so is the gap");
        // box 1: 100 x 100 white, REPLICATE by the largest whole factor that fits, centred
        Rectangle i1 = centred(cells.get(0), 100 * (cells.get(0).width / 100), 100 * (cells.get(0).width / 100));
        assertEquals(255, p(film, i1.x + 2, i1.y + 2));
        assertEquals(255, p(film, i1.x + i1.width - 2, i1.y + i1.height - 2));
        assertEquals(0, p(film, i1.x + 5, i1.y - 3), "around the image, the empty image density BLACK");
        // box 2: an 8-pixel checker of 64 x 64, each image pixel a square of the whole factor
        int f = Math.min(cells.get(1).width, cells.get(1).height) / 64;
        Rectangle i2 = centred(cells.get(1), 64 * f, 64 * f);
        for (int[] px : new int[][] {{0, 0}, {8, 0}, {0, 8}, {8, 8}, {23, 40}, {63, 63}, {56, 7}}) {
            int expected = (px[0] / 8 + px[1] / 8) % 2 == 1 ? 255 : 0;
            assertEquals(expected, p(film, i2.x + px[0] * f + f / 2, i2.y + px[1] * f + f / 2), "checker " + px[0]
                    + "," + px[1]);
        }
        // box 3: empty
        assertEquals(0, p(film, cells.get(2).x + cells.get(2).width / 2, cells.get(2).y + cells.get(2).height / 2));
        // box 4: a 12-bit ramp, reversed: light on the left, dark on the right, fitted (BILINEAR)
        Rectangle c4 = cells.get(3);
        int side = Math.min(c4.width, c4.height);
        Rectangle i4 = centred(c4, side, side);
        assertTrue(p(film, i4.x + 4, i4.y + side / 2) > 245, "reversed ramp: light left");
        assertTrue(p(film, i4.x + side - 5, i4.y + side / 2) < 10, "reversed ramp: dark right");
        assertEquals(128, p(film, i4.x + side / 2, i4.y + side / 2), 8);
        // annotation box 2 of 3: text in the strip's middle third, nothing in the first
        Rectangle strip = new Rectangle(GAP, 5100 - GAP - STRIP, 4200 - 2 * GAP, STRIP);
        assertTrue(differs(film, new Rectangle(strip.x + strip.width / 3, strip.y, strip.width / 3, strip.height),
                border), "annotation 2 is printed");
        assertTrue(!differs(film, new Rectangle(strip.x, strip.y, strip.width / 3, strip.height), border),
                "annotation 1 is empty");

        try (PDDocument pdf = Loader.loadPDF(Beacon.bytes("/print/jobs/" + job.getInt("id") + "/pdf").body())) {
            assertEquals(1, pdf.getNumberOfPages());
            PDRectangle page = pdf.getPage(0).getMediaBox();
            assertEquals(14 * 72, page.getWidth(), 0.5);
            assertEquals(17 * 72, page.getHeight(), 0.5);
        }
    }

    @Test
    void aColorFilmInRowsOnALandscapeFilm() throws Exception {
        Path plan = plan("""
                { "color": true, "session": {"MediumType": "PAPER"},
                  "films": [ {"attrs": {"ImageDisplayFormat": "ROW\\\\1,2", "FilmSizeID": "8INX10IN",
                      "FilmOrientation": "LANDSCAPE", "BorderDensity": "WHITE", "EmptyImageDensity": "WHITE",
                      "Trim": "YES"},
                    "images": [
                      {"position": 1, "image": {"rows": 40, "columns": 80, "bits": 8, "rgb": [255, 0, 0]}},
                      {"position": 3, "attrs": {"RequestedImageSize": "25.4"},
                       "image": {"rows": 50, "columns": 50, "bits": 8, "rgb": [0, 0, 255]}} ],
                    "print": true } ] }
                """);
        List<String> out = Dcmjs.print("PRINTCOLOR", plan);
        assertTrue(out.contains("NACTION FILMBOX 0x0000"), out.toString());
        assertTrue(out.contains("IMAGEBOXES 3 ANNOTATIONBOXES 0"), out.toString());
        JsonObject job = done(job(out));
        assertTrue(job.getBoolean("color"));
        BufferedImage film = film(job, 1);
        assertEquals(3000, film.getWidth(), "landscape: 10 in wide");
        assertEquals(2400, film.getHeight());
        Rectangle area = new Rectangle(GAP, GAP, 3000 - 2 * GAP, 2400 - 2 * GAP);
        int rowH = (area.height - GAP) / 2;
        Rectangle top = new Rectangle(area.x, area.y, area.width, rowH);
        int halfW = (area.width - GAP) / 2;
        Rectangle bottomRight = new Rectangle(area.x + halfW + GAP, area.y + rowH + GAP, halfW, rowH);
        assertEquals(0xFF0000, rgb(film, top.x + top.width / 2, top.y + top.height / 2), "box 1: the row of one");
        assertEquals(0x0000FF, rgb(film, bottomRight.x + halfW / 2, bottomRight.y + rowH / 2), "box 3: second of two");
        assertEquals(0xFFFFFF, rgb(film, area.x + halfW / 2, bottomRight.y + rowH / 2), "box 2 empty: WHITE");
        // box 3: Requested Image Size 25.4 mm = 300 pixels at 300 dpi, centred, with its trim (YES) around it
        int cx = bottomRight.x + halfW / 2;
        int cy = bottomRight.y + rowH / 2;
        assertEquals(0x0000FF, rgb(film, cx + 140, cy), "inside the inch");
        boolean trim = false;
        for (int x = cx + 147; x <= cx + 154; x++) {
            trim |= rgb(film, x, cy) == 0x000000;
        }
        assertTrue(trim, "the trim line");
        assertEquals(0xFFFFFF, rgb(film, cx + 170, cy), "beyond it, the empty box");
    }

    @Test
    void presentationLutsTurnPixelsIntoPValues() throws Exception {
        // LIN OD on the film box: pixel values linear in density from Max Density (0) to Min Density (255);
        // an explicit LUT of 256 entries, 12 bits, inverting, on one image box
        StringBuilder inverted = new StringBuilder();
        for (int i = 0; i < 256; i++) {
            inverted.append(i == 0 ? "" : ",").append(4095 - i * 4095 / 255);
        }
        Path plan = plan("""
                { "session": {},
                  "luts": [ {"id": "linod", "attrs": {"PresentationLUTShape": "LIN OD"}},
                            {"id": "inverse", "attrs": {"PresentationLUTSequence": [
                                {"_vrMap": {"LUTDescriptor": "US", "LUTData": "US"},
                                 "LUTDescriptor": [256, 0, 12], "LUTData": [%s]}]}} ],
                  "films": [ {"lut": "linod", "attrs": {"ImageDisplayFormat": "STANDARD\\\\3,1",
                      "FilmSizeID": "8INX10IN", "MinDensity": 20, "MaxDensity": 300},
                    "images": [
                      {"position": 1, "image": {"rows": 10, "columns": 10, "bits": 8, "pattern": "value:128"}},
                      {"position": 2, "image": {"rows": 10, "columns": 10, "bits": 8, "pattern": "value:255"}},
                      {"position": 3, "lut": "inverse",
                       "image": {"rows": 10, "columns": 10, "bits": 8, "pattern": "value:255"}} ],
                    "print": true } ] }
                """.formatted(inverted));
        List<String> out = Dcmjs.print("PRINTLUT", plan);
        assertTrue(out.contains("NCREATE PLUT linod 0x0000") && out.contains("NCREATE PLUT inverse 0x0000"),
                out.toString());
        assertTrue(out.contains("NSET IMAGEBOX 3 0x0000"), out.toString());
        JsonObject job = done(job(out));
        BufferedImage film = film(job, 1);
        List<Rectangle> cells = grid(2400, 3000, 3, 1, false);
        double od128 = 3.00 - 128 / 255.0 * (3.00 - 0.20);
        assertEquals(pValue(od128, 0.20, 3.00), p(film, mid(cells.get(0))[0], mid(cells.get(0))[1]), 1, "LIN OD");
        assertEquals(255, p(film, mid(cells.get(1))[0], mid(cells.get(1))[1]), "LIN OD: the top is Min Density");
        assertEquals(0, p(film, mid(cells.get(2))[0], mid(cells.get(2))[1]), "the inverting LUT");
    }

    @Test
    void badInputGetsItsStatusAndLeavesNothingBehind() throws Exception {
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        String restricted = jakarta.json.Json.createObjectBuilder(printer).add("displayFormats", "STANDARD\\ROW")
                .build().toString();
        assertEquals(200, Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, restricted).statusCode());
        List<String> out;
        try {
            Path plan = plan("""
                    { "session": {"MemoryAllocation": "1000", "NumberOfCopies": "3"},
                      "early": [ {"position": 1, "image": {"rows": 10, "columns": 10, "bits": 8}} ],
                      "imageBoxUid": "1.2.826.0.1.3680043.10.1234.77",
                      "films": [
                        {"attrs": {"ImageDisplayFormat": "STANDARD\\\\4,4", "FilmSizeID": "8INX10IN",
                                   "MaxDensity": 400},
                         "images": [
                           {"position": 1, "image": {"rows": 10, "columns": 10, "bits": 8}},
                           {"position": 2, "image": {"rows": 10, "columns": 10, "bits": 8, "bytes": 50}},
                           {"position": 3, "image": {"rows": 10, "columns": 10, "bits": 12,
                                                     "attrs": {"BitsStored": 16, "HighBit": 15}}},
                           {"position": 4, "attrs": {"MagnificationType": "NONE",
                                                     "RequestedDecimateCropBehavior": "FAIL"},
                            "image": {"rows": 600, "columns": 600, "bits": 8, "pattern": "value:200"}},
                           {"position": 5, "attrs": {"MagnificationType": "NONE",
                                                     "RequestedDecimateCropBehavior": "DECIMATE"},
                            "image": {"rows": 600, "columns": 600, "bits": 8, "pattern": "value:200"}},
                           {"position": 6, "attrs": {"MagnificationType": "NONE",
                                                     "RequestedDecimateCropBehavior": "CROP"},
                            "image": {"rows": 600, "columns": 600, "bits": 8, "pattern": "value:200"}} ]},
                        {"attrs": {"ImageDisplayFormat": "STANDARD\\\\0,2"}},
                        {"attrs": {"FilmSizeID": "14INX17IN"}},
                        {"attrs": {"ImageDisplayFormat": "SLIDE"}},
                        {"attrs": {"ImageDisplayFormat": "ROW\\\\2", "FilmSizeID": "99INX99IN"}} ],
                      "printSession": true, "deleteSession": true }
                    """);
            out = Dcmjs.print("PRINTBAD", plan);
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NCREATE FILMSESSION 0xb600")), "memory allocation: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET EARLY IMAGEBOX 0x0112")), "no film box yet: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 1 0x0112")), "wrong image box: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 2 0x0106") && l.contains("Pixel Data")),
                "wrong pixel data size: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 3 0x0106")), "16 bits stored: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 4 0xc603")), "FAIL: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 5 0xb604")), "DECIMATE: " + out);
        assertTrue(out.stream().anyMatch(l -> l.startsWith("NSET IMAGEBOX 6 0xb609")), "CROP: " + out);
        List<String> filmBoxes = out.stream().filter(l -> l.startsWith("NCREATE FILMBOX")).map(l -> l.substring(16, 22))
                .toList();
        assertEquals(List.of("0xb605", "0x0106", "0x0120", "0x0106", "0x0106"), filmBoxes,
                "densities out of range; STANDARD\\0,2; no format; SLIDE not offered; unknown film size: " + out);
        // the session deleted while its job waits: the job prints all the same
        assertTrue(out.contains("NACTION FILMSESSION 0x0000") && out.contains("NDELETE FILMSESSION 0x0000"),
                out.toString());
        JsonObject job = done(job(out));
        assertEquals(3, job.getInt("copies"));
        BufferedImage film = film(job, 1);
        List<Rectangle> cells = grid(2400, 3000, 4, 4, false);
        assertEquals(200, p(film, mid(cells.get(4))[0], mid(cells.get(4))[1]), "the decimated image printed");
        assertEquals(200, p(film, cells.get(5).x + 1, mid(cells.get(5))[1]), "the cropped one fills its width");
        assertEquals(0, p(film, mid(cells.get(3))[0], mid(cells.get(3))[1]), "the refused one left its box empty");
        awaitNoPrintState();
    }

    @Test
    void anAssociationAbortedMidSessionLeavesNoState() throws Exception {
        Path plan = plan("""
                { "session": {}, "abort": true,
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\2,1"},
                    "images": [ {"position": 1, "image": {"rows": 256, "columns": 256, "bits": 12}},
                                {"position": 2, "image": {"rows": 256, "columns": 256, "bits": 12}} ] } ] }
                """);
        List<String> out = Dcmjs.print("PRINTABORT", plan);
        assertTrue(out.contains("NSET IMAGEBOX 2 0x0000") && out.contains("ABORT"), out.toString());
        awaitNoPrintState();
    }

    @Test
    void dcmtkPrintsAStoredPrintOfItsOwnRendering() throws Exception {
        org.beaconpacs.dicom.net.testing.Dcmtk.require("dcmpsprt");
        org.beaconpacs.dicom.net.testing.Dcmtk.require("dcmprscu");
        // a CT whose left half is black and right half white in its own window
        var ct = org.beaconpacs.archive.it.testing.Synthetic.ct("PRT1", "Print^Test", org.beaconpacs.dicom.uid.UIDs
                .createUID(), org.beaconpacs.dicom.uid.UIDs.createUID(), 1, 2);
        ct.setInt(org.beaconpacs.dicom.dict.Tag.Rows, org.beaconpacs.dicom.data.VR.US, 128);
        ct.setInt(org.beaconpacs.dicom.dict.Tag.Columns, org.beaconpacs.dicom.data.VR.US, 128);
        byte[] px = new byte[128 * 128 * 2];
        for (int i = 0; i < 128 * 128; i++) {
            int v = i % 128 < 64 ? 0 : 4095;
            px[2 * i] = (byte) v;
            px[2 * i + 1] = (byte) (v >> 8);
        }
        ct.setBytes(org.beaconpacs.dicom.dict.Tag.PixelData, org.beaconpacs.dicom.data.VR.OW, px);
        ct.setString(org.beaconpacs.dicom.dict.Tag.WindowCenter, org.beaconpacs.dicom.data.VR.DS, "2048");
        ct.setString(org.beaconpacs.dicom.dict.Tag.WindowWidth, org.beaconpacs.dicom.data.VR.DS, "4096");
        Path image = org.beaconpacs.archive.it.testing.Synthetic.write(ct, dir.resolve("ct.dcm"));
        Path cfg = dir.resolve("dcmpstat.cfg");
        Files.writeString(cfg, """
                [[GENERAL]]
                [DATABASE]
                Directory = %1$s/db
                [PRINT]
                Directory = %1$s/spool
                DetailedLog = false
                MinPrintResolution = 64\\64
                MaxPrintResolution = 8192\\8192
                [LUT]
                Directory = %1$s/lut
                [REPORT]
                Directory = %1$s/reports
                [NETWORK]
                aetitle = DCMPRINT
                [[COMMUNICATION]]
                [BEACON]
                Aetitle = %2$s
                Hostname = %3$s
                Port = %4$d
                Type = PRINTER
                MaxPDU = 32768
                DisplayFormat = 1,1\\2,2
                FilmSizeID = 8INX10IN\\14INX17IN
                MagnificationType = REPLICATE\\BILINEAR
                MediumType = BLUE FILM\\PAPER
                BorderDensity = WHITE\\BLACK
                EmptyImageDensity = BLACK\\WHITE
                MaxDensity = 320
                MinDensity = 20
                Supports12Bit = true
                SupportsPresentationLUT = true
                SupportsImageSize = true
                SupportsDecimateCrop = true
                SupportsTrim = true
                """.formatted(dir, Beacon.AE_TITLE, Beacon.HOST, Beacon.dicomPort()));
        for (String d : List.of("db", "spool", "lut", "reports")) {
            Files.createDirectories(dir.resolve(d));
        }
        var prepared = org.beaconpacs.dicom.net.testing.Dcmtk.run("dcmpsprt", "-c", cfg.toString(), "-p", "BEACON",
                "--layout", "1", "1", "--filmsize", "8INX10IN", "--border", "WHITE", image.toString());
        assertEquals(0, prepared.exitCode(), prepared.output());
        Path storedPrint;
        try (var files = Files.list(dir.resolve("db"))) {
            storedPrint = files.filter(f -> f.getFileName().toString().startsWith("SP_")).findFirst().orElseThrow();
        }
        long before = Beacon.array(Beacon.api("GET", "/print/jobs?max=1000", null)).size();
        var printed = org.beaconpacs.dicom.net.testing.Dcmtk.run("dcmprscu", "-v", "-c", cfg.toString(), "-p",
                "BEACON", storedPrint.toString());
        assertEquals(0, printed.exitCode(), printed.output());
        var jobs = Beacon.array(Beacon.api("GET", "/print/jobs?max=1000", null));
        assertEquals(before + 1, jobs.size(), printed.output());
        JsonObject job = jobs.getJsonObject(0);
        assertEquals("DCMPRINT", job.getString("callingAe"));
        job = done(job.getString("jobUid"));
        BufferedImage film = film(job, 1);
        assertEquals(2400, film.getWidth());
        Rectangle cell = grid(2400, 3000, 1, 1, false).get(0);
        assertEquals(255, p(film, 5, 5), "WHITE border, as dcmpsprt asked");
        int side = Math.min(cell.width, cell.height);
        Rectangle shown = centred(cell, side, side);
        assertTrue(p(film, shown.x + side / 4, shown.y + side / 2) < 30, "the CT's left half is dark");
        assertTrue(p(film, shown.x + 3 * side / 4, shown.y + side / 2) > 225, "its right half light");
    }

    @Test
    void everyDisplayFormatFamilyHasItsBoxes() throws Exception {
        // one film per family, each box filled with white except the last: its place tells the numbering
        Path plan = plan("""
                { "session": {},
                  "films": [
                    {"attrs": {"ImageDisplayFormat": "COL\\\\2,1", "FilmSizeID": "8INX10IN",
                               "BorderDensity": "BLACK", "EmptyImageDensity": "BLACK"},
                     "images": [ {"position": 2, "image": {"rows": 8, "columns": 8, "bits": 8, "pattern": "value:255"}} ],
                     "print": true},
                    {"attrs": {"ImageDisplayFormat": "ROW\\\\1,3", "FilmSizeID": "8INX10IN"}, "print": false},
                    {"attrs": {"ImageDisplayFormat": "STANDARD\\\\3,2", "FilmSizeID": "8INX10IN"}},
                    {"attrs": {"ImageDisplayFormat": "SLIDE", "FilmSizeID": "8INX10IN"}},
                    {"attrs": {"ImageDisplayFormat": "SUPERSLIDE", "FilmSizeID": "14INX17IN"}},
                    {"attrs": {"ImageDisplayFormat": "CUSTOM\\\\1", "FilmSizeID": "8INX10IN"}} ] }
                """);
        List<String> out = Dcmjs.print("PRINTFORMAT", plan);
        List<String> boxes = out.stream().filter(l -> l.startsWith("IMAGEBOXES")).map(l -> l.split(" ")[1]).toList();
        // COL\2,1: 3; ROW\1,3: 4; STANDARD\3,2: 6; SLIDE on 8 x 10 in: 4 x 5 mounts of 50 mm;
        // SUPERSLIDE on 14 x 17 in: 7 x 8; CUSTOM\1 is the default printer's ROW\1,2: 3
        assertEquals(List.of("3", "4", "6", "20", "56", "3"), boxes, out.toString());
        JsonObject job = done(job(out));
        BufferedImage film = film(job, 1);
        // COL\2,1: column 1 holds boxes 1 and 2 (top, bottom), column 2 box 3: box 2 is bottom left
        Rectangle area = new Rectangle(GAP, GAP, 2400 - 2 * GAP, 3000 - 2 * GAP);
        int colW = (area.width - GAP) / 2;
        int rowH = (area.height - GAP) / 2;
        assertEquals(255, p(film, area.x + colW / 2, area.y + rowH + GAP + rowH / 2), "box 2: column 1, bottom");
        assertEquals(0, p(film, area.x + colW / 2, area.y + rowH / 2), "box 1 empty");
        assertEquals(0, p(film, area.x + colW + GAP + colW / 2, area.y + area.height / 2), "box 3 empty");
    }

    @Test
    void aPrinterThatStoresIntoTheArchiveMakesSecondaryCapturesThatCFindFinds() throws Exception {
        String ae = "PRINTARC" + System.nanoTime() % 10000;
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        String archiving = jakarta.json.Json.createObjectBuilder(printer).add("toArchive", true).build().toString();
        assertEquals(200, Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, archiving).statusCode());
        List<String> out;
        try {
            out = Dcmjs.print(ae, plan("""
                    { "session": {"FilmSessionLabel": "CR chest"},
                      "films": [
                        {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "8INX10IN"},
                         "images": [ {"position": 1, "image": {"rows": 64, "columns": 64, "bits": 8, "pattern": "checker:8"}} ]},
                        {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "8INX10IN"}} ],
                      "printSession": true }
                    """));
            done(job(out));
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
        var found = Dcmjs.find("FINDPRINT", Beacon.AE_TITLE, Beacon.dicomPort(), "STUDY",
                "{\"PatientID\": \"" + ae + "\", \"StudyInstanceUID\": \"\", \"StudyDescription\": \"\","
                        + " \"ModalitiesInStudy\": \"\", \"NumberOfStudyRelatedInstances\": \"\"}");
        assertEquals(0, found.status());
        assertEquals(1, found.matches().size(), found.toString());
        JsonObject study = found.matches().get(0);
        assertTrue(study.getString("StudyDescription").startsWith("Films printed by " + ae + " on "), study.toString());
        assertEquals("OT", study.get("ModalitiesInStudy").toString().replaceAll("[\\[\\]\"]", ""));
        assertEquals("2", study.get("NumberOfStudyRelatedInstances").toString().replaceAll("\"", ""),
                "one Secondary Capture per film");
    }

    @Test
    void aPrinterWithACupsQueueSendsTheJobsPdfToCups() throws Exception {
        requireCups();
        String queue = "BEACON_IT_PDF";
        var added = org.beaconpacs.dicom.net.testing.Dcmtk.run("lpadmin", "-p", queue, "-E", "-v", "cups-pdf:/",
                "-P", "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd");
        assertEquals(0, added.exitCode(), added.output());
        List<Path> outDirs = List.of(Path.of(System.getProperty("user.home"), "PDF"),
                Path.of("/var/spool/cups-pdf/ANONYMOUS"));
        java.util.Set<Path> before = pdfs(outDirs);
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        String cups = jakarta.json.Json.createObjectBuilder(printer).add("cupsQueue", queue).build().toString();
        assertEquals(200, Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, cups).statusCode());
        JsonObject job;
        try {
            List<String> out = Dcmjs.print("PRINTCUPS", plan("""
                    { "session": {"FilmSessionLabel": "to CUPS"},
                      "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "A4"},
                        "images": [ {"position": 1, "image": {"rows": 32, "columns": 32, "bits": 8, "pattern": "checker:4"}} ],
                        "print": true } ] }
                    """));
            job = done(job(out));
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
        assertTrue(job.getString("detail").contains("sent to CUPS queue " + queue), job.toString());
        Path printed = null;
        for (int i = 0; i < 300 && printed == null; i++) {
            java.util.Set<Path> now = pdfs(outDirs);
            now.removeAll(before);
            printed = now.stream().findFirst().orElse(null);
            Thread.sleep(100);
        }
        assertTrue(printed != null, "cups-pdf wrote no PDF into " + outDirs);
        try (PDDocument pdf = Loader.loadPDF(Files.readAllBytes(printed))) {
            assertEquals(1, pdf.getNumberOfPages());
        }
    }

    @Test
    void aPrinterStatusChangeIsReportedToTheSessionsPrintingOnIt() throws Exception {
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        Path plan = plan("""
                { "session": {}, "lingerMs": 4000, "getPrinter": true,
                  "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1"}} ] }
                """);
        var scu = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return Dcmjs.print("PRINTSTATUS", plan);
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            Thread.sleep(1500); // the SCU has its film box and lingers
            assertEquals(200, Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE + "/status",
                    "{\"status\": \"WARNING\", \"info\": \"FILM LOW\"}").statusCode());
            List<String> out = scu.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(out.contains("NCREATE FILMBOX 0x0000"), out.toString());
            assertTrue(out.stream().anyMatch(l -> l.startsWith("EVENT") && l.contains("\"eventTypeId\":2")
                    && l.contains("1.2.840.10008.5.1.1.16") && l.contains("FILM LOW")), out.toString());
            JsonObject now = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
            assertEquals("WARNING", now.getString("status"));
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
    }

    @Test
    void jobsWaitWhileThePrinterFailsThenPrintByPriority() throws Exception {
        JsonObject printer = Beacon.object(Beacon.api("GET", "/print/printers/" + Beacon.AE_TITLE, null));
        assertEquals(200, Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE + "/status",
                "{\"status\": \"FAILURE\", \"info\": \"NO FILM\"}").statusCode());
        List<String> jobs = new java.util.ArrayList<>();
        try {
            for (String priority : List.of("LOW", "MED", "HIGH")) {
                List<String> out = Dcmjs.print("PRINTQ" + priority, plan("""
                        { "session": {"PrintPriority": "%s"}, "getPrinter": true, "getConfiguration": true,
                          "films": [ {"attrs": {"ImageDisplayFormat": "STANDARD\\\\1,1", "FilmSizeID": "8INX10IN"},
                            "images": [ {"position": 1, "image": {"rows": 16, "columns": 16, "bits": 8}} ],
                            "print": true } ] }
                        """.formatted(priority)));
                assertTrue(out.stream().anyMatch(l -> l.startsWith("GET PRINTER") && l.contains("FAILURE")
                        && l.contains("NO FILM")), "the SCU sees the printer's failure: " + out);
                assertTrue(out.stream().anyMatch(l -> l.startsWith("GET CONFIGURATION")
                        && l.contains("PrinterConfigurationSequence") && l.contains("14INX17IN")), out.toString());
                jobs.add(job(out));
            }
            Thread.sleep(1000);
            for (String uid : jobs) {
                JsonObject j = Beacon.array(Beacon.api("GET", "/print/jobs?max=1000", null)).stream()
                        .map(v -> v.asJsonObject()).filter(o -> o.getString("jobUid").equals(uid)).findFirst()
                        .orElseThrow();
                assertEquals("PENDING", j.getString("state"), "held while the printer fails: " + j);
            }
        } finally {
            Beacon.api("PUT", "/print/printers/" + Beacon.AE_TITLE, printer.toString());
        }
        // back to NORMAL: HIGH, then MED, then LOW, though they came the other way round
        java.time.Instant low = java.time.Instant.parse(done(jobs.get(0)).getString("printed"));
        java.time.Instant med = java.time.Instant.parse(done(jobs.get(1)).getString("printed"));
        java.time.Instant high = java.time.Instant.parse(done(jobs.get(2)).getString("printed"));
        assertTrue(high.isBefore(med) && med.isBefore(low), high + " " + med + " " + low);
    }

    // ------------------------------------------------------------------ helpers

    static void requireCups() throws Exception {
        boolean present = Files.isExecutable(Path.of("/usr/sbin/lpadmin"))
                && Files.exists(Path.of("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"))
                && org.beaconpacs.dicom.net.testing.Dcmtk.run("lpstat", "-r").output().contains("is running");
        if (!present && "true".equalsIgnoreCase(System.getenv("CI"))) {
            org.junit.jupiter.api.Assertions.fail("CUPS with printer-driver-cups-pdf is missing or not running "
                    + "under CI: .ci/run installs and starts it");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(present, "CUPS with cups-pdf not running; skipping");
    }

    static java.util.Set<Path> pdfs(List<Path> dirs) throws Exception {
        java.util.Set<Path> found = new java.util.HashSet<>();
        for (Path d : dirs) {
            if (Files.isDirectory(d)) {
                try (var files = Files.list(d)) {
                    files.filter(f -> f.toString().endsWith(".pdf")).forEach(found::add);
                }
            }
        }
        return found;
    }

    /** The print state of ended associations is gone: no film session held, no image spooled. */
    static void awaitNoPrintState() throws Exception {
        JsonObject state = null;
        for (int i = 0; i < 50; i++) {
            state = Beacon.object(Beacon.api("GET", "/print/state", null));
            if (state.getInt("openAssociations") == 0 && state.getInt("spooledImages") == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("print state left behind: " + state);
    }

    private Path plan(String json) throws Exception {
        Path p = Files.createTempFile(dir, "plan", ".json");
        Files.writeString(p, json);
        return p;
    }

    static String job(List<String> out) {
        return out.stream().filter(l -> l.startsWith("JOB ")).map(l -> l.substring(4).strip()).findFirst()
                .orElseThrow(() -> new AssertionError("no print job in " + out));
    }

    /** The audit trail tells the films left on the printer: an Export message naming the job. */
    private static void awaitExportAudited(String jobUid) throws Exception {
        for (int i = 0; i < 100; i++) {
            for (var v : Beacon.array(Beacon.api("GET", "/audit?event=110106&limit=50", null))) {
                String xml = Beacon.api("GET", "/audit/" + v.asJsonObject().getJsonNumber("id").longValue(), null)
                        .body();
                if (xml.contains("ParticipantObjectID=\"" + jobUid + "\"") && xml.contains("UserID=\"PRINTSCU\"")) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no Export audit message for print job " + jobUid);
    }

    /** The job once DONE (within a minute); fails on FAILURE. */
    static JsonObject done(String jobUid) throws Exception {
        for (int i = 0; i < 600; i++) {
            for (var v : Beacon.array(Beacon.api("GET", "/print/jobs?max=1000", null))) {
                JsonObject j = v.asJsonObject();
                if (j.getString("jobUid").equals(jobUid)) {
                    assertTrue(!j.getString("state").equals("FAILURE"), j.toString());
                    if (j.getString("state").equals("DONE")) {
                        return j;
                    }
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("print job " + jobUid + " not done within a minute");
    }

    static BufferedImage film(JsonObject job, int n) throws Exception {
        var rsp = Beacon.bytes("/print/jobs/" + job.getInt("id") + "/films/" + n);
        assertEquals(200, rsp.statusCode());
        return ImageIO.read(new ByteArrayInputStream(rsp.body()));
    }

    /** The boxes of STANDARD\cols,rows: 0.1 in margins and gaps, the annotation strip if any. */
    static List<Rectangle> grid(int width, int height, int cols, int rows, boolean annotations) {
        int bottom = height - GAP - (annotations ? STRIP + GAP : 0);
        Rectangle area = new Rectangle(GAP, GAP, width - 2 * GAP, bottom - GAP);
        int w = (area.width - (cols - 1) * GAP) / cols;
        int h = (area.height - (rows - 1) * GAP) / rows;
        List<Rectangle> cells = new java.util.ArrayList<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                cells.add(new Rectangle(area.x + c * (w + GAP), area.y + r * (h + GAP), w, h));
            }
        }
        return cells;
    }

    static Rectangle centred(Rectangle cell, int w, int h) {
        return new Rectangle(cell.x + (cell.width - w) / 2, cell.y + (cell.height - h) / 2, w, h);
    }

    static int[] mid(Rectangle r) {
        return new int[] {r.x + r.width / 2, r.y + r.height / 2};
    }

    static int p(BufferedImage img, int x, int y) {
        return img.getRaster().getSample(x, y, 0);
    }

    static int rgb(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) & 0xFFFFFF;
    }

    static boolean differs(BufferedImage img, Rectangle r, int value) {
        for (int y = r.y; y < r.y + r.height; y += 2) {
            for (int x = r.x; x < r.x + r.width; x += 2) {
                if (Math.abs(p(img, x, y) - value) > 40) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The 8-bit P-value of density {@code od} on the default printer (20 to 320, 2000 and 10 cd/m²). */
    static int pValue(double od) {
        return pValue(od, 0.20, 3.20);
    }

    /** PS3.14: L = La + L0 10^-D; P-values linear in JND index between Lmin and Lmax. */
    static int pValue(double od, double dmin, double dmax) {
        double l0 = 2000;
        double la = 10;
        double jmin = jnd(la + l0 * Math.pow(10, -dmax));
        double jmax = jnd(la + l0 * Math.pow(10, -dmin));
        return (int) Math.round((jnd(la + l0 * Math.pow(10, -od)) - jmin) / (jmax - jmin) * 255);
    }

    /** PS3.14 equation 7-2: the JND index of luminance l. */
    static double jnd(double l) {
        double[] c = {71.498068, 94.593053, 41.912053, 9.8247004, 0.28175407, -1.1878455, -0.18014349, 0.14710899,
            -0.017046845};
        double x = Math.log10(l);
        double j = 0;
        for (int i = c.length - 1; i >= 0; i--) {
            j = j * x + c[i];
        }
        return j;
    }
}
