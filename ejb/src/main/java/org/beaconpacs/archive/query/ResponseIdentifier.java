package org.beaconpacs.archive.query;

import org.beaconpacs.dicom.data.Attributes;
import org.beaconpacs.dicom.data.Sequence;
import org.beaconpacs.dicom.data.VR;
import org.beaconpacs.dicom.dict.Tag;

/**
 * The identifier of a C-FIND response (PS3.4 C.4.1.1.3.2): every key of the request with the matched
 * entity's value (empty where it has none), the Query/Retrieve Level, and the Retrieve AE Title and
 * Instance Availability that tell the requestor where and how the entity can be retrieved. Sequence keys
 * return their items with the keys of the request's item (all attributes when that item is empty).
 */
public final class ResponseIdentifier {

    static final String ONLINE = "ONLINE";

    private ResponseIdentifier() {
    }

    static Attributes of(FindQuery q, Attributes match, String retrieveAeTitle) {
        Attributes rsp = requested(q.keys(), match, 3);
        if (q.allAttributes()) {
            rsp.addMissing(match);
        }
        rsp.setString(Tag.QueryRetrieveLevel, VR.CS, q.levelName());
        if (retrieveAeTitle != null) {
            rsp.setString(Tag.RetrieveAETitle, VR.AE, retrieveAeTitle);
        }
        rsp.setString(Tag.InstanceAvailability, VR.CS, ONLINE);
        return rsp;
    }

    /**
     * Every key of {@code keys} with the value {@code match} has for it, zero length where it has none;
     * sequence keys with their items cut to the keys of the request's item. The core of every C-FIND
     * answer (Query/Retrieve, Modality Worklist).
     */
    public static Attributes requested(Attributes keys, Attributes match) {
        return requested(keys, match, 0);
    }

    private static Attributes requested(Attributes keys, Attributes match, int more) {
        Attributes rsp = new Attributes(keys.size() + more);
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet || (tag >>> 16) <= 0x0002) {
                continue;
            }
            VR vr = keys.vrAt(i);
            int at = match.indexOf(tag);
            if (at < 0) {
                if (vr == VR.SQ) {
                    rsp.newSequence(tag);
                } else {
                    rsp.setValue(tag, vr, new byte[0]);
                }
            } else if (match.vrAt(at) == VR.SQ) {
                copySequence(keys.getSequence(tag), match.getSequence(tag), rsp.newSequence(tag));
            } else {
                rsp.setValue(tag, match.vrAt(at), match.valueAt(at));
            }
        }
        return rsp;
    }

    private static void copySequence(Sequence asked, Sequence stored, Sequence out) {
        Attributes wanted = asked == null || asked.isEmpty() ? null : asked.get(0);
        for (Attributes item : stored) {
            if (wanted == null || wanted.isEmpty()) {
                out.add(new Attributes(item));
                continue;
            }
            Attributes copy = new Attributes(wanted.size());
            for (int i = 0; i < wanted.size(); i++) {
                int tag = wanted.tagAt(i);
                int at = item.indexOf(tag);
                if (at >= 0) {
                    copy.setValue(tag, item.vrAt(at), item.valueAt(at));
                } else if (wanted.vrAt(i) != VR.SQ) {
                    copy.setValue(tag, wanted.vrAt(i), new byte[0]);
                }
            }
            out.add(copy);
        }
    }
}
