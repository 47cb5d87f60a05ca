package org.beaconpacs.archive.ups;

/** Procedure Step State (0074,1000) of a Unified Procedure Step (PS3.4 CC.1.1). */
public enum ProcedureStepState {
    SCHEDULED("SCHEDULED"), IN_PROGRESS("IN PROGRESS"), CANCELED("CANCELED"), COMPLETED("COMPLETED");

    private final String code;

    ProcedureStepState(String code) {
        this.code = code;
    }

    /** The value as DICOM writes it. */
    public String code() {
        return code;
    }

    public boolean isFinal() {
        return this == CANCELED || this == COMPLETED;
    }

    /** The state a value names, or null. */
    public static ProcedureStepState of(String value) {
        if (value == null) {
            return null;
        }
        for (ProcedureStepState s : values()) {
            if (s.code.equals(value.strip())) {
                return s;
            }
        }
        return null;
    }
}
