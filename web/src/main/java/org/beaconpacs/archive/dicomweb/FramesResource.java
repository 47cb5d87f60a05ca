package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.beaconpacs.archive.render.StoredImage;
import org.beaconpacs.archive.retrieve.StoredInstance;

/**
 * WADO-RS frames (PS3.18 10.4.1.1.4): {@code …/frames/1,3,5} as {@code multipart/related}, a frame a part,
 * in the order asked. {@code application/octet-stream} gives native little-endian samples (decoded where
 * stored compressed, the default); the stored compressed media type (image/jpeg, image/jp2, image/jls,
 * image/dicom-rle…) or {@code transfer-syntax=*} gives each frame's bitstream as stored.
 */
@Path("/")
public class FramesResource {

    private static final String NATIVE_TS = WadoResource.EXPLICIT_VR_LITTLE_ENDIAN;

    @jakarta.inject.Inject
    private StoredInstances stored;

    @GET
    @Path("studies/{study}/series/{series}/instances/{instance}/frames/{frames}")
    public Response frames(@PathParam("study") String study, @PathParam("series") String series,
                           @PathParam("instance") String instance, @PathParam("frames") String list,
                           @HeaderParam(HttpHeaders.ACCEPT) String accept) throws IOException {
        int[] numbers = numbers(list);
        StoredInstance i = stored.find(study, series, instance).get(0);
        StoredImage image = StoredImage.read(i.file());
        if (!image.hasPixels()) {
            throw new NotFoundException("the instance has no Pixel Data, so no frames");
        }
        for (int n : numbers) {
            if (n > image.frames()) {
                throw new NotFoundException("frame " + n + " asked, the instance has " + image.frames());
            }
        }
        boolean stored = asStored(image, MediaRange.parse(accept));
        String partType = stored ? PixelMediaTypes.of(image.transferSyntax()) + "; transfer-syntax="
                + image.transferSyntax() : PixelMediaTypes.OCTET_STREAM + "; transfer-syntax=" + NATIVE_TS;
        MultipartWriter multipart = new MultipartWriter();
        StreamingOutput body = raw -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            for (int n : numbers) {
                multipart.startPart(out, partType);
                if (stored) {
                    out.write(image.storedFrame(n));
                } else {
                    image.writeNativeFrame(n, out);
                }
                multipart.endPart(out);
            }
            multipart.close(out);
            out.flush();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, multipart.contentType(partType.split(";")[0]))
                .build();
    }

    /**
     * Whether the frames go as stored (compressed) rather than as native samples: the first range that can
     * be served decides. A compressed frame that cannot be decoded goes as stored to a range that takes it.
     */
    private static boolean asStored(StoredImage image, List<MediaRange> ranges) {
        String storedType = image.encapsulated() ? PixelMediaTypes.of(image.transferSyntax()) : null;
        for (MediaRange r : ranges) {
            String type = r.multipart() ? r.partType() : r.type();
            String ts = r.params().get("transfer-syntax");
            if (type == null || type.equals("*/*")) {
                type = PixelMediaTypes.OCTET_STREAM;
                if (storedType != null && !image.decodable()) {
                    return true;
                }
            }
            if (storedType != null && new MediaRange(type, r.params()).accepts(storedType)
                    && !type.equals(PixelMediaTypes.OCTET_STREAM)
                    && (ts == null || ts.equals("*") || ts.equals(image.transferSyntax()))) {
                return true;
            }
            if (type.equals(PixelMediaTypes.OCTET_STREAM)) {
                if ("*".equals(ts) && storedType != null) {
                    return true;
                }
                if ((ts == null || ts.equals("*") || ts.equals(NATIVE_TS)) && image.decodable()) {
                    return false;
                }
            }
        }
        throw new NotAcceptableException("the frames are given as " + PixelMediaTypes.OCTET_STREAM
                + (image.decodable() ? "" : " only when decodable, which these are not")
                + (storedType != null ? " or as stored, " + storedType + "; transfer-syntax=" + image.transferSyntax()
                : ""));
    }

    private static int[] numbers(String list) {
        String[] parts = list.split(",");
        int[] numbers = new int[parts.length];
        for (int k = 0; k < parts.length; k++) {
            try {
                numbers[k] = Integer.parseInt(parts[k].strip());
            } catch (NumberFormatException e) {
                numbers[k] = 0;
            }
            if (numbers[k] < 1) {
                throw new InvalidParameterException("frames are numbered from 1, as a comma-separated list: " + list);
            }
        }
        return numbers;
    }
}
