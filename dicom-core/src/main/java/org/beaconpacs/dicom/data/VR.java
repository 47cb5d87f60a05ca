package org.beaconpacs.dicom.data;

/**
 * The 34 Value Representations of PS3.5 section 6.2.
 *
 * <p>Each VR knows how it is laid out on the wire: its padding byte, whether its explicit-VR header
 * uses the 4-byte length form (PS3.5 7.1.2), the maximum length of one value, and the unit in which
 * its bytes swap between little and big endian. Conversions between bytes and Java values live in
 * {@link Values}; character-set decoding of strings in {@code SpecificCharacterSet}.
 */
public enum VR {
    AE(Kind.STRING, ' ', false, 16),
    AS(Kind.STRING, ' ', false, 4),
    AT(Kind.BINARY, 0, false, 4, 2),
    CS(Kind.STRING, ' ', false, 16),
    DA(Kind.STRING, ' ', false, 8),
    DS(Kind.STRING, ' ', false, 16),
    DT(Kind.STRING, ' ', false, 26),
    FL(Kind.BINARY, 0, false, 4, 4),
    FD(Kind.BINARY, 0, false, 8, 8),
    IS(Kind.STRING, ' ', false, 12),
    LO(Kind.STRING, ' ', false, 64),
    LT(Kind.TEXT, ' ', false, 10240),
    OB(Kind.BINARY, 0, true, -1, 1),
    OD(Kind.BINARY, 0, true, -1, 8),
    OF(Kind.BINARY, 0, true, -1, 4),
    OL(Kind.BINARY, 0, true, -1, 4),
    OV(Kind.BINARY, 0, true, -1, 8),
    OW(Kind.BINARY, 0, true, -1, 2),
    PN(Kind.STRING, ' ', false, 64 * 3 + 2),
    SH(Kind.STRING, ' ', false, 16),
    SL(Kind.BINARY, 0, false, 4, 4),
    SQ(Kind.SEQUENCE, 0, true, -1),
    SS(Kind.BINARY, 0, false, 2, 2),
    ST(Kind.TEXT, ' ', false, 1024),
    SV(Kind.BINARY, 0, true, 8, 8),
    TM(Kind.STRING, ' ', false, 14),
    UC(Kind.STRING, ' ', true, -1),
    UI(Kind.STRING, 0, false, 64),
    UL(Kind.BINARY, 0, false, 4, 4),
    UN(Kind.BINARY, 0, true, -1, 1),
    UR(Kind.TEXT, ' ', true, -1),
    US(Kind.BINARY, 0, false, 2, 2),
    UT(Kind.TEXT, ' ', true, -1),
    UV(Kind.BINARY, 0, true, 8, 8);

    /** How values of a VR are represented. */
    public enum Kind {
        /** Character string; multiple values separated by backslash. */
        STRING,
        /** Text that may contain backslashes (LT, ST, UT, UR): always one value. */
        TEXT,
        /** Fixed-size binary numbers or opaque bytes. */
        BINARY,
        /** A sequence of items. */
        SEQUENCE
    }

    private static final VR[] BY_CODE = new VR[0x10000];

    static {
        for (VR vr : values()) {
            BY_CODE[vr.code] = vr;
        }
    }

    private final Kind kind;
    private final byte padding;
    private final boolean longLength;
    private final int maxLength;
    private final int swapUnit;
    private final int code;

    VR(Kind kind, int padding, boolean longLength, int maxLength) {
        this(kind, padding, longLength, maxLength, 1);
    }

    VR(Kind kind, int padding, boolean longLength, int maxLength, int swapUnit) {
        this.kind = kind;
        this.padding = (byte) padding;
        this.longLength = longLength;
        this.maxLength = maxLength;
        this.swapUnit = swapUnit;
        this.code = (name().charAt(0) << 8) | name().charAt(1);
    }

    /** The VR whose two ASCII characters form {@code code} (first character in the high byte), or null. */
    public static VR ofCode(int code) {
        return BY_CODE[code & 0xFFFF];
    }

    /** The two-character code as an int: 'A' 'E' gives 0x4145. */
    public int code() {
        return code;
    }

    public Kind kind() {
        return kind;
    }

    /** Byte used to pad a value to even length: space for strings, NUL for UI and binary VRs. */
    public byte padding() {
        return padding;
    }

    /** True where the explicit VR header has 2 reserved bytes and a 4-byte length (PS3.5 table 7.1-1). */
    public boolean hasLongLength() {
        return longLength;
    }

    /** Maximum bytes (strings: characters) of one value, or the fixed size of one binary number; -1 if unbounded. */
    public int maxLength() {
        return maxLength;
    }

    /** Size in bytes of the unit whose byte order differs between little and big endian (1: never swapped). */
    public int swapUnit() {
        return swapUnit;
    }

    public boolean isString() {
        return kind == Kind.STRING || kind == Kind.TEXT;
    }

    /** True for the string VRs whose text depends on Specific Character Set (PS3.5 6.1.2.3). */
    public boolean usesSpecificCharacterSet() {
        return this == SH || this == LO || this == ST || this == LT || this == UT || this == PN || this == UC;
    }

    /** True for VRs whose values are binary numbers of fixed size (not OB/OW/UN-style bulk). */
    public boolean isBinaryNumber() {
        return kind == Kind.BINARY && maxLength > 0;
    }
}
