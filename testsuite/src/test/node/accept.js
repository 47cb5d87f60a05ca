// The presentation contexts a dcmjs-dimse Scp accepts in the tests: those of one SOP class (Explicit VR Little
// Endian when proposed, else the first syntax proposed); every other is rejected.
const { PresentationContextResult, TransferSyntax } = require('dcmjs-dimse').constants;

module.exports = function acceptOnly(association, sopClass) {
  association.getPresentationContexts().forEach((c) => {
    const context = association.getPresentationContext(c.id);
    const syntaxes = context.getTransferSyntaxUids();
    if (context.getAbstractSyntaxUid() === sopClass) {
      context.setResult(PresentationContextResult.Accept,
        syntaxes.includes(TransferSyntax.ExplicitVRLittleEndian) ? TransferSyntax.ExplicitVRLittleEndian : syntaxes[0]);
    } else {
      context.setResult(PresentationContextResult.RejectAbstractSyntaxNotSupported);
    }
  });
};
