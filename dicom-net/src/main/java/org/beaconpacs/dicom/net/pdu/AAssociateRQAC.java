package org.beaconpacs.dicom.net.pdu;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What A-ASSOCIATE-RQ and -AC share (PS3.8 9.3.2, 9.3.3): protocol version, AE titles, application
 * context, presentation contexts, and the user information items (PS3.7 Annex D.3.3).
 */
public abstract class AAssociateRQAC {

    /** The DICOM Application Context Name (PS3.7 A.2.1). */
    public static final String DICOM_APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    /** Protocol version 1 (PS3.8 9.3.2): bit 0 set. */
    public static final int PROTOCOL_VERSION = 1;

    private int protocolVersion = PROTOCOL_VERSION;
    private String calledAeTitle = "ANY-SCP";
    private String callingAeTitle = "ANY-SCU";
    private String applicationContext = DICOM_APPLICATION_CONTEXT;
    private final Map<Integer, PresentationContext> presentationContexts = new LinkedHashMap<>();
    private long maxPduLength = 16_384;
    private String implementationClassUid;
    private String implementationVersionName;
    private int maxOperationsInvoked = 1;
    private int maxOperationsPerformed = 1;
    private boolean asyncOperationsWindow;
    private final Map<String, RoleSelection> roleSelections = new LinkedHashMap<>();
    private final Map<String, byte[]> extendedNegotiations = new LinkedHashMap<>();
    private final Map<String, CommonExtendedNegotiation> commonExtendedNegotiations = new LinkedHashMap<>();

    public int protocolVersion() {
        return protocolVersion;
    }

    public void setProtocolVersion(int protocolVersion) {
        this.protocolVersion = protocolVersion;
    }

    public String calledAeTitle() {
        return calledAeTitle;
    }

    public void setCalledAeTitle(String aeTitle) {
        this.calledAeTitle = AeTitles.check(aeTitle);
    }

    public String callingAeTitle() {
        return callingAeTitle;
    }

    public void setCallingAeTitle(String aeTitle) {
        this.callingAeTitle = AeTitles.check(aeTitle);
    }

    public String applicationContext() {
        return applicationContext;
    }

    public void setApplicationContext(String applicationContext) {
        this.applicationContext = applicationContext;
    }

    public Collection<PresentationContext> presentationContexts() {
        return presentationContexts.values();
    }

    public PresentationContext presentationContext(int id) {
        return presentationContexts.get(id);
    }

    public void addPresentationContext(PresentationContext pc) {
        if (presentationContexts.putIfAbsent(pc.id(), pc) != null) {
            throw new IllegalArgumentException("presentation context ID " + pc.id() + " used twice");
        }
    }

    /** Like {@link #addPresentationContext} for a decoder: a repeated ID is a protocol error. */
    void addPresentationContextChecked(PresentationContext pc) throws ProtocolException {
        if (presentationContexts.putIfAbsent(pc.id(), pc) != null) {
            throw new ProtocolException("presentation context ID " + pc.id() + " used twice",
                    AAbort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
    }

    /** Maximum length of the P-DATA-TF PDUs this side receives; 0 means no limit (PS3.8 D.1). */
    public long maxPduLength() {
        return maxPduLength;
    }

    public void setMaxPduLength(long maxPduLength) {
        this.maxPduLength = maxPduLength;
    }

    public String implementationClassUid() {
        return implementationClassUid;
    }

    public void setImplementationClassUid(String uid) {
        this.implementationClassUid = uid;
    }

    public String implementationVersionName() {
        return implementationVersionName;
    }

    public void setImplementationVersionName(String name) {
        this.implementationVersionName = name;
    }

    /** True if the PDU carries an Asynchronous Operations Window sub-item. */
    public boolean hasAsyncOperationsWindow() {
        return asyncOperationsWindow;
    }

    public int maxOperationsInvoked() {
        return maxOperationsInvoked;
    }

    public int maxOperationsPerformed() {
        return maxOperationsPerformed;
    }

    /** Proposes or grants outstanding operations (0 = unlimited, PS3.7 D.3.3.3). */
    public void setAsyncOperationsWindow(int invoked, int performed) {
        this.asyncOperationsWindow = true;
        this.maxOperationsInvoked = invoked;
        this.maxOperationsPerformed = performed;
    }

    public Collection<RoleSelection> roleSelections() {
        return roleSelections.values();
    }

    public RoleSelection roleSelection(String sopClass) {
        return roleSelections.get(sopClass);
    }

    public void addRoleSelection(RoleSelection rs) {
        roleSelections.put(rs.sopClass(), rs);
    }

    public Map<String, byte[]> extendedNegotiations() {
        return extendedNegotiations;
    }

    public void addExtendedNegotiation(String sopClass, byte[] info) {
        extendedNegotiations.put(sopClass, info.clone());
    }

    public Collection<CommonExtendedNegotiation> commonExtendedNegotiations() {
        return commonExtendedNegotiations.values();
    }

    public void addCommonExtendedNegotiation(CommonExtendedNegotiation cen) {
        commonExtendedNegotiations.put(cen.sopClass(), cen);
    }

    /** A multi-line description for association logs. */
    public String describe() {
        List<String> lines = new ArrayList<>();
        lines.add(getClass().getSimpleName() + " " + callingAeTitle + " -> " + calledAeTitle);
        lines.add("  max PDU length: " + maxPduLength + ", implementation: " + implementationClassUid
                + (implementationVersionName == null ? "" : " " + implementationVersionName));
        if (asyncOperationsWindow) {
            lines.add("  async operations window: invoked " + maxOperationsInvoked + ", performed "
                    + maxOperationsPerformed);
        }
        for (PresentationContext pc : presentationContexts.values()) {
            lines.add("  " + pc);
        }
        for (RoleSelection rs : roleSelections.values()) {
            lines.add("  " + rs);
        }
        return String.join("\n", lines);
    }

    @Override
    public String toString() {
        return describe();
    }
}
