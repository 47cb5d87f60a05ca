package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.beaconpacs.archive.retrieve.Part10Writer;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * WADO-RS retrieval of instances (PS3.18 10.4): a study, a series or an instance as
 * {@code multipart/related; type="application/dicom"}, one Part 10 file a part, streamed from the stored
 * files one after the other (a 1,000-instance study never sits in memory). The transfer syntax is the
 * Accept header's {@code transfer-syntax} parameter: {@code *} gives each instance as stored; absent, Explicit
 * VR Little Endian (PS3.18 8.7.3.5.2), re-encoded or decoded where the stored one differs. An answer whose
 * parts are all files as stored has a Content-Length and its files leave by sendfile ({@link FileTransfer}).
 */
@Path("/")
public class WadoResource {

    static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    @jakarta.inject.Inject
    private StoredInstances stored;

    @GET
    @Path("studies/{study}")
    public Response study(@PathParam("study") String study, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(accept, study, null, null);
    }

    @GET
    @Path("studies/{study}/series/{series}")
    public Response series(@PathParam("study") String study, @PathParam("series") String series,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(accept, study, series, null);
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        return instances(accept, study, series, instance);
    }

    private Response instances(String accept, String study, String series, String instance) {
        String ts = MultipartAccept.dicomTransferSyntax(accept, EXPLICIT_VR_LITTLE_ENDIAN);
        if (ts == null) {
            throw new NotAcceptableException("this resource is multipart/related; type=\"application/dicom\"");
        }
        List<StoredInstance> found = stored.find(study, series, instance);
        List<StoredInstance> deliverable = found.stream().filter(i -> Part10Writer.deliverable(i, ts)).toList();
        if (deliverable.isEmpty()) {
            throw new NotAcceptableException("not one instance can be given in transfer syntax " + ts
                    + " (transfer-syntax=* gives them as stored)");
        }
        MultipartWriter multipart = new MultipartWriter();
        long length = lengthAsStored(deliverable, ts, multipart);
        StreamingOutput body = length >= 0 ? asStored(deliverable, multipart) : raw -> {
            OutputStream out = new BufferedOutputStream(raw, 16 * 1024); // parts' headers; the files pass straight through
            for (StoredInstance i : deliverable) {
                out.write(multipart.header(partType(Part10Writer.target(i, ts))));
                Part10Writer.write(i, ts, out);
                multipart.endPart(out);
            }
            out.write(multipart.closing());
            out.flush();
        };
        Response.ResponseBuilder rsp = Response.ok(body).header(HttpHeaders.CONTENT_TYPE,
                multipart.contentType("application/dicom"));
        if (length >= 0) {
            // every part is its file as stored: the length is known, no chunked framing on the wire
            rsp.header(HttpHeaders.CONTENT_LENGTH, length);
        }
        int skipped = found.size() - deliverable.size();
        if (skipped > 0) {
            rsp.header("Warning", "299 beacon: " + skipped + " instance(s) cannot be given in transfer syntax " + ts
                    + " and are left out");
        }
        return rsp.build();
    }

    /** Every part its stored file: the files leave by sendfile where the container offers it. */
    private static StreamingOutput asStored(List<StoredInstance> instances, MultipartWriter multipart) {
        return raw -> {
            FileTransfer out = new FileTransfer(raw);
            for (StoredInstance i : instances) {
                out.write(multipart.header(partType(i.transferSyntax())));
                out.transfer(i.file());
                out.write(MultipartWriter.afterPart());
            }
            out.write(multipart.closing());
            out.flush();
        };
    }

    private static String partType(String transferSyntax) {
        return "application/dicom; transfer-syntax=" + transferSyntax;
    }

    /** The body's length when every instance goes as stored (-1 when one is re-encoded or a file is unreadable). */
    private static long lengthAsStored(List<StoredInstance> instances, String ts, MultipartWriter multipart) {
        long length = multipart.closing().length;
        try {
            for (StoredInstance i : instances) {
                if (!Part10Writer.target(i, ts).equals(i.transferSyntax())) {
                    return -1;
                }
                length += multipart.header(partType(i.transferSyntax())).length + java.nio.file.Files.size(i.file())
                        + MultipartWriter.afterPart().length;
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return length;
    }
}
