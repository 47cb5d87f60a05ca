package org.beaconpacs.archive.verification;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.input.Problem;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.association.AssociationException;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;

/**
 * Verification SCU: "does it talk DICOM?" A C-ECHO to a configured remote AE through the resource
 * adapter, answered with the round-trip time or the reason it failed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EchoService {

    @EJB
    private AeConfigService config;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    public EchoResult echo(String aeTitle) {
        AeDto ae = config.find(aeTitle).orElseThrow(() -> new AeNotFoundException(aeTitle));
        String host = ae.host() == null || ae.host().equals("0.0.0.0") ? "127.0.0.1" : ae.host();
        int port = ae.port();
        AAssociateRQ rq = DicomClient.request(Settings.localAeTitle(), ae.aeTitle());
        rq.addPresentationContext(PresentationContext.rq(1, UID.Verification,
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        long start = System.nanoTime();
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(host, port, ae.tls(), rq)) {
            int status = client.echo();
            long millis = (System.nanoTime() - start) / 1_000_000;
            client.release();
            return new EchoResult(ae.aeTitle(), host, port, status == Status.SUCCESS, status, millis,
                    status == Status.SUCCESS ? null : new Problem("echo.status", Status.toString(status)));
        } catch (AssociationException e) {
            Problem why = e.rejection() != null ? rejected(e.rejection())
                    : e.abort() != null ? new Problem("echo.aborted", host, port, e.abort().toString())
                    : new Problem("echo.other", e.getMessage());
            return failed(ae, host, port, start, why);
        } catch (ConnectException e) {
            return failed(ae, host, port, start, new Problem("echo.refused", host, port));
        } catch (SocketTimeoutException e) {
            return failed(ae, host, port, start, new Problem("echo.timeout", host, port));
        } catch (UnknownHostException e) {
            return failed(ae, host, port, start, new Problem("echo.unknownHost", host));
        } catch (NoRouteToHostException e) {
            return failed(ae, host, port, start, new Problem("echo.noRoute", host));
        } catch (IOException | jakarta.resource.ResourceException | RuntimeException e) {
            return failed(ae, host, port, start, new Problem("echo.other",
                    e.getMessage() == null ? e.toString() : e.getMessage()));
        }
    }

    /** The reasons of PS3.8 table 9-21 by source and reason, each in words; others as the PDU says. */
    private static final java.util.Set<String> REJECTIONS = java.util.Set.of("1.1", "1.2", "1.3", "1.7", "2.1", "2.2",
            "3.1", "3.2");

    private static Problem rejected(org.beaconpacs.dicom.net.pdu.AAssociateRJ rj) {
        String key = rj.source() + "." + rj.reason();
        return REJECTIONS.contains(key) ? new Problem("echo.rejected." + key)
                : new Problem("echo.rejected", rj.reasonText());
    }

    private static EchoResult failed(AeDto ae, String host, int port, long start, Problem reason) {
        return new EchoResult(ae.aeTitle(), host, port, false, null, (System.nanoTime() - start) / 1_000_000,
                reason);
    }
}
