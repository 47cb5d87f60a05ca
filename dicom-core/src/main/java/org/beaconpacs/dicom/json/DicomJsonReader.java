package org.beaconpacs.dicom.json;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.BulkData;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.Tags;
import org.beaconpacs.dicom.data.VR;

/**
 * Reads the DICOM JSON Model of PS3.18 Annex F into {@link Attributes}. Malformed input, a bad tag or
 * VR, or a value of the wrong JSON type is an IOException that names the attribute.
 *
 * <p>BulkDataURIs are handed to a {@link BulkDataResolver}; the default one resolves the file URIs
 * that {@link DicomJsonWriter#FILE_REFERENCES} writes and refuses any other.
 */
public final class DicomJsonReader {

    /** Turns a BulkDataURI into a value: {@code byte[]}, {@link BulkData} or {@code Fragments}. */
    @FunctionalInterface
    public interface BulkDataResolver {
        Object resolve(String uri, VR vr) throws IOException;
    }

    public static final BulkDataResolver FILE_REFERENCES = DicomJsonReader::resolveFileUri;

    private final BulkDataResolver resolver;

    public DicomJsonReader() {
        this(FILE_REFERENCES);
    }

    public DicomJsonReader(BulkDataResolver resolver) {
        this.resolver = resolver;
    }

    public Attributes read(Reader in) throws IOException {
        Object json = Json.parse(in);
        if (!(json instanceof Map<?, ?> map)) {
            throw new Json.JsonException("a DICOM JSON data set must be an object");
        }
        Attributes attrs = new Attributes();
        fill(attrs, map);
        return attrs;
    }

    /** Reads an array of data sets (a QIDO-RS response, STOW-RS metadata). */
    public List<Attributes> readArray(Reader in) throws IOException {
        Object json = Json.parse(in);
        if (!(json instanceof List<?> list)) {
            throw new Json.JsonException("expected an array of DICOM JSON data sets");
        }
        List<Attributes> out = new ArrayList<>(list.size());
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> map)) {
                throw new Json.JsonException("array element is not an object");
            }
            Attributes attrs = new Attributes();
            fill(attrs, map);
            out.add(attrs);
        }
        return out;
    }

    /** Receives each data set of {@link #readEach}, or the reason it could not be read. */
    @FunctionalInterface
    public interface Each {
        void accept(Attributes attrs, IOException error) throws IOException;
    }

    /**
     * Reads a data set or an array of them one at a time, each handed to {@code each} with the error of its
     * own reading (a bad value, a BulkDataURI that cannot be resolved), so one bad data set spoils no other.
     * Text that is not JSON at all is an IOException.
     */
    public void readEach(Reader in, Each each) throws IOException {
        Object json = Json.parse(in);
        List<?> list = json instanceof List<?> l ? l : List.of(json);
        for (Object o : list) {
            if (!(o instanceof Map<?, ?> map)) {
                each.accept(null, new Json.JsonException("a DICOM JSON data set must be an object"));
                continue;
            }
            Attributes attrs = new Attributes();
            try {
                fill(attrs, map);
            } catch (IOException e) {
                each.accept(null, e);
                continue;
            }
            each.accept(attrs, null);
        }
    }

    private void fill(Attributes attrs, Map<?, ?> map) throws IOException {
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = (String) e.getKey();
            int tag;
            try {
                tag = Tags.parse(key);
            } catch (IllegalArgumentException | StringIndexOutOfBoundsException ex) {
                throw new Json.JsonException("not a tag: \"" + key + "\"");
            }
            if (!(e.getValue() instanceof Map<?, ?> attr)) {
                throw new Json.JsonException(key + ": attribute must be an object");
            }
            element(attrs, tag, key, attr);
        }
    }

    private void element(Attributes attrs, int tag, String key, Map<?, ?> attr) throws IOException {
        VR vr;
        try {
            vr = VR.valueOf(String.valueOf(attr.get("vr")));
        } catch (IllegalArgumentException ex) {
            throw new Json.JsonException(key + ": unknown vr \"" + attr.get("vr") + "\"");
        }
        Object values = attr.get("Value");
        Object inline = attr.get("InlineBinary");
        Object uri = attr.get("BulkDataURI");
        if (inline != null) {
            try {
                attrs.setBytes(tag, vr, Base64.getDecoder().decode(String.valueOf(inline)));
            } catch (IllegalArgumentException ex) {
                throw new Json.JsonException(key + ": InlineBinary is not base64");
            }
            return;
        }
        if (uri != null) {
            attrs.setValue(tag, vr, resolver.resolve(String.valueOf(uri), vr));
            return;
        }
        if (values == null) {
            attrs.setNull(tag, vr);
            return;
        }
        if (!(values instanceof List<?> list)) {
            throw new Json.JsonException(key + ": Value must be an array");
        }
        if (vr == VR.SQ) {
            Sequence seq = attrs.newSequence(tag);
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> m)) {
                    throw new Json.JsonException(key + ": sequence item must be an object");
                }
                fill(seq.addItem(), m);
            }
            return;
        }
        try {
            setValues(attrs, tag, vr, list);
        } catch (ClassCastException | ArithmeticException | IllegalArgumentException ex) {
            throw new Json.JsonException(key + ": value does not fit VR " + vr + " (" + ex.getMessage() + ")");
        }
    }

    private static void setValues(Attributes attrs, int tag, VR vr, List<?> list) {
        int n = list.size();
        if (vr.isBinaryNumber() && vr != VR.AT) {
            switch (vr) {
                case FL, FD -> {
                    double[] d = new double[n];
                    for (int i = 0; i < n; i++) {
                        d[i] = Double.parseDouble(((Json.Number) list.get(i)).text()); // keeps -0.0
                    }
                    attrs.setDouble(tag, vr, d);
                }
                case SV, UV -> {
                    long[] l = new long[n];
                    for (int i = 0; i < n; i++) {
                        BigDecimal v = ((Json.Number) list.get(i)).decimal();
                        l[i] = vr == VR.UV ? v.toBigIntegerExact().longValue() : v.longValueExact();
                    }
                    attrs.setLong(tag, vr, l);
                }
                default -> {
                    int[] ints = new int[n];
                    for (int i = 0; i < n; i++) {
                        long v = ((Json.Number) list.get(i)).decimal().longValueExact();
                        ints[i] = (int) v; // UL above 2^31 keeps its 32 bits
                    }
                    attrs.setInt(tag, vr, ints);
                }
            }
            return;
        }
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = list.get(i);
            if (v == null) {
                s[i] = "";
            } else if (vr == VR.PN && v instanceof Map<?, ?> pn) {
                s[i] = personName(pn);
            } else if (v instanceof Json.Number number) {
                s[i] = vr == VR.IS ? number.decimal().toBigIntegerExact().toString() : number.text();
            } else {
                s[i] = (String) v;
            }
        }
        if (vr == VR.AT) {
            int[] tags = new int[n];
            for (int i = 0; i < n; i++) {
                tags[i] = Tags.parse(s[i]);
            }
            attrs.setInt(tag, vr, tags);
        } else {
            attrs.setString(tag, vr, s);
        }
    }

    private static String personName(Map<?, ?> pn) {
        String[] groups = {str(pn.get("Alphabetic")), str(pn.get("Ideographic")), str(pn.get("Phonetic"))};
        int last = groups[2].isEmpty() ? groups[1].isEmpty() ? 0 : 1 : 2;
        StringBuilder sb = new StringBuilder(groups[0]);
        for (int g = 1; g <= last; g++) {
            sb.append('=').append(groups[g]);
        }
        return sb.toString();
    }

    private static String str(Object o) {
        return o == null ? "" : (String) o;
    }

    private static Object resolveFileUri(String uri, VR vr) throws IOException {
        URI u;
        try {
            u = URI.create(uri);
        } catch (IllegalArgumentException ex) {
            throw new Json.JsonException("bad BulkDataURI " + uri);
        }
        if (!"file".equals(u.getScheme()) || u.getQuery() == null) {
            throw new Json.JsonException("cannot resolve BulkDataURI " + uri);
        }
        long offset = -1;
        long length = -1;
        boolean bigEndian = false;
        for (String param : u.getQuery().split("&")) {
            String[] kv = param.split("=", 2);
            if (kv.length == 2) {
                switch (kv[0]) {
                    case "offset" -> offset = Long.parseLong(kv[1]);
                    case "length" -> length = Long.parseLong(kv[1]);
                    case "bigEndian" -> bigEndian = Boolean.parseBoolean(kv[1]);
                    default -> { }
                }
            }
        }
        if (offset < 0 || length < 0) {
            throw new Json.JsonException("BulkDataURI without offset and length: " + uri);
        }
        return new BulkData(Path.of(URI.create(u.getScheme() + "://" + u.getRawPath())), offset, length, bigEndian);
    }
}
