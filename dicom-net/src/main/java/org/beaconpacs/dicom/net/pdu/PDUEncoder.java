package org.beaconpacs.dicom.net.pdu;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes the PDUs of PS3.8 9.3 other than P-DATA-TF (which is written PDV by PDV as data flows). */
public final class PDUEncoder {

    private PDUEncoder() {
    }

    public static byte[] encode(AAssociateRQ rq) {
        return associate(PDUType.A_ASSOCIATE_RQ, rq);
    }

    public static byte[] encode(AAssociateAC ac) {
        return associate(PDUType.A_ASSOCIATE_AC, ac);
    }

    public static byte[] encode(AAssociateRJ rj) {
        return new byte[] {PDUType.A_ASSOCIATE_RJ, 0, 0, 0, 0, 4, 0, (byte) rj.result(), (byte) rj.source(),
            (byte) rj.reason()};
    }

    public static byte[] encode(AAbort abort) {
        return new byte[] {PDUType.A_ABORT, 0, 0, 0, 0, 4, 0, 0, (byte) abort.source(), (byte) abort.reason()};
    }

    public static byte[] releaseRQ() {
        return new byte[] {PDUType.A_RELEASE_RQ, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    }

    public static byte[] releaseRP() {
        return new byte[] {PDUType.A_RELEASE_RP, 0, 0, 0, 0, 4, 0, 0, 0, 0};
    }

    private static byte[] associate(int type, AAssociateRQAC a) {
        Out body = new Out();
        body.u16(a.protocolVersion());
        body.u16(0);
        body.aeTitle(a.calledAeTitle());
        body.aeTitle(a.callingAeTitle());
        body.zeros(32);
        body.item(ItemType.APPLICATION_CONTEXT, ascii(a.applicationContext()));
        for (PresentationContext pc : a.presentationContexts()) {
            Out item = new Out();
            item.u8(pc.id());
            item.u8(0);
            if (type == PDUType.A_ASSOCIATE_RQ) {
                item.u8(0);
                item.u8(0);
                item.item(ItemType.ABSTRACT_SYNTAX, ascii(pc.abstractSyntax()));
                for (String ts : pc.transferSyntaxes()) {
                    item.item(ItemType.TRANSFER_SYNTAX, ascii(ts));
                }
                body.item(ItemType.PRESENTATION_CONTEXT_RQ, item.bytes());
            } else {
                item.u8(pc.result());
                item.u8(0);
                // not significant when rejected (PS3.8 9.3.3.2), but present: send the default syntax
                String ts = pc.transferSyntax() != null ? pc.transferSyntax() : "1.2.840.10008.1.2";
                item.item(ItemType.TRANSFER_SYNTAX, ascii(ts));
                body.item(ItemType.PRESENTATION_CONTEXT_AC, item.bytes());
            }
        }
        body.item(ItemType.USER_INFORMATION, userInformation(type, a));
        Out pdu = new Out();
        pdu.u8(type);
        pdu.u8(0);
        byte[] b = body.bytes();
        pdu.u32(b.length);
        pdu.raw(b);
        return pdu.bytes();
    }

    private static byte[] userInformation(int type, AAssociateRQAC a) {
        Out ui = new Out();
        Out max = new Out();
        max.u32(a.maxPduLength());
        ui.item(ItemType.MAXIMUM_LENGTH, max.bytes());
        if (a.implementationClassUid() != null) {
            ui.item(ItemType.IMPLEMENTATION_CLASS_UID, ascii(a.implementationClassUid()));
        }
        if (a.hasAsyncOperationsWindow()) {
            Out w = new Out();
            w.u16(a.maxOperationsInvoked());
            w.u16(a.maxOperationsPerformed());
            ui.item(ItemType.ASYNC_OPERATIONS_WINDOW, w.bytes());
        }
        for (RoleSelection rs : a.roleSelections()) {
            Out r = new Out();
            r.lengthPrefixed(ascii(rs.sopClass()));
            r.u8(rs.scu() ? 1 : 0);
            r.u8(rs.scp() ? 1 : 0);
            ui.item(ItemType.ROLE_SELECTION, r.bytes());
        }
        if (a.implementationVersionName() != null) {
            ui.item(ItemType.IMPLEMENTATION_VERSION_NAME, ascii(a.implementationVersionName()));
        }
        a.extendedNegotiations().forEach((sopClass, info) -> {
            Out e = new Out();
            e.lengthPrefixed(ascii(sopClass));
            e.raw(info);
            ui.item(ItemType.SOP_CLASS_EXTENDED_NEGOTIATION, e.bytes());
        });
        if (type == PDUType.A_ASSOCIATE_RQ) {
            for (CommonExtendedNegotiation cen : a.commonExtendedNegotiations()) {
                Out c = new Out();
                c.lengthPrefixed(ascii(cen.sopClass()));
                c.lengthPrefixed(ascii(cen.serviceClass()));
                Out related = new Out();
                for (String uid : cen.relatedGeneralSopClasses()) {
                    related.lengthPrefixed(ascii(uid));
                }
                c.lengthPrefixed(related.bytes());
                ui.item(ItemType.SOP_CLASS_COMMON_EXTENDED_NEGOTIATION, c.bytes());
            }
            UserIdentity id = ((AAssociateRQ) a).userIdentity();
            if (id != null) {
                Out u = new Out();
                u.u8(id.type());
                u.u8(id.positiveResponseRequested() ? 1 : 0);
                u.lengthPrefixed(id.primaryField());
                u.lengthPrefixed(id.secondaryField());
                ui.item(ItemType.USER_IDENTITY_RQ, u.bytes());
            }
        } else {
            byte[] response = ((AAssociateAC) a).userIdentityServerResponse();
            if (response != null) {
                Out u = new Out();
                u.lengthPrefixed(response);
                ui.item(ItemType.USER_IDENTITY_AC, u.bytes());
            }
        }
        return ui.bytes();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    /** Big-endian output (the Upper Layer's byte order, PS3.8 9.3.1). */
    private static final class Out {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void u8(int v) {
            out.write(v);
        }

        void u16(int v) {
            out.write(v >> 8);
            out.write(v);
        }

        void u32(long v) {
            u16((int) (v >> 16));
            u16((int) v);
        }

        void zeros(int n) {
            out.writeBytes(new byte[n]);
        }

        void raw(byte[] b) {
            out.writeBytes(b);
        }

        void aeTitle(String ae) {
            byte[] b = new byte[16];
            java.util.Arrays.fill(b, (byte) ' ');
            byte[] a = ascii(ae);
            System.arraycopy(a, 0, b, 0, Math.min(16, a.length));
            raw(b);
        }

        /** An item: type, reserved byte, 2-byte length, value. */
        void item(int type, byte[] value) {
            if (value.length > 0xFFFF) {
                throw new IllegalArgumentException("item of " + value.length + " bytes does not fit its length field");
            }
            u8(type);
            u8(0);
            u16(value.length);
            raw(value);
        }

        void lengthPrefixed(byte[] value) {
            u16(value.length);
            raw(value);
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
