package org.beaconpacs.archive.remote;

import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.beaconpacs.archive.config.AeConfigService;
import org.beaconpacs.archive.config.AeDto;
import org.beaconpacs.archive.config.AeNotFoundException;
import org.beaconpacs.archive.config.Settings;
import org.beaconpacs.archive.rar.api.DicomConnection;
import org.beaconpacs.archive.rar.api.DicomConnectionFactory;
import org.beaconpacs.archive.retrieve.TransferResult;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.ElementDictionary;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.dict.UID;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.net.dimse.Command;
import org.beaconpacs.dicom.net.dimse.Status;
import org.beaconpacs.dicom.net.pdu.AAssociateRQ;
import org.beaconpacs.dicom.net.pdu.PresentationContext;
import org.beaconpacs.dicom.net.scu.DicomClient;
import org.beaconpacs.dicom.net.scu.FindResults;
import org.beaconpacs.dicom.net.scu.Response;

/**
 * Another archive as an administrator uses it from the console or REST: a Study Root C-FIND to it, and a
 * C-MOVE from it into this archive (the remote archive must know this archive's AE title as a move
 * destination). Through the resource adapter's outbound side, as the local AE title.
 */
@ApplicationScoped
public class RemoteArchiveService {

    /** More matches than this are cut: the console lists them, nobody reads 10,000 rows. */
    public static final int MAX_MATCHES = 1000;
    /** Returned when the caller names no keys of its own. */
    private static final Map<String, List<String>> DEFAULT_KEYS = Map.of(
            "STUDY", List.of("PatientName", "PatientID", "PatientBirthDate", "StudyDate", "StudyTime",
                    "AccessionNumber", "StudyDescription", "ModalitiesInStudy", "NumberOfStudyRelatedSeries",
                    "NumberOfStudyRelatedInstances", "StudyInstanceUID"),
            "SERIES", List.of("Modality", "SeriesNumber", "SeriesDescription", "NumberOfSeriesRelatedInstances",
                    "SeriesInstanceUID"),
            "IMAGE", List.of("InstanceNumber", "SOPClassUID", "SOPInstanceUID"));

    @EJB
    private AeConfigService config;
    @Resource(lookup = DicomConnectionFactory.JNDI_NAME)
    private DicomConnectionFactory dicom;

    /**
     * A Study Root C-FIND at {@code level} (STUDY, SERIES or IMAGE) with {@code keys} (keyword to value, an
     * empty value asks for the attribute), at most {@link #MAX_MATCHES} matches.
     */
    public List<Attributes> find(String aeTitle, String level, Map<String, String> keys) {
        AeDto ae = remote(aeTitle);
        String lvl = level == null ? "STUDY" : level.strip().toUpperCase(java.util.Locale.ROOT);
        if (!DEFAULT_KEYS.containsKey(lvl)) {
            throw new IllegalArgumentException("level must be STUDY, SERIES or IMAGE, not " + level);
        }
        Attributes identifier = new Attributes();
        identifier.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, lvl);
        DEFAULT_KEYS.get(lvl).forEach(k -> identifier.setNull(ElementDictionary.tagOf(k), ElementDictionary.vrOf(
                ElementDictionary.tagOf(k))));
        if (keys != null) {
            keys.forEach((keyword, value) -> {
                int tag = ElementDictionary.tagOf(keyword);
                if (tag == -1) {
                    throw new IllegalArgumentException("no attribute keyword " + keyword);
                }
                VR vr = ElementDictionary.vrOf(tag);
                identifier.setString(tag, vr, value == null || value.isEmpty() ? new String[0] : value.split("\\\\"));
            });
        }
        String sopClass = UID.StudyRootQueryRetrieveInformationModelFind;
        List<Attributes> matches = new ArrayList<>();
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(host(ae), ae.port(), ae.tls(), proposal(ae, sopClass))) {
            FindResults results = client.find(sopClass, identifier);
            while (results.hasNext()) {
                Attributes match = results.next();
                if (matches.size() < MAX_MATCHES) {
                    matches.add(match);
                } else if (matches.size() == MAX_MATCHES) {
                    results.cancel();
                }
            }
            int status = results.finalResponse().status();
            if (Status.category(status) == Status.Category.FAILURE) {
                throw new RemoteArchiveException(ae.aeTitle() + " answered the C-FIND with " + Status.toString(status)
                        + describe(results.finalResponse()), null);
            }
            client.release();
        } catch (IOException | jakarta.resource.ResourceException e) {
            throw new RemoteArchiveException("C-FIND to " + ae.aeTitle() + " at " + host(ae) + ":" + ae.port()
                    + " failed: " + e.getMessage(), e);
        }
        return matches;
    }

    /** A C-MOVE of one study from {@code aeTitle} to this archive; the final response's counts. */
    public TransferResult pull(String aeTitle, String studyUid) {
        AeDto ae = remote(aeTitle);
        Attributes identifier = new Attributes();
        identifier.setString(Tag.QueryRetrieveLevel, VR.CS, "STUDY");
        identifier.setString(Tag.StudyInstanceUID, VR.UI, studyUid);
        String sopClass = UID.StudyRootQueryRetrieveInformationModelMove;
        try (DicomConnection connection = dicom.getConnection();
             DicomClient client = connection.open(host(ae), ae.port(), ae.tls(), proposal(ae, sopClass))) {
            Response rsp = client.move(sopClass, identifier, Settings.localAeTitle());
            client.release();
            Command c = rsp.command();
            return new TransferResult(studyUid, ae.aeTitle(), Math.max(0, c.completedSubOperations()),
                    Math.max(0, c.failedSubOperations()), Math.max(0, c.warningSubOperations()), c.status(),
                    c.status() == Status.SUCCESS ? null : Status.toString(c.status()) + describe(c));
        } catch (IOException | jakarta.resource.ResourceException e) {
            throw new RemoteArchiveException("C-MOVE from " + ae.aeTitle() + " at " + host(ae) + ":" + ae.port()
                    + " failed: " + e.getMessage(), e);
        }
    }

    /** The configured remote AE {@code aeTitle} with a host and port; AeNotFoundException otherwise. */
    public AeDto remote(String aeTitle) {
        return config.find(aeTitle).filter(a -> !a.local() && a.host() != null && a.port() != null)
                .orElseThrow(() -> new AeNotFoundException(aeTitle));
    }

    /** Where to connect to {@code ae}: its host, the loopback address for "any address". */
    public static String host(AeDto ae) {
        return ae.host().equals("0.0.0.0") ? "127.0.0.1" : ae.host();
    }

    private static AAssociateRQ proposal(AeDto ae, String sopClass) {
        AAssociateRQ rq = DicomClient.request(Settings.localAeTitle(), ae.aeTitle());
        rq.addPresentationContext(PresentationContext.rq(1, sopClass, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN.uid(),
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN.uid()));
        return rq;
    }

    private static String describe(Command c) {
        return c.errorComment() == null ? "" : ": " + c.errorComment();
    }
}
