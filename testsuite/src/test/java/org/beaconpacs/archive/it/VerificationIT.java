package org.beaconpacs.archive.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import org.beaconpacs.archive.it.testing.Beacon;
import org.beaconpacs.dicom.net.testing.Dcmtk;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** First light: DCMTK's echoscu against the deployed archive, and the rejections it must give. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class VerificationIT {

    private static Dcmtk.Result echoscu(String calling, String called) throws Exception {
        Dcmtk.require("echoscu");
        return Dcmtk.run("echoscu", "-v", "-aet", calling, "-aec", called, Beacon.HOST,
                String.valueOf(Beacon.dicomPort()));
    }

    @Test
    void echoscuIsAnsweredWithSuccess() throws Exception {
        Dcmtk.Result r = echoscu("ECHOSCU", Beacon.AE_TITLE);
        assertEquals(0, r.exitCode(), r.output());
        assertTrue(r.output().contains("Received Echo Response (Success)"), r.output());
    }

    @Test
    void anUnknownCalledAeTitleIsRejected() throws Exception {
        Dcmtk.Result r = echoscu("ECHOSCU", "NOSUCHAE");
        assertNotEquals(0, r.exitCode());
        assertTrue(r.output().contains("Rejected Permanent, Source: Service User"), r.output());
        assertTrue(r.output().contains("Reason: Called AE Title Not Recognized"), r.output());
    }

    @Test
    void withKnownOnlyAnUnknownCallingAeIsRejectedAndAConfiguredOneAccepted() throws Exception {
        Beacon.createRemoteAe("KNOWNSCU", "127.0.0.1", 104);
        assertEquals(200, Beacon.api("PUT", "/settings", "{\"callingAes\":\"known-only\"}").statusCode());
        try {
            Dcmtk.Result unknown = echoscu("STRANGER", Beacon.AE_TITLE);
            assertNotEquals(0, unknown.exitCode());
            assertTrue(unknown.output().contains("Reason: Calling AE Title Not Recognized"), unknown.output());
            assertEquals(0, echoscu("KNOWNSCU", Beacon.AE_TITLE).exitCode());
        } finally {
            assertEquals(200, Beacon.api("PUT", "/settings", "{\"callingAes\":\"accept\"}").statusCode());
            Beacon.api("DELETE", "/aes/KNOWNSCU", null);
        }
        assertEquals(0, echoscu("STRANGER", Beacon.AE_TITLE).exitCode(), "accepted again once the policy is back");
    }

    @Test
    void everyAssociationLeavesAnActivityRecordWithItsNegotiationAndTrace() throws Exception {
        assertEquals(0, echoscu("RECORDED", Beacon.AE_TITLE).exitCode());
        echoscu("RECORDED", "NOSUCHAE");
        JsonObject rejected = null;
        JsonObject released = null;
        for (var v : Beacon.array(Beacon.api("GET", "/activity?max=50", null))) {
            JsonObject r = v.asJsonObject();
            if (!"RECORDED".equals(r.getString("callingAe", null))) {
                continue;
            }
            if (rejected == null && "REJECTED".equals(r.getString("outcome"))) {
                rejected = r;
            }
            if (released == null && "RELEASED".equals(r.getString("outcome"))) {
                released = r;
            }
        }
        assertTrue(released != null && rejected != null, "both associations recorded");
        assertEquals("called AE title not recognized", rejected.getString("outcomeDetail"));
        assertFalse(released.getString("node", "").isBlank(), "the node that served it: " + released);
        assertEquals(1, released.getJsonObject("requests").getInt("C-ECHO-RQ"));
        JsonObject context = released.getJsonArray("contexts").getJsonObject(0);
        assertEquals("1.2.840.10008.1.1", context.getString("abstractSyntax"));
        assertEquals(0, context.getInt("result"));
        assertEquals("OFFIS_DCMTK_367".substring(0, 11), released.getString("peerImplementationVersion").substring(0, 11));
        JsonObject message = released.getJsonArray("messages").getJsonObject(0);
        assertEquals("C-ECHO-RQ", message.getString("command"));
        assertEquals(0, message.getInt("status"));
        assertTrue(released.getJsonNumber("bytesReceived").longValue() > 0);
    }
}
