package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpacs.archive.retrieve.StoredInstance;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.io.DicomReader;
import org.beaconpacs.dicom.json.DicomJsonWriter;
import org.beaconpacs.dicom.xml.DicomXmlWriter;

/**
 * WADO-RS metadata and bulk data (PS3.18 10.4.1.1.2, 10.4.1.1.5): each instance's attributes as DICOM JSON
 * (or a Native DICOM Model part each when {@code multipart/related; type="application/dicom+xml"} is asked),
 * its Pixel Data (native or encapsulated) and binary values of {@value #INLINE} bytes or more given as a
 * BulkDataURI instead (never dropped), and those URIs answered with the value's bytes.
 */
@Path("/")
public class MetadataResource {

    /** Binary values at least this long are bulk data. */
    static final int INLINE = 1024;
    private static final java.util.Set<VR> BINARY = java.util.EnumSet.of(VR.OB, VR.OW, VR.OF, VR.OD, VR.OL, VR.OV,
            VR.UN);

    @jakarta.inject.Inject
    private StoredInstances stored;
    @Context
    private UriInfo uri;
    @HeaderParam(HttpHeaders.ACCEPT)
    private String accept;

    @GET
    @Path("studies/{study}/metadata")
    public Response study(@PathParam("study") String study) {
        return metadata(stored.find(study, null, null));
    }

    @GET
    @Path("studies/{study}/series/{series}/metadata")
    public Response series(@PathParam("study") String study, @PathParam("series") String series) {
        return metadata(stored.find(study, series, null));
    }

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/metadata")
    public Response instance(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance) {
        return metadata(stored.find(study, series, instance));
    }

    /** One value of an instance (a top-level attribute, by tag), as multipart/related octet-stream. */
    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/bulkdata/{tag}")
    public Response bulkData(@PathParam("study") String study, @PathParam("series") String series,
                             @PathParam("instance") String instance, @PathParam("tag") String tagText) {
        if (!tagText.matches("[0-9A-Fa-f]{8}")) {
            throw new NotFoundException("bulk data is addressed by tag, ggggeeee");
        }
        int tag = (int) Long.parseLong(tagText, 16);
        StoredInstance i = stored.find(study, series, instance).get(0);
        Attributes attrs;
        try (DicomReader reader = DicomReader.open(i.file()).setBulkDataThreshold(INLINE)) {
            attrs = reader.readFile((r, a) -> {
                if (r.level() == 0 && r.tag() == tag && r.length() == -1) {
                    // encapsulated pixel data: its fragments are read as references, not loaded
                    r.readValue(a);
                    return false;
                }
                if (r.level() == 0 && Integer.compareUnsigned(r.tag(), tag) > 0) {
                    return false;
                }
                r.readValue(a);
                return true;
            }).dataset();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Object value = attrs.getValue(tag);
        if (value == null) {
            throw new NotFoundException("the instance has no " + tagText);
        }
        MultipartWriter multipart = new MultipartWriter();
        StreamingOutput body = raw -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            for (Object part : parts(value)) {
                multipart.startPart(out, "application/octet-stream");
                if (part instanceof BulkData b) {
                    try (InputStream in = b.openStream()) {
                        in.transferTo(out);
                    }
                } else {
                    out.write((byte[]) part);
                }
                multipart.endPart(out);
            }
            multipart.close(out);
            out.flush();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE,
                multipart.contentType("application/octet-stream")).build();
    }

    /** A value's parts: itself, or an encapsulated value's fragments after the Basic Offset Table. */
    private static List<Object> parts(Object value) {
        if (value instanceof org.beaconpacs.dicom.data.Fragments f) {
            List<Object> frags = new java.util.ArrayList<>();
            for (int k = 1; k < f.size(); k++) {
                frags.add(f.items().get(k));
            }
            return frags;
        }
        return List.of(value);
    }

    private Response metadata(List<StoredInstance> instances) {
        DicomModelType type = DicomModelType.of(accept);
        String base = uri.getBaseUri().toString();
        MultipartWriter multipart = new MultipartWriter();
        StreamingOutput body = raw -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
            if (type == DicomModelType.JSON) {
                w.write('[');
            }
            boolean first = true;
            for (StoredInstance i : instances) {
                Attributes attrs = read(i);
                String self = base + "studies/" + attrs.getString(Tag.StudyInstanceUID) + "/series/"
                        + attrs.getString(Tag.SeriesInstanceUID) + "/instances/" + i.sopInstance() + "/bulkdata/";
                DicomJsonWriter.BulkDataUriPolicy bulk = (a, tag, vr, value) -> a.level() == 0
                        && (tag == Tag.PixelData || value instanceof BulkData || value instanceof byte[] b
                        && BINARY.contains(vr) && b.length >= INLINE) ? self + String.format("%08X", tag) : null;
                if (type == DicomModelType.XML) {
                    multipart.startPart(out, DicomModelType.DICOM_XML);
                    new DicomXmlWriter(bulk).write(attrs, out);
                    multipart.endPart(out);
                    continue;
                }
                if (!first) {
                    w.write(',');
                }
                first = false;
                new DicomJsonWriter(bulk).write(attrs, w);
            }
            if (type == DicomModelType.XML) {
                multipart.close(out);
            } else {
                w.write(']');
            }
            w.flush();
            out.flush();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, type == DicomModelType.JSON
                ? QidoResource.DICOM_JSON : multipart.contentType(DicomModelType.DICOM_XML)).build();
    }

    /** The instance's data set up to its Pixel Data, which is noted (its value left in the file). */
    private static Attributes read(StoredInstance i) throws IOException {
        try (DicomReader reader = DicomReader.open(i.file()).setBulkDataThreshold(INLINE)) {
            return reader.readFile((r, a) -> {
                if (r.level() == 0 && r.tag() == Tag.PixelData) {
                    // encapsulated: OB; implicit VR: OW whatever the bits (PS3.5 A.1); explicit: as written
                    VR vr = r.length() == -1 ? VR.OB : r.transferSyntax().explicitVR() ? r.vr() : VR.OW;
                    a.setValue(Tag.PixelData, vr, new byte[0]);
                    return false;
                }
                r.readValue(a);
                return true;
            }).dataset();
        }
    }
}
