package org.beaconpacs.dicom.data;

/** Helpers for tags as ints: group in the high 16 bits, element in the low 16 bits. */
public final class Tags {

    /** (FFFE,E000) Item. */
    public static final int ITEM = 0xFFFEE000;
    /** (FFFE,E00D) Item Delimitation Item. */
    public static final int ITEM_DELIMITATION = 0xFFFEE00D;
    /** (FFFE,E0DD) Sequence Delimitation Item. */
    public static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    private Tags() {
    }

    public static int of(int group, int element) {
        return (group << 16) | (element & 0xFFFF);
    }

    public static int group(int tag) {
        return tag >>> 16;
    }

    public static int element(int tag) {
        return tag & 0xFFFF;
    }

    /** Odd groups other than 0001, 0003, 0005, 0007 and FFFF are private (PS3.5 7.8.1). */
    public static boolean isPrivate(int tag) {
        int group = tag >>> 16;
        return (group & 1) != 0 && group > 0x0007 && group != 0xFFFF;
    }

    /** (gggg,0010-00FF) in a private group reserves a block for a private creator. */
    public static boolean isPrivateCreator(int tag) {
        int element = tag & 0xFFFF;
        return isPrivate(tag) && element >= 0x0010 && element <= 0x00FF;
    }

    public static boolean isGroupLength(int tag) {
        return (tag & 0xFFFF) == 0;
    }

    /** The creator element (gggg,00bb) that reserves the block of private element (gggg,bbxx). */
    public static int creatorOf(int tag) {
        return (tag & 0xFFFF0000) | ((tag >>> 8) & 0xFF);
    }

    /** "(0010,0010)". */
    public static String toString(int tag) {
        char[] c = new char[11];
        c[0] = '(';
        hex(tag >>> 16, c, 1);
        c[5] = ',';
        hex(tag & 0xFFFF, c, 6);
        c[10] = ')';
        return new String(c);
    }

    /** "00100010". */
    public static String toHexString(int tag) {
        char[] c = new char[8];
        hex(tag >>> 16, c, 0);
        hex(tag & 0xFFFF, c, 4);
        return new String(c);
    }

    private static void hex(int v, char[] c, int at) {
        for (int i = 3; i >= 0; i--) {
            c[at + i] = Character.toUpperCase(Character.forDigit(v & 0xF, 16));
            v >>>= 4;
        }
    }

    /** Parses "00100010", "0010,0010" or "(0010,0010)". */
    public static int parse(String s) {
        String hex = s.replace("(", "").replace(")", "").replace(",", "").trim();
        if (hex.length() != 8) {
            throw new IllegalArgumentException("not a tag: " + s);
        }
        return (int) Long.parseLong(hex, 16);
    }
}
