package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.PostgresIndex;
import org.beaconpacs.archive.it.testing.Storage;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Patients under concurrent stores and deletes: the delete of a patient's last study meeting the store of
 * a new study of theirs (neither side fails, and the patient is there exactly when a study of theirs is;
 * the test plays one side in its own PostgreSQL session, its transaction held open until the archive's
 * waits for it), and new studies of one new patient arriving at once (one patient). The PostgreSQL phase
 * only: the test reads the patient rows, and the H2 phase's database is inside the server.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "test.db", matches = "postgresql") // and left out of the H2 phase (pom)
class PatientRacePostgresIT {

    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);

    @Test
    void aDeleteKeepsThePatientOfANewStudyBeingStored() throws Exception {
        String pid = "RACE-" + System.nanoTime();
        String old = storeOneCt(pid);
        String arriving = UIDs.createUID();
        HttpResponse<String> deleted;
        try (Connection store = PostgresIndex.connect()) {
            // what a store of a new study of this patient does before it commits
            long patient = PostgresIndex.number(store, "select id from patient where patient_id = ? for share", pid);
            PostgresIndex.update(store, "insert into study (patient_fk, study_uid, number_of_series, "
                    + "number_of_instances, size_bytes, status, created, updated) values (?, ?, 0, 0, 0, 'ACTIVE', "
                    + "now(), now())", patient, arriving);
            CompletableFuture<HttpResponse<String>> delete = CompletableFuture.supplyAsync(() -> api("DELETE",
                    "/studies/" + old));
            PostgresIndex.awaitSomeoneWaitingForALock(LOCK_WAIT);
            store.commit();
            deleted = delete.get(60, TimeUnit.SECONDS);
        }
        assertEquals(204, deleted.statusCode(), deleted.body());
        assertEquals(404, Beacon.api("GET", "/studies/" + old, null).statusCode());
        try (Connection c = PostgresIndex.connect()) {
            assertEquals(1, PostgresIndex.number(c, "select count(*) from patient p join study s on s.patient_fk = p.id "
                    + "where p.patient_id = ? and s.study_uid = ?", pid, arriving), "the patient stays, with the new study");
        }
        assertEquals(204, Beacon.api("DELETE", "/studies/" + arriving, null).statusCode());
    }

    @Test
    void aStoreOfANewStudyCreatesThePatientADeleteRemovedMeanwhile() throws Exception {
        String pid = "RACE-" + System.nanoTime();
        String old = storeOneCt(pid);
        Path oldFile = Storage.root().resolve(Storage.onlyInstance(old).getString("path"));
        Attributes ct = Synthetic.ct(pid, "Race^Store", UIDs.createUID(), UIDs.createUID(), 1, 1024);
        String arriving = ct.getString(Tag.StudyInstanceUID);
        long oldPatient;
        Command stored;
        try (Connection delete = PostgresIndex.connect(); DicomClient c = CtStore.client("RACESCU")) {
            // what the delete of the patient's last study does before it commits
            oldPatient = PostgresIndex.number(delete, "select id from patient where patient_id = ? for update", pid);
            String ofStudy = "select i.id from instance i join series s on i.series_fk = s.id join study st on "
                    + "s.study_fk = st.id where st.study_uid = ?";
            PostgresIndex.update(delete, "delete from stored_object where instance_fk in (" + ofStudy + ")", old);
            PostgresIndex.update(delete, "delete from instance where id in (" + ofStudy + ")", old);
            PostgresIndex.update(delete, "delete from series where study_fk in (select id from study where study_uid = ?)",
                    old);
            PostgresIndex.update(delete, "delete from study where study_uid = ?", old);
            PostgresIndex.update(delete, "delete from patient where id = ?", oldPatient);
            CompletableFuture<Command> store = CompletableFuture.supplyAsync(() -> {
                try {
                    return store(c, ct.getString(Tag.SOPInstanceUID), Synthetic.encode(ct));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            PostgresIndex.awaitSomeoneWaitingForALock(LOCK_WAIT);
            delete.commit();
            Files.delete(oldFile); // the delete's files, which the test's rows stood for
            stored = store.get(60, TimeUnit.SECONDS);
            c.release();
        }
        assertEquals(0, stored.status(), "status " + Integer.toHexString(stored.status()) + ": "
                + stored.errorComment());
        try (Connection c = PostgresIndex.connect()) {
            long patient = PostgresIndex.number(c, "select p.id from patient p join study s on s.patient_fk = p.id "
                    + "where s.study_uid = ?", arriving);
            assertNotEquals(oldPatient, patient, "a new patient row");
            assertEquals(1, PostgresIndex.number(c, "select count(*) from patient where patient_id = ?", pid));
        }
        assertEquals(204, Beacon.api("DELETE", "/studies/" + arriving, null).statusCode());
        assertFalse(Files.exists(oldFile));
    }

    @Test
    void newStudiesOfOneNewPatientArrivingAtOnceMakeOnePatient(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        String pid = "RACE-" + System.nanoTime();
        List<String> studies = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            Attributes ct = Synthetic.ct(pid, "Race^Eight", UIDs.createUID(), UIDs.createUID(), 1, 1024);
            studies.add(ct.getString(Tag.StudyInstanceUID));
            files.add(Synthetic.write(ct, dir.resolve(i + ".dcm")));
        }
        // eight DCMTK storescu at once, each the first object of a new study of the same new patient
        List<CompletableFuture<Dcmtk.Result>> sends = new ArrayList<>();
        for (Path f : files) {
            sends.add(CompletableFuture.supplyAsync(() -> {
                try {
                    return Dcmtk.run("storescu", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                            String.valueOf(Beacon.dicomPort()), f.toString());
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (var send : sends) {
            Dcmtk.Result r = send.get(120, TimeUnit.SECONDS);
            assertEquals(0, r.exitCode(), r.output());
        }
        try (Connection c = PostgresIndex.connect()) {
            assertEquals(1, PostgresIndex.number(c, "select count(*) from patient where patient_id = ?", pid),
                    "one patient");
            assertEquals(8, PostgresIndex.number(c, "select count(*) from study s join patient p on s.patient_fk = "
                    + "p.id where p.patient_id = ?", pid), "with the eight studies");
        }
        for (String study : studies) {
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
        }
    }

    /** A new study of one CT for patient {@code pid}; its Study Instance UID. */
    private static String storeOneCt(String pid) throws Exception {
        String study = UIDs.createUID();
        try (DicomClient c = CtStore.client("RACESCU")) {
            CtStore.storeSeries(c, pid, "Race^Store", study, UIDs.createUID(), 1, 1);
            c.release();
        }
        return study;
    }

    private static HttpResponse<String> api(String method, String path) {
        try {
            return Beacon.api(method, path, null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
