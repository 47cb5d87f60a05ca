package org.beaconpacs.dicom.net.pdu;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the bodies of the PDUs of PS3.8 9.3 other than P-DATA-TF. Every length is checked against
 * what remains of its enclosing item before anything is read; unknown item types are skipped as
 * PS3.8 9.3.1 asks; anything malformed is a {@link ProtocolException} naming what was wrong.
 */
public final class PDUDecoder {

    private PDUDecoder() {
    }

    public static AAssociateRQ decodeAssociateRQ(byte[] body) throws ProtocolException {
        AAssociateRQ rq = new AAssociateRQ();
        decodeAssociate(PDUType.A_ASSOCIATE_RQ, body, rq);
        return rq;
    }

    public static AAssociateAC decodeAssociateAC(byte[] body) throws ProtocolException {
        AAssociateAC ac = new AAssociateAC();
        decodeAssociate(PDUType.A_ASSOCIATE_AC, body, ac);
        return ac;
    }

    public static AAssociateRJ decodeAssociateRJ(byte[] body) throws ProtocolException {
        In in = new In(body, 0, body.length, "A-ASSOCIATE-RJ");
        in.skip(1);
        return new AAssociateRJ(in.u8(), in.u8(), in.u8());
    }

    public static AAbort decodeAbort(byte[] body) throws ProtocolException {
        In in = new In(body, 0, body.length, "A-ABORT");
        in.skip(2);
        return new AAbort(in.u8(), in.u8());
    }

    private static void decodeAssociate(int type, byte[] body, AAssociateRQAC a) throws ProtocolException {
        String pdu = PDUType.name(type);
        In in = new In(body, 0, body.length, pdu);
        a.setProtocolVersion(in.u16());
        in.skip(2);
        String called = in.aeTitle();
        String calling = in.aeTitle();
        setAeTitles(a, called, calling, pdu);
        in.skip(32);
        boolean userInformation = false;
        String applicationContext = null;
        while (in.remaining() > 0) {
            int itemType = in.u8();
            in.skip(1);
            In item = in.sub(in.u16(), pdu + " item " + String.format("0x%02X", itemType));
            switch (itemType) {
                case ItemType.APPLICATION_CONTEXT -> applicationContext = item.uid();
                case ItemType.PRESENTATION_CONTEXT_RQ -> {
                    if (type == PDUType.A_ASSOCIATE_RQ) {
                        a.addPresentationContextChecked(presentationContextRQ(item));
                    }
                }
                case ItemType.PRESENTATION_CONTEXT_AC -> {
                    if (type == PDUType.A_ASSOCIATE_AC) {
                        a.addPresentationContextChecked(presentationContextAC(item));
                    }
                }
                case ItemType.USER_INFORMATION -> {
                    userInformation(type, item, a);
                    userInformation = true;
                }
                default -> { } // unknown item: skipped (PS3.8 9.3.1)
            }
        }
        if (applicationContext == null) {
            throw new ProtocolException(pdu + " without an Application Context item",
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        a.setApplicationContext(applicationContext);
        if (!userInformation) {
            throw new ProtocolException(pdu + " without a User Information item",
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private static void setAeTitles(AAssociateRQAC a, String called, String calling, String pdu)
            throws ProtocolException {
        try {
            a.setCalledAeTitle(called);
            a.setCallingAeTitle(calling);
        } catch (IllegalArgumentException e) {
            throw new ProtocolException(pdu + ": " + e.getMessage(), AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    private static PresentationContext presentationContextRQ(In item) throws ProtocolException {
        int id = item.u8();
        item.skip(3);
        String abstractSyntax = null;
        List<String> transferSyntaxes = new ArrayList<>();
        while (item.remaining() > 0) {
            int subType = item.u8();
            item.skip(1);
            In sub = item.sub(item.u16(), "presentation context " + id + " sub-item");
            if (subType == ItemType.ABSTRACT_SYNTAX) {
                abstractSyntax = sub.uid();
            } else if (subType == ItemType.TRANSFER_SYNTAX) {
                transferSyntaxes.add(sub.uid());
            }
        }
        if (abstractSyntax == null || (id & 1) == 0) {
            throw new ProtocolException("presentation context " + id
                    + (abstractSyntax == null ? " without abstract syntax" : " has an even ID"),
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        return new PresentationContext(id, abstractSyntax, transferSyntaxes, -1);
    }

    private static PresentationContext presentationContextAC(In item) throws ProtocolException {
        int id = item.u8();
        item.skip(1);
        int result = item.u8();
        item.skip(1);
        String transferSyntax = null;
        while (item.remaining() > 0) {
            int subType = item.u8();
            item.skip(1);
            In sub = item.sub(item.u16(), "presentation context " + id + " sub-item");
            if (subType == ItemType.TRANSFER_SYNTAX) {
                transferSyntax = sub.uid();
            }
        }
        if (id == 0) {
            throw new ProtocolException("presentation context ID 0", AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        return PresentationContext.ac(id, result,
                result == PresentationContext.ACCEPTANCE ? transferSyntax : null);
    }

    private static void userInformation(int type, In ui, AAssociateRQAC a) throws ProtocolException {
        while (ui.remaining() > 0) {
            int subType = ui.u8();
            ui.skip(1);
            In sub = ui.sub(ui.u16(), String.format("user information sub-item 0x%02X", subType));
            switch (subType) {
                case ItemType.MAXIMUM_LENGTH -> a.setMaxPduLength(sub.u32());
                case ItemType.IMPLEMENTATION_CLASS_UID -> a.setImplementationClassUid(sub.uid());
                case ItemType.IMPLEMENTATION_VERSION_NAME -> a.setImplementationVersionName(sub.text());
                case ItemType.ASYNC_OPERATIONS_WINDOW -> a.setAsyncOperationsWindow(sub.u16(), sub.u16());
                case ItemType.ROLE_SELECTION -> {
                    String uid = sub.sub(sub.u16(), "role selection SOP class").uid();
                    a.addRoleSelection(new RoleSelection(uid, sub.u8() == 1, sub.u8() == 1));
                }
                case ItemType.SOP_CLASS_EXTENDED_NEGOTIATION -> {
                    String uid = sub.sub(sub.u16(), "extended negotiation SOP class").uid();
                    a.addExtendedNegotiation(uid, sub.rest());
                }
                case ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION -> {
                    String uid = sub.sub(sub.u16(), "common extended negotiation SOP class").uid();
                    String service = sub.sub(sub.u16(), "service class").uid();
                    In related = sub.sub(sub.u16(), "related general SOP classes");
                    List<String> uids = new ArrayList<>();
                    while (related.remaining() > 0) {
                        uids.add(related.sub(related.u16(), "related general SOP class").uid());
                    }
                    a.addCommonExtendedNegotiation(new CommonExtendedNegotiation(uid, service, uids));
                }
                case ItemType.USER_IDENTITY_RQ -> {
                    if (type == PDUType.A_ASSOCIATE_RQ) {
                        int idType = sub.u8();
                        boolean response = sub.u8() == 1;
                        byte[] primary = sub.sub(sub.u16(), "user identity primary field").rest();
                        byte[] secondary = sub.remaining() >= 2
                                ? sub.sub(sub.u16(), "user identity secondary field").rest() : new byte[0];
                        ((AAssociateRQ) a).setUserIdentity(new UserIdentity(idType, response, primary, secondary));
                    }
                }
                case ItemType.USER_IDENTITY_AC -> {
                    if (type == PDUType.A_ASSOCIATE_AC) {
                        ((AAssociateAC) a).setUserIdentityServerResponse(
                                sub.sub(sub.u16(), "user identity server response").rest());
                    }
                }
                default -> { } // unknown sub-item: skipped
            }
        }
    }

    /** A bounded big-endian view of part of a PDU body. */
    private static final class In {
        private final byte[] b;
        private int pos;
        private final int end;
        private final String what;

        In(byte[] b, int pos, int end, String what) {
            this.b = b;
            this.pos = pos;
            this.end = end;
            this.what = what;
        }

        int remaining() {
            return end - pos;
        }

        private void need(int n) throws ProtocolException {
            if (n > end - pos) {
                throw new ProtocolException(what + ": needs " + n + " bytes where " + (end - pos) + " remain",
                        AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
        }

        int u8() throws ProtocolException {
            need(1);
            return b[pos++] & 0xFF;
        }

        int u16() throws ProtocolException {
            need(2);
            int v = (b[pos] & 0xFF) << 8 | (b[pos + 1] & 0xFF);
            pos += 2;
            return v;
        }

        long u32() throws ProtocolException {
            return ((long) u16() << 16) | u16();
        }

        void skip(int n) throws ProtocolException {
            need(n);
            pos += n;
        }

        In sub(int length, String name) throws ProtocolException {
            need(length);
            In in = new In(b, pos, pos + length, name);
            pos += length;
            return in;
        }

        byte[] rest() {
            byte[] r = java.util.Arrays.copyOfRange(b, pos, end);
            pos = end;
            return r;
        }

        String text() {
            return new String(rest(), StandardCharsets.US_ASCII).strip();
        }

        /** A UID; a trailing NUL or space some implementations send is tolerated. */
        String uid() throws ProtocolException {
            String s = text();
            int n = s.length();
            while (n > 0 && s.charAt(n - 1) == '\0') {
                n--;
            }
            s = s.substring(0, n);
            if (s.isEmpty()) {
                throw new ProtocolException(what + ": empty UID", AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return s;
        }

        String aeTitle() throws ProtocolException {
            need(16);
            String s = new String(b, pos, 16, StandardCharsets.US_ASCII);
            pos += 16;
            return s;
        }
    }
}
