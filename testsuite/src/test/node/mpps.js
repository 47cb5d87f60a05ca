// Modality Performed Procedure Step SCU with dcmjs-dimse, as a modality: on one association, the requests
// named by the arguments in order, each data set from a JSON file of DICOM keywords (dcmjs' naturalized
// form): "create:FILE" an N-CREATE of SOP_INSTANCE_UID, "set:FILE" an N-SET of it. Prints one line per
// response: "NCREATE 0x0000 comment" / "NSET 0x0110 comment".
// Usage: node mpps.js HOST PORT CALLED_AE CALLING_AE SOP_INSTANCE_UID create:FILE [set:FILE...]
const fs = require('fs');
const run = require('./client');
const { Client, Dataset, requests, constants } = require('dcmjs-dimse');
const { SopClass } = constants;

const [host, port, calledAe, callingAe, uid, ...steps] = process.argv.slice(2);
const client = new Client();
steps.forEach((step) => {
  const [kind, file] = step.split(/:(.*)/s);
  const ds = new Dataset(JSON.parse(fs.readFileSync(file, 'utf8')));
  const rq = kind === 'create'
    ? new requests.NCreateRequest(SopClass.ModalityPerformedProcedureStep, uid)
    : new requests.NSetRequest(SopClass.ModalityPerformedProcedureStep, uid);
  rq.setDataset(ds);
  rq.on('response', (rsp) => {
    // a comment only with a failure (a success has none, yet dcmjs-dimse showed an earlier one there)
    const comment = rsp.getStatus() !== 0 && rsp.getErrorComment ? rsp.getErrorComment() : undefined;
    console.log((kind === 'create' ? 'NCREATE' : 'NSET') + ' 0x' + rsp.getStatus().toString(16).padStart(4, '0')
      + (comment ? ' ' + comment : ''));
  });
  client.addRequest(rq);
});
run(client, host, port, callingAe, calledAe, () => {});
