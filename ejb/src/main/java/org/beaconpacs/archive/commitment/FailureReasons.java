package org.beaconpacs.archive.commitment;

/** The Failure Reasons of a Storage Commitment report (PS3.3 C.14.1.1), in words for logs and the console. */
final class FailureReasons {

    static final int RESOURCE_LIMITATION = 0x0213;
    static final int REFERENCED_SOP_CLASS_NOT_SUPPORTED = 0x0122;

    private FailureReasons() {
    }

    static String text(int reason) {
        String words = switch (reason) {
            case InstanceCheck.PROCESSING_FAILURE -> "processing failure";
            case InstanceCheck.NO_SUCH_OBJECT_INSTANCE -> "no such object instance";
            case RESOURCE_LIMITATION -> "resource limitation";
            case REFERENCED_SOP_CLASS_NOT_SUPPORTED -> "referenced SOP Class not supported";
            case InstanceCheck.CLASS_INSTANCE_CONFLICT -> "class / instance conflict";
            case InstanceCheck.DUPLICATE_TRANSACTION_UID -> "duplicate transaction UID";
            default -> "failure reason";
        };
        return words + String.format(" (%04XH)", reason);
    }
}
