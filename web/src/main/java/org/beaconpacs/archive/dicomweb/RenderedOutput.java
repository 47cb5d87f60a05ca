package org.beaconpacs.archive.dicomweb;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.beaconpacs.archive.render.CannotRenderException;
import org.beaconpacs.archive.render.FrameRenderer;
import org.beaconpacs.archive.render.RenderedMediaType;
import org.beaconpacs.archive.render.Rendering;
import org.beaconpacs.archive.render.StoredImage;
import org.beaconpacs.archive.render.StructuredReportHtml;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.dict.Tag;

/**
 * An instance rendered for people (PS3.18 8.7.4, shared by WADO-RS rendered and thumbnails and WADO-URI):
 * an image's frame as JPEG or PNG (every frame, a part each, when multipart/related is asked for), an
 * Encapsulated Document as the document itself, a Structured Report as HTML of its content tree.
 */
final class RenderedOutput {

    private RenderedOutput() {
    }

    /**
     * The response for {@code frame} (from 1; 0: the instance, its first frame unless a multipart range
     * asks for all) of {@code image}, in the first media type of {@code ranges} that fits it.
     */
    static Response of(StoredImage image, int frame, Rendering rendering, List<MediaRange> ranges) {
        if (!image.hasPixels()) {
            return document(image, ranges);
        }
        if (frame > image.frames()) {
            throw new NotFoundException("frame " + frame + " asked, the instance has " + image.frames());
        }
        for (MediaRange r : ranges) {
            if (r.multipart() && frame == 0) {
                RenderedMediaType type = imageType(r.partType() == null ? "*/*" : r.partType());
                if (type != null) {
                    return frames(image, rendering, type);
                }
                continue;
            }
            RenderedMediaType type = imageType(r.type());
            if (type != null) {
                BufferedImage rendered = render(image, Math.max(1, frame), rendering);
                StreamingOutput body = out -> type.write(rendered, rendering.quality(), out);
                return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, type.type()).build();
            }
        }
        throw new NotAcceptableException("an image is rendered as image/jpeg or image/png");
    }

    /** JPEG for a range that takes it (image/*, * / *), else PNG if it takes that; null for neither. */
    private static RenderedMediaType imageType(String range) {
        MediaRange r = new MediaRange(range, java.util.Map.of());
        for (RenderedMediaType t : RenderedMediaType.values()) {
            if (r.accepts(t.type())) {
                return t;
            }
        }
        return null;
    }

    private static Response frames(StoredImage image, Rendering rendering, RenderedMediaType type) {
        render(image, 1, rendering); // a frame that cannot be rendered is a 406 before the body starts
        MultipartWriter multipart = new MultipartWriter();
        StreamingOutput body = raw -> {
            OutputStream out = new BufferedOutputStream(raw, 64 * 1024);
            for (int n = 1; n <= image.frames(); n++) {
                multipart.startPart(out, type.type());
                type.write(FrameRenderer.render(image, n, rendering), rendering.quality(), out);
                multipart.endPart(out);
            }
            multipart.close(out);
            out.flush();
        };
        return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, multipart.contentType(type.type())).build();
    }

    private static BufferedImage render(StoredImage image, int frame, Rendering rendering) {
        try {
            return FrameRenderer.render(image, frame, rendering);
        } catch (CannotRenderException e) {
            throw new NotAcceptableException("cannot render this instance: " + e.getMessage());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** An instance without pixels: its encapsulated document, or its SR content as HTML. */
    private static Response document(StoredImage image, List<MediaRange> ranges) {
        var ds = image.attributes();
        Object document = ds.getValue(Tag.EncapsulatedDocument);
        if (document != null) {
            String mime = ds.getString(Tag.MIMETypeOfEncapsulatedDocument, "application/octet-stream").strip();
            if (ranges.stream().noneMatch(r -> r.accepts(mime))) {
                throw new NotAcceptableException("this instance is rendered as its document, " + mime);
            }
            StreamingOutput body = out -> {
                if (document instanceof BulkData b) {
                    try (InputStream in = b.openStream()) {
                        in.transferTo(out);
                    }
                } else {
                    byte[] bytes = (byte[]) document;
                    // the value is padded to an even length: a PDF ends at its %%EOF, the pad byte is not its own
                    int length = bytes.length > 0 && bytes[bytes.length - 1] == 0 ? bytes.length - 1 : bytes.length;
                    out.write(bytes, 0, length);
                }
            };
            return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, mime).build();
        }
        if (StructuredReportHtml.isReport(ds)) {
            if (ranges.stream().noneMatch(r -> r.accepts("text/html"))) {
                throw new NotAcceptableException("a Structured Report is rendered as text/html");
            }
            StreamingOutput body = raw -> {
                BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8));
                StructuredReportHtml.write(ds, w);
                w.flush();
            };
            return Response.ok(body).header(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8").build();
        }
        throw new NotAcceptableException("this instance has neither pixels, nor a document, nor SR content to"
                + " render");
    }
}
