package org.beaconpacs.archive.it;

import static org.beaconpacs.archive.it.testing.CtStore.store;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.file.Path;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.archive.it.testing.CtStore;
import org.beaconpacs.archive.it.testing.Synthetic;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.beaconpacs.dicom.uid.UIDs;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The permission flags of a configured remote AE are enforced: a C-STORE from an AE that may not store is
 * refused with 0x0124 (Refused: Not Authorized) and an error comment naming the flag, nothing is kept, and
 * a change of the flag takes effect at once. Unconfigured AEs keep the "accept" policy's defaults.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PermissionsIT {

    @Test
    void anAeThatMayNotStoreIsRefusedNotAuthorizedUntilItMay(@TempDir Path dir) throws Exception {
        Dcmtk.require("storescu");
        assertEquals(201, Beacon.api("POST", "/aes", Json.createObjectBuilder().add("aeTitle", "NOSTORE")
                .add("host", "127.0.0.1").add("port", 104).add("mayStore", false).build().toString()).statusCode());
        try {
            String study = UIDs.createUID();
            Attributes ds = Synthetic.ct("PERM1", "Permission^Store", study, UIDs.createUID(), 1, 1024);
            try (DicomClient c = CtStore.client("NOSTORE")) {
                Command refused = store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds));
                assertEquals(Status.NOT_AUTHORIZED, refused.status());
                assertTrue(refused.errorComment().contains("mayStore"), refused.errorComment());
                c.release();
            }
            // DCMTK hears the same refusal
            Path file = Synthetic.write(ds, dir.resolve("perm.dcm"));
            Dcmtk.Result storescu = Dcmtk.run("storescu", "-v", "-aet", "NOSTORE", "-aec", Beacon.AE_TITLE,
                    Beacon.HOST, String.valueOf(Beacon.dicomPort()), file.toString());
            // DCMTK 3.6.7 names no C-STORE status 0x0124: "Unknown Status: 0x124"
            assertTrue(storescu.output().contains("Status: 0x124"), storescu.output());
            assertEquals(404, Beacon.api("GET", "/studies/" + study, null).statusCode(), "nothing kept");

            JsonObject ae = Beacon.object(Beacon.api("GET", "/aes/NOSTORE", null));
            assertEquals(200, Beacon.api("PUT", "/aes/NOSTORE", Json.createObjectBuilder(ae).add("mayStore", true)
                    .build().toString()).statusCode());
            Dcmtk.Result allowed = Dcmtk.run("storescu", "-aet", "NOSTORE", "-aec", Beacon.AE_TITLE, Beacon.HOST,
                    String.valueOf(Beacon.dicomPort()), file.toString());
            assertEquals(0, allowed.exitCode(), allowed.output());
            assertEquals(1, Beacon.object(Beacon.api("GET", "/studies/" + study, null)).getInt("numberOfInstances"),
                    "stored at once after the change");
            assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
        } finally {
            Beacon.api("DELETE", "/aes/NOSTORE", null);
        }
    }

    @Test
    void anUnconfiguredAeUnderTheAcceptPolicyMayStoreAsBefore() throws Exception {
        String study = UIDs.createUID();
        Attributes ds = Synthetic.ct("PERM2", "Permission^Default", study, UIDs.createUID(), 1, 1024);
        try (DicomClient c = CtStore.client("NEVERSEEN")) {
            assertEquals(Status.SUCCESS, store(c, ds.getString(Tag.SOPInstanceUID), Synthetic.encode(ds)).status());
            c.release();
        }
        assertEquals(204, Beacon.api("DELETE", "/studies/" + study, null).statusCode());
    }
}
