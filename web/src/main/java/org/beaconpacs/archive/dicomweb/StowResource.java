package org.beaconpacs.archive.dicomweb;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import org.beaconpacs.archive.storage.StorageRuntime;
import org.beaconpacs.archive.storage.StorageService;
import org.beaconpacs.archive.storage.StoreContext;
import org.beaconpacs.archive.storage.StoreOutcome;
import org.beaconpacs.archive.storage.StoreRequest;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.io.DicomWriter;
import org.beaconpacs.dicom.io.TransferSyntax;
import org.beaconpacs.dicom.json.DicomJsonWriter;

/**
 * STOW-RS (PS3.18 10.5): Part 10 files in {@code multipart/related; type="application/dicom"}, each part
 * checked ({@link Part10Input}), or DICOM JSON with bulk data parts in {@code type="application/dicom+json"}
 * ({@link StowJsonInput}), stored through the archive's one store path (the same durability and
 * digest as C-STORE), answered with the Store Instances Response (PS3.18 Table 10.5.3-1): the stored
 * instances with their RetrieveURL, the failed ones with their Failure Reason; 200 when all were stored,
 * 202 when some failed or were kept with a warning, 409 when none was stored.
 */
@Path("/")
public class StowResource {

    /** A part the store cannot understand: not Part 10, a meta group that cannot be read (PS3.18 Table I.2-1). */
    static final int CANNOT_UNDERSTAND = 0xC000;
    static final int DOES_NOT_MATCH = 0xA900;
    static final int OUT_OF_RESOURCES = 0xA700;
    static final int PROCESSING_FAILURE = 0x0110;
    static final int ELEMENTS_DISCARDED = 0xB006;

    /** Why each part failed, for the Warning headers (a Failure Reason is a number). */
    private final java.util.List<String> reasons = new java.util.ArrayList<>();

    @Inject
    private StorageService storage;
    @jakarta.ejb.EJB
    private StorageRuntime runtime;
    @Context
    private UriInfo uri;
    @Context
    private SecurityContext security;

    @POST
    @Path("studies")
    @Consumes("multipart/related")
    @Produces({QidoResource.DICOM_JSON, "application/json"})
    public Response store(@HeaderParam(HttpHeaders.CONTENT_TYPE) String type, InputStream body) throws IOException {
        return stow(null, type, body);
    }

    @POST
    @Path("studies/{study}")
    @Consumes("multipart/related")
    @Produces({QidoResource.DICOM_JSON, "application/json"})
    public Response storeInto(@PathParam("study") String study, @HeaderParam(HttpHeaders.CONTENT_TYPE) String type,
                              InputStream body) throws IOException {
        return stow(study, type, body);
    }

    private Response stow(String study, String contentType, InputStream body) throws IOException {
        String parts = MultipartStream.parameter(contentType, "type");
        boolean json = QidoResource.DICOM_JSON.equalsIgnoreCase(parts);
        if (parts == null || !json && !parts.equalsIgnoreCase("application/dicom")) {
            throw new NotSupportedException("STOW-RS takes multipart/related; type=\"application/dicom\" (Part 10 "
                    + "files) or type=\"application/dicom+json\" (metadata and bulk data), not " + parts);
        }
        String boundary = MultipartStream.boundary(contentType);
        if (boundary == null) {
            throw new InvalidParameterException("the Content-Type has no boundary");
        }
        String user = security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
        StoreContext ctx = new StoreContext(StoreContext.Source.STOW, user, null, null);
        Attributes rsp = new Attributes();
        Sequence stored = rsp.newSequence(Tag.ReferencedSOPSequence);
        Sequence failed = rsp.newSequence(Tag.FailedSOPSequence);
        MultipartStream multipart = new MultipartStream(body, boundary);
        boolean warning = json ? storeJson(study, ctx, multipart, stored, failed)
                : storeFiles(study, ctx, multipart, stored, failed);
        for (Attributes item : stored) {
            // where each stored instance is retrieved (the study's own RetrieveURL needs its UID: the item's)
            item.setString(Tag.RetrieveURL, VR.UR, uri.getBaseUri() + "instances?SOPInstanceUID="
                    + item.getString(Tag.ReferencedSOPInstanceUID));
        }
        if (study != null) {
            rsp.setString(Tag.RetrieveURL, VR.UR, uri.getBaseUri() + "studies/" + study);
        }
        if (failed.isEmpty()) {
            rsp.remove(Tag.FailedSOPSequence);
        }
        int status = stored.isEmpty() ? 409 : failed.isEmpty() && !warning ? 200 : 202;
        if (stored.isEmpty() && failed.isEmpty()) {
            status = 400;
        }
        Response.ResponseBuilder answer = Response.status(status).type(QidoResource.DICOM_JSON)
                .entity(new DicomJsonWriter((a, t, v, x) -> null).toJson(rsp));
        for (String reason : reasons) {
            // a header carries printable ASCII only: a reason quoting the input (binary, non-Latin) must not break it
            String text = reason.replace('"', '\'').replaceAll("[^\\x20-\\x7E]", "?");
            answer.header("Warning", "299 " + uri.getBaseUri() + ": \"" + text + "\"");
        }
        return answer.build();
    }

    /** Part 10 files, each checked and stored as it streams in; true if one was kept with a warning. */
    private boolean storeFiles(String study, StoreContext ctx, MultipartStream multipart, Sequence stored,
                               Sequence failed) throws IOException {
        boolean warning = false;
        MultipartStream.Part part;
        while ((part = multipart.next()) != null) {
            Part10Input file;
            try {
                file = Part10Input.read(part.content());
            } catch (Part10Input.Refused e) {
                failed(failed, null, null, CANNOT_UNDERSTAND, e.getMessage());
                continue;
            }
            InputStream dataset = new BufferedInputStream(file.dataset(), 64 * 1024);
            String itsStudy = study == null ? null : studyOf(dataset, file.transferSyntax());
            if (itsStudy != null && !study.equals(itsStudy)) {
                failed(failed, file.sopClass(), file.sopInstance(), DOES_NOT_MATCH,
                        "not an instance of study " + study);
                continue;
            }
            warning |= record(storage.store(new StoreRequest(ctx, file.sopClass(), file.sopInstance(),
                    file.transferSyntax(), dataset)), file.sopClass(), file.sopInstance(), stored, failed);
        }
        return warning;
    }

    /**
     * DICOM JSON data sets with their bulk data parts: all parts spooled first (the metadata may come before
     * or after the bulk data it names), then each data set encoded to a file and stored from it.
     */
    private boolean storeJson(String study, StoreContext ctx, MultipartStream multipart, Sequence stored,
                              Sequence failed) throws IOException {
        boolean warning = false;
        java.nio.file.Path spool = runtime.settings().incoming();
        try (StowJsonInput input = StowJsonInput.read(multipart, spool)) {
            for (StowJsonInput.Item item : input.items()) {
                Attributes ds = item.dataset();
                String sopClass = ds == null ? null : ds.getString(Tag.SOPClassUID);
                String sopInstance = ds == null ? null : ds.getString(Tag.SOPInstanceUID);
                if (item.refused() != null) {
                    failed(failed, sopClass, sopInstance, CANNOT_UNDERSTAND, item.refused());
                    continue;
                }
                if (study != null && !study.equals(ds.getString(Tag.StudyInstanceUID))) {
                    failed(failed, sopClass, sopInstance, DOES_NOT_MATCH, "not an instance of study " + study);
                    continue;
                }
                java.nio.file.Path encoded = Files.createTempFile(spool, "stow-", ".dcm");
                try {
                    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(encoded), 64 * 1024);
                         DicomWriter w = new DicomWriter(out)) {
                        w.writeDataset(ds, TransferSyntax.of(item.transferSyntax()));
                    }
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(encoded), 64 * 1024)) {
                        warning |= record(storage.store(new StoreRequest(ctx, sopClass.strip(), sopInstance.strip(),
                                item.transferSyntax(), in)), sopClass.strip(), sopInstance.strip(), stored, failed);
                    }
                } finally {
                    Files.deleteIfExists(encoded);
                }
            }
        }
        return warning;
    }

    /** One store's outcome in the response; true for a warning. */
    private boolean record(StoreOutcome outcome, String sopClass, String sopInstance, Sequence stored,
                           Sequence failed) {
        switch (outcome.result()) {
            case STORED, ALREADY_STORED, DUPLICATE_DISCARDED -> {
                Attributes item = stored.addItem();
                item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass);
                item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance);
                if (outcome.result() == StoreOutcome.Result.DUPLICATE_DISCARDED) {
                    item.setInt(Tag.WarningReason, VR.US, ELEMENTS_DISCARDED);
                    return true;
                }
            }
            case CANNOT_UNDERSTAND -> failed(failed, sopClass, sopInstance, CANNOT_UNDERSTAND, outcome.detail());
            case DOES_NOT_MATCH -> failed(failed, sopClass, sopInstance, DOES_NOT_MATCH, outcome.detail());
            case OUT_OF_RESOURCES -> failed(failed, sopClass, sopInstance, OUT_OF_RESOURCES, outcome.detail());
            default -> failed(failed, sopClass, sopInstance, PROCESSING_FAILURE, outcome.detail());
        }
        return false;
    }

    private void failed(Sequence failed, String sopClass, String sopInstance, int reason, String why) {
        Attributes item = failed.addItem();
        item.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClass == null ? "" : sopClass);
        item.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstance == null ? "" : sopInstance);
        item.setInt(Tag.FailureReason, VR.US, reason);
        reasons.add((sopInstance == null ? "a part" : sopInstance) + ": " + (why == null ? "failed" : why));
    }

    /** The Study Instance UID at the head of a data set, read without consuming it (null if not found early). */
    private static String studyOf(InputStream dataset, String transferSyntax) throws IOException {
        dataset.mark(60 * 1024);
        try {
            TransferSyntax ts = TransferSyntax.of(transferSyntax);
            if (ts.deflated()) {
                return null;
            }
            DicomReader reader = new DicomReader(new org.beaconpacs.dicom.data.BoundedInputStream(dataset, 60 * 1024));
            Attributes head = reader.readDatasetUntil(ts, Tag.StudyInstanceUID + 1);
            String uid = head.getString(Tag.StudyInstanceUID);
            return uid == null ? null : uid.strip();
        } catch (IOException e) {
            return null;
        } finally {
            dataset.reset();
        }
    }
}
