package org.beaconpacs.archive.entity.activity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One proposed presentation context and its answer (result -1: never answered, the association was rejected). */
@Embeddable
public class NegotiatedContext {

    @Column(name = "pc_id")
    private int pcId;
    @Column(name = "abstract_syntax")
    private String abstractSyntax;
    /** The proposed transfer syntax UIDs, separated by backslashes as in a DICOM multi-value. */
    @Column(name = "proposed_transfer_syntaxes")
    private String proposedTransferSyntaxes;
    private int result;
    @Column(name = "transfer_syntax")
    private String transferSyntax;

    protected NegotiatedContext() {
    }

    public NegotiatedContext(int pcId, String abstractSyntax, String proposedTransferSyntaxes, int result,
                             String transferSyntax) {
        this.pcId = pcId;
        this.abstractSyntax = abstractSyntax;
        this.proposedTransferSyntaxes = proposedTransferSyntaxes;
        this.result = result;
        this.transferSyntax = transferSyntax;
    }

    public int getPcId() {
        return pcId;
    }

    public String getAbstractSyntax() {
        return abstractSyntax;
    }

    public String getProposedTransferSyntaxes() {
        return proposedTransferSyntaxes;
    }

    public int getResult() {
        return result;
    }

    public String getTransferSyntax() {
        return transferSyntax;
    }
}
