package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Dcmjs;
import org.beaconpacs.archive.it.testing.Management;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.DicomFile;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.net.association.Timeouts;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * C-FIND against the deployed archive (PS3.4 C.4.1): DCMTK's findscu and our own SCU query a data set
 * stored once for the class (synthetic studies of a few patients, a 1000-instance series, and pydicom's
 * character set samples); the expected matches are computed from what was stored, by plain filters on
 * its values. Every query names this run's patient ID prefix, so other tests' data never answer.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryIT {

    private static final Path CHARSETS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/charset_files");
    private static final byte[] RELATIONAL = {1};
    private static final byte[] RELATIONAL_AND_COMBINED = {1, 1};

    private final String prefix = "Q" + (System.nanoTime() % 1_000_000) + "-";
    /** One entry per stored study: the attributes of its first instance, and its series and instances. */
    private final Map<String, Attributes> studies = new LinkedHashMap<>();
    private final Map<String, Integer> instancesOfStudy = new LinkedHashMap<>();
    private final Map<String, Set<String>> seriesOfStudy = new LinkedHashMap<>();
    private final List<Attributes> charsetFiles = new ArrayList<>();
    private String bigStudy;
    private String bigSeries;

    @BeforeAll
    void store() throws Exception {
        try (DicomClient c = CtStore.client("QUERYSCU")) {
            study(c, "1", "Alpha^Anna", "20240110", "0815", "CT", "ACC1", "Head", 2, 3, "X1");
            study(c, "1", "Alpha^Anna", "20240220", "143000", "MR", "ACC2", "Knee_50%", 1, 1, null);
            study(c, "2", "alpha^bert^^^", "20240315", "2300", "CT", "ACC3", "Chest", 1, 2, null);
            study(c, "3", "Gamma^Carl", "20231231", "0000", "US", "ACC4", "Abdomen", 1, 1, "Y2");
            study(c, "4", "Delta^Dora", "20240401", "1200", "CT", "", "Empty accession", 1, 1, null);
            // the 1000-instance series for cancel and the limit
            bigStudy = UIDs.createUID();
            bigSeries = UIDs.createUID();
            CtStore.storeSeries(c, prefix + "5", "Big^Series", bigStudy, bigSeries, 1, 1000);
            studies.put(bigStudy, Synthetic.ct(prefix + "5", "Big^Series", bigStudy, bigSeries, 1, 64));
            instancesOfStudy.put(bigStudy, 1000);
            seriesOfStudy.put(bigStudy, Set.of(bigSeries));
            c.release();
        }
        if (Files.isDirectory(CHARSETS)) {
            for (String name : List.of("chrX1.dcm", "chrX2.dcm", "chrH31.dcm", "chrGerm.dcm")) {
                Path file = CHARSETS.resolve(name);
                Dcmtk.Result r = Dcmtk.run("storescu", "-aet", "QUERYSCU", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                        String.valueOf(Beacon.dicomPort()), file.toString());
                assertEquals(0, r.exitCode(), r.output());
                charsetFiles.add(read(file).dataset());
            }
        } else {
            assertFalse("true".equals(System.getenv("CI")), "pydicom's charset files are missing: python3-pydicom");
        }
    }

    /** Stores one study: {@code series} series of {@code instances} instances each. */
    private void study(DicomClient c, String patient, String name, String date, String time, String modality,
                       String accession, String description, int series, int instances, String procedureCode)
            throws Exception {
        String study = UIDs.createUID();
        Attributes first = null;
        for (int s = 1; s <= series; s++) {
            String seriesUid = UIDs.createUID();
            seriesOfStudy.computeIfAbsent(study, k -> new TreeSet<>()).add(seriesUid);
            for (int i = 1; i <= instances; i++) {
                Attributes ds = Synthetic.ct(prefix + patient, name, study, seriesUid, i, 64);
                ds.setString(Tag.StudyDate, VR.DA, date);
                ds.setString(Tag.StudyTime, VR.TM, time);
                ds.setString(Tag.Modality, VR.CS, modality);
                ds.setString(Tag.AccessionNumber, VR.SH, accession);
                ds.setString(Tag.StudyDescription, VR.LO, description);
                ds.setString(Tag.SeriesNumber, VR.IS, String.valueOf(s));
                if (procedureCode != null) {
                    Attributes code = ds.newSequence(Tag.ProcedureCodeSequence).addItem();
                    code.setString(Tag.CodeValue, VR.SH, procedureCode);
                    code.setString(Tag.CodingSchemeDesignator, VR.SH, "LOCAL");
                    code.setString(Tag.CodeMeaning, VR.LO, "Procedure " + procedureCode);
                }
                Command rsp = CtStore.store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds));
                assertEquals(Status.SUCCESS, rsp.status());
                if (first == null) {
                    first = ds;
                }
            }
        }
        studies.put(study, first);
        instancesOfStudy.put(study, series * instances);
    }

    @AfterAll
    void delete() throws Exception {
        List<String> uids = new ArrayList<>(studies.keySet());
        charsetFiles.forEach(f -> uids.add(f.getString(Tag.StudyInstanceUID)));
        for (String uid : uids) {
            Beacon.api("DELETE", "/studies/" + uid, null);
        }
    }

    // ------------------------------------------------------------------------------------------ DCMTK

    @Test
    void findscuFindsStudiesByNameWildcardCaseInsensitivelyWithTheCountsAndTheLevel(@TempDir Path dir)
            throws Exception {
        Dcmtk.require("findscu");
        List<Attributes> answers = findscu(dir, "-S", "-k", "QueryRetrieveLevel=STUDY", "-k", "PatientID=" + prefix + "*",
                "-k", "PatientName=ALPHA*", "-k", "StudyInstanceUID", "-k", "NumberOfStudyRelatedInstances",
                "-k", "NumberOfStudyRelatedSeries", "-k", "ModalitiesInStudy", "-k", "StudyDescription");
        Set<String> expected = expected(s -> s.getString(Tag.PatientName).toUpperCase(Locale.ROOT).startsWith("ALPHA"));
        assertEquals(3, expected.size());
        assertEquals(expected, uids(answers, Tag.StudyInstanceUID));
        for (Attributes a : answers) {
            String uid = a.getString(Tag.StudyInstanceUID);
            assertEquals(String.valueOf(instancesOfStudy.get(uid)), a.getString(Tag.NumberOfStudyRelatedInstances));
            assertEquals(String.valueOf(seriesOfStudy.get(uid).size()), a.getString(Tag.NumberOfStudyRelatedSeries));
            assertEquals(studies.get(uid).getString(Tag.Modality), a.getString(Tag.ModalitiesInStudy));
            assertEquals(studies.get(uid).getString(Tag.StudyDescription), a.getString(Tag.StudyDescription));
            assertEquals(studies.get(uid).getString(Tag.PatientName), a.getString(Tag.PatientName));
            assertEquals("STUDY", a.getString(Tag.QueryRetrieveLevel));
            assertEquals(Beacon.AE_TITLE, a.getString(Tag.RetrieveAETitle));
        }
    }

    @Test
    void findscuRangesOfDatesOpenAndClosed(@TempDir Path dir) throws Exception {
        Dcmtk.require("findscu");
        for (String range : List.of("20240101-20240301", "20240301-", "-20231231", "20240315")) {
            List<Attributes> answers = findscu(dir.resolve(range), "-S", "-k", "QueryRetrieveLevel=STUDY",
                    "-k", "PatientID=" + prefix + "?", "-k", "StudyDate=" + range, "-k", "StudyInstanceUID");
            String[] ends = range.contains("-") ? range.split("-", -1) : new String[] {range, range};
            Set<String> expected = expected(s -> (ends[0].isEmpty() || s.getString(Tag.StudyDate).compareTo(ends[0]) >= 0)
                    && (ends[1].isEmpty() || s.getString(Tag.StudyDate).compareTo(ends[1]) <= 0));
            assertFalse(expected.isEmpty(), range);
            assertEquals(expected, uids(answers, Tag.StudyInstanceUID), range);
        }
    }

    @Test
    void findscuListsSeriesAndImagesOfAStudyHierarchically(@TempDir Path dir) throws Exception {
        Dcmtk.require("findscu");
        String study = expected(s -> "ACC1".equals(s.getString(Tag.AccessionNumber))).iterator().next();
        List<Attributes> series = findscu(dir.resolve("series"), "-S", "-k", "QueryRetrieveLevel=SERIES",
                "-k", "StudyInstanceUID=" + study, "-k", "SeriesInstanceUID", "-k", "NumberOfSeriesRelatedInstances",
                "-k", "Modality", "-k", "SeriesNumber");
        assertEquals(seriesOfStudy.get(study), uids(series, Tag.SeriesInstanceUID));
        series.forEach(s -> assertEquals("3", s.getString(Tag.NumberOfSeriesRelatedInstances)));
        String one = series.get(0).getString(Tag.SeriesInstanceUID);
        List<Attributes> images = findscu(dir.resolve("images"), "-S", "-k", "QueryRetrieveLevel=IMAGE",
                "-k", "StudyInstanceUID=" + study, "-k", "SeriesInstanceUID=" + one, "-k", "SOPInstanceUID",
                "-k", "SOPClassUID", "-k", "InstanceNumber");
        assertEquals(3, images.size());
        images.forEach(i -> assertEquals(UID.CTImageStorage, i.getString(Tag.SOPClassUID)));
        assertEquals(Set.of("1", "2", "3"), uids(images, Tag.InstanceNumber));
        // no Study Instance UID: a hierarchical SERIES query is refused, and findscu hears why
        Dcmtk.Result refused = Dcmtk.run("findscu", "-v", "-S", "-k", "QueryRetrieveLevel=SERIES", "-k", "SeriesInstanceUID",
                "-aec", Beacon.AE_TITLE, Beacon.HOST, String.valueOf(Beacon.dicomPort()));
        // DCMTK 3.6.7 names 0xA900 by its other meaning in PS3.7: "DataSetDoesNotMatchSOPClass"
        assertTrue(refused.output().contains("Final Find Response (Error: DataSetDoesNotMatchSOPClass)"),
                refused.output());
    }

    @Test
    void findscuPatientRootCountsThePatientsStudiesSeriesAndInstances(@TempDir Path dir) throws Exception {
        Dcmtk.require("findscu");
        List<Attributes> patients = findscu(dir, "-P", "-k", "QueryRetrieveLevel=PATIENT", "-k", "PatientID=" + prefix + "1",
                "-k", "PatientName", "-k", "NumberOfPatientRelatedStudies", "-k", "NumberOfPatientRelatedSeries",
                "-k", "NumberOfPatientRelatedInstances");
        assertEquals(1, patients.size());
        Set<String> hers = expected(s -> s.getString(Tag.PatientID).equals(prefix + "1"));
        assertEquals(String.valueOf(hers.size()), patients.get(0).getString(Tag.NumberOfPatientRelatedStudies));
        assertEquals(String.valueOf(hers.stream().mapToInt(u -> seriesOfStudy.get(u).size()).sum()),
                patients.get(0).getString(Tag.NumberOfPatientRelatedSeries));
        assertEquals(String.valueOf(hers.stream().mapToInt(instancesOfStudy::get).sum()),
                patients.get(0).getString(Tag.NumberOfPatientRelatedInstances));
        assertEquals("Alpha^Anna", patients.get(0).getString(Tag.PatientName));
        List<Attributes> herStudies = findscu(dir.resolve("studies"), "-P", "-k", "QueryRetrieveLevel=STUDY",
                "-k", "PatientID=" + prefix + "1", "-k", "StudyInstanceUID");
        assertEquals(hers, uids(herStudies, Tag.StudyInstanceUID));
    }

    @Test
    void findscuCancelsAfterTenResponses(@TempDir Path dir) throws Exception {
        Dcmtk.require("findscu");
        Dcmtk.Result r = Dcmtk.run("findscu", "-v", "-S", "--cancel", "10", "-aec", Beacon.AE_TITLE,
                "-k", "QueryRetrieveLevel=IMAGE", "-k", "StudyInstanceUID=" + bigStudy,
                "-k", "SeriesInstanceUID=" + bigSeries, "-k", "SOPInstanceUID", Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Cancel"), r.output());
        long pending = r.output().lines().filter(l -> l.contains("Find Response") && l.contains("Pending")).count();
        assertTrue(pending >= 10 && pending < 1000, pending + " pending responses: " + r.output());
    }

    @Test
    void dcmjsDimseFindsTheSameStudies() throws Exception {
        Dcmjs.require();
        Dcmjs.Found found = Dcmjs.find("DCMJS", Beacon.AE_TITLE, Beacon.dicomPort(), "STUDY",
                Json.createObjectBuilder().add("PatientID", prefix + "*").add("PatientName", "alpha*")
                        .add("StudyInstanceUID", "").add("StudyDate", "").build().toString());
        assertEquals(Status.SUCCESS, found.status());
        assertEquals(expected(s -> s.getString(Tag.PatientName).toUpperCase(Locale.ROOT).startsWith("ALPHA")),
                found.matches().stream().map(m -> m.getString("StudyInstanceUID"))
                        .collect(Collectors.toCollection(TreeSet::new)));
        found.matches().forEach(m -> assertEquals(studies.get(m.getString("StudyInstanceUID")).getString(Tag.StudyDate),
                m.getString("StudyDate")));
    }

    // ------------------------------------------------------------------------------------ our own SCU

    @Test
    void wildcardsUidListsEmptyValuesAndSequencesMatchAsPs34Says() throws Exception {
        assertEquals(expected(s -> s.getString(Tag.StudyDescription).equals("Knee_50%")),
                studyUids(keys("STUDY", Tag.StudyDescription, "Knee_50%")));
        assertEquals(expected(s -> s.getString(Tag.StudyDescription).equals("Knee_50%")),
                studyUids(keys("STUDY", Tag.StudyDescription, "Knee?50*")));
        assertEquals(Set.of(), studyUids(keys("STUDY", Tag.StudyDescription, "Knee%")), "% is no wildcard");
        assertEquals(Set.of(), studyUids(keys("STUDY", Tag.StudyDescription, "K_ee*")), "_ is no wildcard");
        List<String> two = new ArrayList<>(studies.keySet()).subList(1, 3);
        assertEquals(Set.copyOf(two), studyUids(keys("STUDY", Tag.StudyInstanceUID, String.join("\\", two))));
        assertEquals(expected(s -> s.getString(Tag.AccessionNumber) == null), studyUids(keys("STUDY",
                Tag.AccessionNumber, "\"\"")), "empty value matching");
        Attributes code = keys("STUDY");
        code.newSequence(Tag.ProcedureCodeSequence).addItem().setString(Tag.CodeValue, VR.SH, "X1");
        assertEquals(expected(s -> s.contains(Tag.ProcedureCodeSequence)
                && "X1".equals(s.getSequence(Tag.ProcedureCodeSequence).get(0).getString(Tag.CodeValue))),
                studyUids(code));
        assertEquals(expected(s -> s.getString(Tag.Modality).equals("CT")),
                studyUids(keys("STUDY", Tag.ModalitiesInStudy, "CT")));
        assertEquals(expected(s -> !s.getString(Tag.Modality).equals("MR")),
                studyUids(keys("STUDY", Tag.ModalitiesInStudy, "CT\\US")), "a list: any of them");
    }

    @Test
    void combinedDateAndTimeMatchingOnlyWhenNegotiated() throws Exception {
        Attributes k = keys("STUDY", Tag.StudyDate, "20240110-20240315", Tag.StudyTime, "1600-0900");
        // separately, 16:00-09:00 holds no time; combined: from Jan 10 16:00 to Mar 15 09:00
        assertEquals(Set.of(), uids(find(QueryRetrieve.STUDY_ROOT, k, null).matches, Tag.StudyInstanceUID));
        Set<String> expected = expected(s -> {
            String dt = s.getString(Tag.StudyDate) + pad(s.getString(Tag.StudyTime));
            return dt.compareTo("20240110160000") >= 0 && dt.compareTo("20240315090059") <= 0;
        });
        assertEquals(1, expected.size());
        assertEquals(expected, uids(find(QueryRetrieve.STUDY_ROOT, k, RELATIONAL_AND_COMBINED).matches,
                Tag.StudyInstanceUID));
    }

    private static String pad(String time) {
        return (time + "000000").substring(0, 6);
    }

    @Test
    void relationalQueriesOnlyWhenNegotiated() throws Exception {
        Attributes images = keys("IMAGE", Tag.PatientName, "GAMMA*", Tag.SOPInstanceUID, "");
        Found hierarchical = find(QueryRetrieve.PATIENT_ROOT, images, null);
        assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, hierarchical.status);
        assertTrue(hierarchical.comment.contains("PatientID"), hierarchical.comment);
        Found relational = find(QueryRetrieve.PATIENT_ROOT, images, RELATIONAL);
        assertEquals(Status.SUCCESS, relational.status);
        assertEquals(instancesOfStudy.get(expected(s -> s.getString(Tag.PatientName).startsWith("Gamma"))
                .iterator().next()), relational.matches.size());
    }

    @Test
    void patientStudyOnlyModelAnswersOldWorkstations() throws Exception {
        Attributes k = keys("STUDY", Tag.PatientID, prefix + "1");
        Found found = find(QueryRetrieve.PATIENT_STUDY_ONLY, k, null);
        assertEquals(Status.SUCCESS, found.status);
        assertEquals(expected(s -> s.getString(Tag.PatientID).equals(prefix + "1")),
                uids(found.matches, Tag.StudyInstanceUID));
        assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS,
                find(QueryRetrieve.PATIENT_STUDY_ONLY, keys("SERIES", Tag.PatientID, prefix + "1"), null).status);
    }

    @Test
    void badIdentifiersGetTheirStatusAndTheAssociationGoesOn() throws Exception {
        try (DicomClient c = client(QueryRetrieve.STUDY_ROOT, null, "QUERYSCU")) {
            Attributes noLevel = keys("STUDY");
            noLevel.remove(Tag.QueryRetrieveLevel);
            Found missing = find(c, QueryRetrieve.STUDY_ROOT, noLevel);
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, missing.status);
            assertTrue(missing.comment.contains("Query/Retrieve Level"), missing.comment);
            Found frame = find(c, QueryRetrieve.STUDY_ROOT, keys("FRAME"));
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, frame.status);
            assertTrue(frame.comment.contains("FRAME"), frame.comment);
            Found date = find(c, QueryRetrieve.STUDY_ROOT, keys("STUDY", Tag.StudyDate, "2024-01-01-2025"));
            assertEquals(Status.UNABLE_TO_PROCESS, date.status);
            assertTrue(date.comment.contains("StudyDate"), date.comment);
            Attributes twoItems = keys("STUDY");
            var seq = twoItems.newSequence(Tag.ProcedureCodeSequence);
            seq.addItem().setString(Tag.CodeValue, VR.SH, "X1");
            seq.addItem().setString(Tag.CodeValue, VR.SH, "Y2");
            assertEquals(Status.IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS, find(c, QueryRetrieve.STUDY_ROOT, twoItems).status);
            Found fine = find(c, QueryRetrieve.STUDY_ROOT, keys("STUDY"));
            assertEquals(Status.SUCCESS, fine.status, "the same association answers the next query");
            assertEquals(studies.size(), fine.matches.size());
            c.release();
        }
    }

    @Test
    void cancelInTheMiddleOfAThousandMatchesEndsWithCancel() throws Exception {
        try (DicomClient c = client(QueryRetrieve.STUDY_ROOT, null, "QUERYSCU")) {
            Attributes k = keys("IMAGE", Tag.StudyInstanceUID, bigStudy, Tag.SeriesInstanceUID, bigSeries);
            k.setNull(Tag.SOPInstanceUID, VR.UI);
            FindResults results = c.find(UID.StudyRootQueryRetrieveInformationModelFind, k);
            int n = 0;
            while (results.hasNext()) {
                results.next();
                if (++n == 20) {
                    results.cancel();
                }
            }
            assertEquals(Status.CANCEL, results.finalResponse().status());
            assertTrue(n >= 20 && n < 1000, n + " matches before the cancel took effect");
            // the same query to its end: all 1000
            assertEquals(1000, find(c, QueryRetrieve.STUDY_ROOT, k).matches.size());
            c.release();
        }
    }

    @Test
    void beyondTheMaximumNumberOfMatchesTheQueryEndsOutOfResources() throws Exception {
        try (Management m = new Management()) {
            m.systemProperty("beacon.query.max-matches", "7");
            try {
                Attributes k = keys("IMAGE", Tag.StudyInstanceUID, bigStudy, Tag.SeriesInstanceUID, bigSeries);
                Found found = find(QueryRetrieve.STUDY_ROOT, k, null);
                assertEquals(Status.OUT_OF_RESOURCES, found.status);
                assertEquals(7, found.matches.size());
                assertTrue(found.comment.contains("7"), found.comment);
            } finally {
                m.systemProperty("beacon.query.max-matches", "50000");
            }
        }
    }

    @Test
    void namesInOtherCharacterSetsComeBackInTheRequestorsOrUtf8() throws Exception {
        if (charsetFiles.isEmpty()) {
            return; // checked in store(): only outside CI
        }
        String uids = charsetFiles.stream().map(f -> f.getString(Tag.StudyInstanceUID)).collect(Collectors.joining("\\"));
        for (String requested : List.of("ISO_IR 100", "GB18030", "ISO_IR 192")) {
            Attributes k = new Attributes();
            k.setString(Tag.SpecificCharacterSet, VR.CS, requested);
            k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
            k.setString(Tag.StudyInstanceUID, VR.UI, uids.split("\\\\"));
            k.setNull(Tag.PatientName, VR.PN);
            Found found = find(QueryRetrieve.STUDY_ROOT, k, null);
            assertEquals(charsetFiles.size(), found.matches.size(), requested);
            for (Attributes a : found.matches) {
                Attributes stored = charsetFiles.stream().filter(f -> f.getString(Tag.StudyInstanceUID)
                        .equals(a.getString(Tag.StudyInstanceUID))).findFirst().orElseThrow();
                String name = stored.getString(Tag.PatientName);
                assertEquals(name, a.getString(Tag.PatientName), requested + ": the name as stored, decoded");
                boolean fits = org.beaconpacs.dicom.charset.SpecificCharacterSet.valueOf(requested).canEncode(name, true);
                assertEquals(fits ? requested : "ISO_IR 192", a.getString(Tag.SpecificCharacterSet), requested + " " + name);
            }
        }
        // matching in the requestor's character set: an ideographic group, sent in GB18030
        Attributes stored = charsetFiles.stream().filter(f -> "GB18030".equals(f.getString(Tag.SpecificCharacterSet)))
                .findFirst().orElseThrow();
        String ideographic = stored.getString(Tag.PatientName).split("=")[1];
        Attributes k = new Attributes();
        k.setString(Tag.SpecificCharacterSet, VR.CS, "GB18030");
        k.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        k.setString(Tag.StudyInstanceUID, VR.UI, uids.split("\\\\"));
        k.setString(Tag.PatientName, VR.PN, ideographic);
        Set<String> expected = charsetFiles.stream().filter(f -> Arrays.asList(f.getString(Tag.PatientName).split("="))
                .contains(ideographic)).map(f -> f.getString(Tag.StudyInstanceUID)).collect(Collectors.toSet());
        assertEquals(expected, uids(find(QueryRetrieve.STUDY_ROOT, k, null).matches, Tag.StudyInstanceUID));
    }

    @Test
    void anAeThatMayNotQueryIsRefusedNotAuthorized() throws Exception {
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "NOQUERY")
                .add("host", "127.0.0.1").add("port", 104).add("mayQuery", false).build().toString()).statusCode());
        try (DicomClient c = client(QueryRetrieve.STUDY_ROOT, null, "NOQUERY")) {
            Found refused = find(c, QueryRetrieve.STUDY_ROOT, keys("STUDY"));
            assertEquals(Status.NOT_AUTHORIZED, refused.status);
            assertTrue(refused.comment.contains("mayQuery"), refused.comment);
            c.release();
        } finally {
            Beacon.api("DELETE", "/aes/NOQUERY", null);
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private enum QueryRetrieve {
        PATIENT_ROOT(UID.PatientRootQueryRetrieveInformationModelFind),
        STUDY_ROOT(UID.StudyRootQueryRetrieveInformationModelFind),
        PATIENT_STUDY_ONLY(UID.PatientStudyOnlyQueryRetrieveInformationModelFind);

        final String sopClass;

        QueryRetrieve(String sopClass) {
            this.sopClass = sopClass;
        }
    }

    private record Found(int status, String comment, List<Attributes> matches) {
    }

    /** An identifier at {@code level} with this run's patients and the Study Instance UID asked for. */
    private Attributes keys(String level, Object... tagsAndValues) {
        Attributes k = new Attributes();
        k.setString(Tag.QueryRetrieveLevel, VR.CS, level);
        if (!level.equals("FRAME")) {
            k.setString(Tag.PatientID, VR.LO, prefix + "*");
        }
        k.setNull(Tag.StudyInstanceUID, VR.UI);
        for (int i = 0; i < tagsAndValues.length; i += 2) {
            int tag = (Integer) tagsAndValues[i];
            String value = (String) tagsAndValues[i + 1];
            VR vr = org.beaconpacs.dicom.dict.ElementDictionary.vrOf(tag);
            k.setString(tag, vr, value.isEmpty() ? new String[0] : value.split("\\\\"));
        }
        return k;
    }

    private DicomClient client(QueryRetrieve model, byte[] extended, String callingAe) throws IOException {
        AAssociateRQ rq = DicomClient.request(callingAe, Beacon.AE_TITLE);
        rq.addPresentationContext(PresentationContext.rq(1, model.sopClass, UID.ExplicitVRLittleEndian));
        if (extended != null) {
            rq.addExtendedNegotiation(model.sopClass, extended);
        }
        return DicomClient.connect(Beacon.HOST, Beacon.dicomPort(), rq, Timeouts.DEFAULT);
    }

    private Found find(QueryRetrieve model, Attributes keys, byte[] extended) throws IOException {
        try (DicomClient c = client(model, extended, "QUERYSCU")) {
            Found f = find(c, model, keys);
            c.release();
            return f;
        }
    }

    private static Found find(DicomClient c, QueryRetrieve model, Attributes keys) throws IOException {
        FindResults results = c.find(model.sopClass, keys);
        List<Attributes> matches = new ArrayList<>();
        results.forEachRemaining(matches::add);
        Command last = results.finalResponse();
        assertNotNull(last);
        return new Found(last.status(), String.valueOf(last.errorComment()), matches);
    }

    private Set<String> studyUids(Attributes keys) throws IOException {
        Found f = find(QueryRetrieve.STUDY_ROOT, keys, null);
        assertEquals(Status.SUCCESS, f.status, f.comment);
        return uids(f.matches, Tag.StudyInstanceUID);
    }

    private Set<String> expected(Predicate<Attributes> filter) {
        return studies.entrySet().stream().filter(e -> filter.test(e.getValue())).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> uids(List<Attributes> answers, int tag) {
        return answers.stream().map(a -> a.getString(tag)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Runs findscu with -X into {@code dir} and reads its answers. */
    private static List<Attributes> findscu(Path dir, String... args) throws Exception {
        Files.createDirectories(dir);
        List<String> cmd = new ArrayList<>(List.of("findscu", "-X", "-od", dir.toString(), "-aet", "QUERYSCU",
                "-aec", Beacon.AE_TITLE));
        cmd.addAll(List.of(args));
        cmd.add(Beacon.HOST);
        cmd.add(String.valueOf(Beacon.dicomPort()));
        Dcmtk.Result r = Dcmtk.run(cmd.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.output());
        try (Stream<Path> files = Files.list(dir)) {
            List<Attributes> answers = new ArrayList<>();
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("rsp")).sorted().toList()) {
                answers.add(read(f).dataset());
            }
            return answers;
        }
    }

    private static DicomFile read(Path file) throws IOException {
        try (DicomReader reader = DicomReader.open(file)) {
            return reader.readFile();
        }
    }
}
