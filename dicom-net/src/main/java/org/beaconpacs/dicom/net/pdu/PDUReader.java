package org.beaconpacs.dicom.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads PDUs from a transport stream (PS3.8 9.3.1): the 6-byte header, then either the whole body
 * (association set-up, release and abort PDUs: small, and bounded by a limit) or, for P-DATA-TF, one
 * PDV header at a time so that data can stream on. The type and every length are checked before
 * anything is allocated.
 */
public final class PDUReader {

    /** Default upper bound of an A-ASSOCIATE-RQ/AC: 128 contexts with many transfer syntaxes fit easily. */
    public static final int DEFAULT_MAX_ASSOCIATE_LENGTH = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[6];
    private final byte[] pdvHeader = new byte[6];
    private int maxAssociateLength = DEFAULT_MAX_ASSOCIATE_LENGTH;
    private long maxPDataLength;
    private int type;
    private long length;
    private long pdataRemaining;
    private int currentPdvLength;

    /**
     * @param maxPDataLength the largest P-DATA-TF this side accepts (the Maximum Length it announced;
     *                       0 for no limit)
     */
    public PDUReader(InputStream in, long maxPDataLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength;
    }

    public void setMaxAssociateLength(int max) {
        this.maxAssociateLength = max;
    }

    public void setMaxPDataLength(long max) {
        this.maxPDataLength = max;
    }

    public int type() {
        return type;
    }

    public long length() {
        return length;
    }

    /**
     * Reads the next PDU header and returns its type. An end of stream before the first byte is an
     * {@link EOFException} (the peer closed the connection); any other problem a ProtocolException.
     */
    public int next() throws IOException {
        int first = in.read();
        if (first < 0) {
            throw new EOFException("connection closed by peer");
        }
        header[0] = (byte) first;
        readFully(header, 1, 5, "PDU header");
        type = first;
        length = ((header[2] & 0xFFL) << 24) | ((header[3] & 0xFF) << 16) | ((header[4] & 0xFF) << 8)
                | (header[5] & 0xFF);
        switch (type) {
            case PDUType.A_ASSOCIATE_RQ, PDUType.A_ASSOCIATE_AC -> {
                if (length < 68 || length > maxAssociateLength) {
                    throw invalid(PDUType.name(type) + " of " + length + " bytes (limit " + maxAssociateLength + ")");
                }
            }
            case PDUType.A_ASSOCIATE_RJ, PDUType.A_RELEASE_RQ, PDUType.A_RELEASE_RP, PDUType.A_ABORT -> {
                if (length != 4) {
                    throw invalid(PDUType.name(type) + " of length " + length + " instead of 4");
                }
            }
            case PDUType.P_DATA_TF -> {
                // PS3.8 D.1: the Maximum Length bounds the PDU's variable field; 6 bytes of slack for the
                // implementations that count a PDV header into it.
                if (length < 6 || (maxPDataLength > 0 && length > maxPDataLength + 6)) {
                    throw invalid("P-DATA-TF of " + length + " bytes (our maximum is " + maxPDataLength + ")");
                }
                pdataRemaining = length;
            }
            default -> throw new ProtocolException(PDUType.name(type), AAbort.REASON_UNRECOGNIZED_PDU);
        }
        return type;
    }

    /** The body of the current non-P-DATA PDU. */
    public byte[] body() throws IOException {
        if (type == PDUType.P_DATA_TF) {
            throw new IllegalStateException("P-DATA-TF is read PDV by PDV");
        }
        byte[] b = new byte[(int) length];
        readFully(b, 0, b.length, PDUType.name(type));
        return b;
    }

    /** True while the current P-DATA-TF has PDVs left. */
    public boolean hasMorePdvs() {
        return pdataRemaining > 0;
    }

    /**
     * Reads the next PDV item header of the current P-DATA-TF (PS3.8 9.3.5.1): returns its value length
     * (the fragment, without context ID and control header); {@link #pdvContextId()} and
     * {@link #pdvControlHeader()} describe it. The caller then reads exactly that many bytes.
     */
    public int nextPdv() throws IOException {
        if (pdataRemaining < 6) {
            throw invalid("P-DATA-TF ends inside a PDV header");
        }
        readFully(pdvHeader, 0, 6, "PDV header");
        long itemLength = ((pdvHeader[0] & 0xFFL) << 24) | ((pdvHeader[1] & 0xFF) << 16)
                | ((pdvHeader[2] & 0xFF) << 8) | (pdvHeader[3] & 0xFF);
        if (itemLength < 2 || itemLength > pdataRemaining - 4) {
            throw invalid("PDV item length " + itemLength + " in a P-DATA-TF with " + (pdataRemaining - 4)
                    + " bytes left");
        }
        pdataRemaining -= 4 + itemLength;
        currentPdvLength = (int) (itemLength - 2);
        return currentPdvLength;
    }

    /** Fragment length of the PDV whose header was read last. */
    public int pdvLengthOfCurrent() {
        return currentPdvLength;
    }

    public int pdvContextId() {
        return pdvHeader[4] & 0xFF;
    }

    /** Message control header: bit 0 command (1) or data set (0), bit 1 last fragment. */
    public int pdvControlHeader() {
        return pdvHeader[5] & 0xFF;
    }

    /** The transport stream, for reading a PDV's fragment of known length. */
    public InputStream stream() {
        return in;
    }

    private void readFully(byte[] b, int off, int len, String what) throws IOException {
        int n = in.readNBytes(b, off, len);
        if (n < len) {
            throw new ProtocolException("connection closed inside " + what, AAbort.REASON_NOT_SPECIFIED);
        }
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(message, AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
    }
}
