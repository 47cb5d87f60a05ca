package org.beaconpacs.archive.dicomweb;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BoundedInputStream;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Fragments;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;
import org.beaconpacs.dicom.json.DicomJsonReader;

/**
 * A STOW-RS request of metadata and bulk data (PS3.18 10.5.1.2.2: {@code multipart/related;
 * type="application/dicom+json"}): the DICOM JSON parts' data sets, their BulkDataURIs resolved to the
 * bulk data parts by Content-Location (each part spooled to a file, never held in memory). Pixel data in a
 * compressed media type (image/jpeg, image/jp2, image/jls, image/dicom-rle, or a {@code transfer-syntax}
 * parameter) becomes encapsulated Pixel Data in that transfer syntax; the rest is stored in Explicit VR
 * Little Endian.
 */
final class StowJsonInput implements AutoCloseable {

    /** A data set as sent, or why it cannot be stored. */
    record Item(Attributes dataset, String transferSyntax, String refused) {
    }

    private static final long MAX_JSON = 64L * 1024 * 1024;
    private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    private static final java.util.Set<String> NATIVE = java.util.Set.of("1.2.840.10008.1.2", EXPLICIT_VR_LITTLE_ENDIAN,
            "1.2.840.10008.1.2.2", "1.2.840.10008.1.2.1.99");
    private static final Map<String, String> DEFAULT_SYNTAX = Map.of(
            "image/jpeg", "1.2.840.10008.1.2.4.50",
            "image/jp2", "1.2.840.10008.1.2.4.90",
            "image/jpx", "1.2.840.10008.1.2.4.92",
            "image/jls", "1.2.840.10008.1.2.4.80",
            "image/dicom-rle", "1.2.840.10008.1.2.5",
            "image/x-dicom-rle", "1.2.840.10008.1.2.5");

    private record Bulk(Path file, long length, String mediaType, String transferSyntax) {
    }

    private final List<Path> spooled = new ArrayList<>();
    private final Map<String, Bulk> bulk = new HashMap<>();
    private final List<byte[]> metadata = new ArrayList<>();

    /** Reads every part: metadata kept as text, bulk data spooled to {@code spool}. */
    static StowJsonInput read(MultipartStream multipart, Path spool) throws IOException {
        StowJsonInput input = new StowJsonInput();
        try {
            MultipartStream.Part part;
            int n = 0;
            while ((part = multipart.next()) != null) {
                n++;
                String type = part.headers().getOrDefault("content-type", "application/octet-stream");
                String bare = type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
                if (bare.equals(QidoResource.DICOM_JSON) || bare.equals("application/json")) {
                    byte[] json = new BoundedInputStream(part.content(), MAX_JSON + 1).readAllBytes();
                    if (json.length > MAX_JSON) {
                        throw new InvalidParameterException("a metadata part larger than 64 MiB");
                    }
                    input.metadata.add(json);
                    continue;
                }
                Path file = Files.createTempFile(spool, "stow-", ".bulk");
                input.spooled.add(file);
                long length;
                try (OutputStream out = Files.newOutputStream(file)) {
                    length = part.content().transferTo(out);
                }
                String ts = MultipartStream.parameter(type, "transfer-syntax");
                Bulk b = new Bulk(file, length, bare, ts == null ? DEFAULT_SYNTAX.get(bare) : ts.strip());
                String location = part.headers().get("content-location");
                if (location != null) {
                    input.bulk.put(location.strip(), b);
                }
                String id = part.headers().get("content-id");
                if (id != null) {
                    input.bulk.put("cid:" + id.strip().replaceAll("^<|>$", ""), b);
                }
                if (location == null && id == null) {
                    input.bulk.put("#" + n, b); // addressable by nothing: left unused
                }
            }
            return input;
        } catch (IOException | RuntimeException e) {
            input.close();
            throw e;
        }
    }

    /** The data sets of every metadata part, each with its bulk data resolved, or the reason it cannot be. */
    List<Item> items() throws IOException {
        if (metadata.isEmpty()) {
            throw new InvalidParameterException("no application/dicom+json part: nothing to store");
        }
        List<Item> items = new ArrayList<>();
        DicomJsonReader reader = new DicomJsonReader(this::resolve);
        for (byte[] json : metadata) {
            try (InputStreamReader r = new InputStreamReader(new ByteArrayInputStream(json), StandardCharsets.UTF_8)) {
                reader.readEach(r, (ds, error) -> items.add(error != null
                        ? new Item(null, null, "the DICOM JSON data set cannot be read: " + error.getMessage())
                        : item(ds)));
            } catch (IOException e) {
                items.add(new Item(null, null, "the metadata part is not JSON: " + e.getMessage()));
            }
        }
        return items;
    }

    private Item item(Attributes ds) {
        String ts = EXPLICIT_VR_LITTLE_ENDIAN;
        if (ds.getValue(Tag.PixelData) instanceof Fragments f && f.items().get(f.size() - 1) instanceof BulkData d) {
            ds.setValue(Tag.PixelData, VR.OB, f); // encapsulated Pixel Data is OB (PS3.5 A.4)
            ts = bulk.values().stream().filter(b -> b.file().equals(d.file())).findFirst().map(Bulk::transferSyntax)
                    .orElse(ts);
        }
        if (ds.getString(Tag.SOPClassUID) == null || ds.getString(Tag.SOPInstanceUID) == null) {
            return new Item(ds, ts, "the data set has no SOP Class or SOP Instance UID");
        }
        return new Item(ds, ts, null);
    }

    /**
     * A BulkDataURI: the part with that Content-Location (or cid: Content-ID), as a reference to its file;
     * a compressed part becomes encapsulated pixel data of one frame.
     */
    private Object resolve(String uri, VR vr) throws IOException {
        Bulk b = bulk.get(uri.strip());
        if (b == null) {
            throw new IOException("BulkDataURI " + uri + " names no part of the request");
        }
        BulkData data = new BulkData(b.file(), 0, b.length(), false);
        if (b.transferSyntax() != null && !NATIVE.contains(b.transferSyntax())) {
            Fragments fragments = new Fragments(VR.OB);
            fragments.add(new byte[0]); // an empty Basic Offset Table: one frame
            fragments.add(data);
            return fragments;
        }
        return data;
    }

    @Override
    public void close() {
        for (Path p : spooled) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // the next start's storage recovery empties the incoming directory
            }
        }
    }
}
