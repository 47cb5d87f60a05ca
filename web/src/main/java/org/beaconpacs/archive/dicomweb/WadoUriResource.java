package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Set;
import org.beaconpacs.archive.render.Rendering;
import org.beaconpacs.archive.render.StoredImage;
import org.beaconpacs.archive.render.Window;
import org.beaconpacs.archive.retrieve.Part10Writer;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * WADO-URI (PS3.18 9): {@code ?requestType=WADO&studyUID=…&seriesUID=…&objectUID=…} gives the instance as
 * {@code application/dicom} (in {@code transferSyntax}, Explicit VR Little Endian by default) or rendered
 * ({@code image/jpeg}, the default for images, or {@code image/png}; documents as themselves) with
 * {@code frameNumber}, {@code windowCenter}/{@code windowWidth}, {@code rows}/{@code columns}, {@code region}
 * and {@code imageQuality}.
 */
@Path("/")
public class WadoUriResource {

    private static final Set<String> KNOWN = Set.of("requestType", "studyUID", "seriesUID", "objectUID",
            "contentType", "transferSyntax", "frameNumber", "windowCenter", "windowWidth", "rows", "columns",
            "region", "imageQuality", "charset", "anonymize", "annotation", "presentationUID",
            "presentationSeriesUID");

    @jakarta.inject.Inject
    private StoredInstances stored;
    @Context
    private UriInfo uri;

    @GET
    public Response get() throws IOException {
        MultivaluedMap<String, String> q = uri.getQueryParameters();
        for (String key : q.keySet()) {
            if (!KNOWN.contains(key)) {
                throw new InvalidParameterException("unknown WADO-URI parameter " + key);
            }
        }
        if (!"WADO".equals(q.getFirst("requestType"))) {
            throw new InvalidParameterException("requestType=WADO is required");
        }
        String study = required(q, "studyUID");
        String series = required(q, "seriesUID");
        String object = required(q, "objectUID");
        for (String unsupported : List.of("anonymize", "annotation", "presentationUID", "presentationSeriesUID")) {
            if (q.getFirst(unsupported) != null) {
                throw new InvalidParameterException(unsupported + " is not supported by this server");
            }
        }
        StoredInstance instance = stored.find(study, series, object).get(0);
        List<MediaRange> types = MediaRange.parse(q.getFirst("contentType"));
        if (types.get(0).type().equals("application/dicom")) {
            return dicom(instance, q.getFirst("transferSyntax"));
        }
        StoredImage image = StoredImage.read(instance.file());
        if (q.getFirst("contentType") == null) {
            types = MediaRange.parse(image.hasPixels() ? "image/jpeg" : "*/*");
        }
        int frame = q.getFirst("frameNumber") == null ? 1
                : RenderingParameters.integer("frameNumber", q.getFirst("frameNumber"));
        if (frame < 1) {
            throw new InvalidParameterException("frameNumber counts from 1");
        }
        return RenderedOutput.of(image, frame, rendering(q, image), types);
    }

    private static Rendering rendering(MultivaluedMap<String, String> q, StoredImage image) {
        String center = q.getFirst("windowCenter");
        String width = q.getFirst("windowWidth");
        if (center == null != (width == null)) {
            throw new InvalidParameterException("windowCenter and windowWidth go together");
        }
        try {
            Window window = center == null ? null : new Window(RenderingParameters.number("windowCenter", center),
                    RenderingParameters.number("windowWidth", width), Window.Function.LINEAR);
            int rows = q.getFirst("rows") == null ? 0 : RenderingParameters.integer("rows", q.getFirst("rows"));
            int columns = q.getFirst("columns") == null ? 0
                    : RenderingParameters.integer("columns", q.getFirst("columns"));
            Rendering.Region region = q.getFirst("region") == null ? null : RenderingParameters.region(
                    q.getFirst("region"), image.description().columns(), image.description().rows());
            int quality = q.getFirst("imageQuality") == null ? Rendering.DEFAULT_QUALITY
                    : RenderingParameters.integer("imageQuality", q.getFirst("imageQuality"));
            return new Rendering(window, columns, rows, region, quality);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException(e.getMessage());
        }
    }

    private static Response dicom(StoredInstance instance, String transferSyntax) {
        String ts = transferSyntax == null ? WadoResource.EXPLICIT_VR_LITTLE_ENDIAN : transferSyntax;
        if (!Part10Writer.deliverable(instance, ts)) {
            throw new NotAcceptableException("the instance cannot be given in transfer syntax " + ts);
        }
        StreamingOutput body = raw -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            Part10Writer.write(instance, ts, out);
            out.flush();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, "application/dicom")
                .header("Content-Disposition", "attachment; filename=\"" + instance.sopInstance() + ".dcm\"").build();
    }

    private static String required(MultivaluedMap<String, String> q, String key) {
        String v = q.getFirst(key);
        if (v == null || v.isBlank()) {
            throw new InvalidParameterException(key + " is required");
        }
        return v;
    }
}
