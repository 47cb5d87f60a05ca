// Storage Commitment SCU with dcmjs-dimse, as a modality: sends one N-ACTION (Request Storage Commitment)
// and waits for the N-EVENT-REPORT, on the same association (it lingers LINGER_MS after the N-ACTION-RSP)
// or, when LISTEN_PORT is not 0, on a new association to its own listener as well. Prints the N-ACTION-RSP
// status ("NACTION 0x0000"), then the report as one line of JSON ("REPORT {...}") with how it came, and
// exits 0 once it has one; exit 4 when none came within WAIT_MS.
// Usage: node commit.js HOST PORT CALLED_AE CALLING_AE LISTEN_PORT LINGER_MS WAIT_MS TRANSACTION_UID
//          SOP_CLASS_UID/SOP_INSTANCE_UID...
//   TRANSACTION_UID "-": no request, only the listener (a modality that comes back up for a report due)
const run = require('./client');
const { Client, Server, Scp, Dataset, requests, responses, constants } = require('dcmjs-dimse');
const { SopClass, Status } = constants;
const acceptOnly = require('./accept');

const [host, port, calledAe, callingAe, listenPort, linger, wait, transactionUid, ...refs] = process.argv.slice(2);

let server;
let sentAt = Date.now();
function report(request, how) {
  const ds = request.getDataset();
  const elements = ds ? ds.getElements() : {};
  const items = (seq) => (seq || []).map((i) => ({ uid: i.ReferencedSOPInstanceUID, reason: i.FailureReason }));
  console.log('REPORT ' + JSON.stringify({
    how,
    ms: Date.now() - sentAt, // from the N-ACTION sent to the report received
    eventTypeId: request.getEventTypeId(),
    transactionUid: elements.TransactionUID,
    retrieveAeTitle: elements.RetrieveAETitle,
    referenced: items(elements.ReferencedSOPSequence),
    failed: items(elements.FailedSOPSequence),
  }));
  const rsp = responses.NEventReportResponse.fromRequest(request);
  rsp.setStatus(Status.Success);
  return rsp;
}
function done() {
  setTimeout(() => process.exit(0), 300); // the response leaves first
}

class ModalityScp extends Scp {
  associationRequested(association) {
    acceptOnly(association, SopClass.StorageCommitmentPushModel);
    console.log('ASSOCIATION ' + association.getCallingAeTitle() + ' -> ' + association.getCalledAeTitle());
    this.sendAssociationAccept();
  }
  nEventReportRequest(request, callback) {
    callback(report(request, 'new'));
    done();
  }
  associationReleaseRequested() {
    this.sendAssociationReleaseResponse();
  }
}

if (parseInt(listenPort, 10) > 0) {
  server = new Server(ModalityScp);
  server.listen(parseInt(listenPort, 10));
}
setTimeout(() => {
  console.error('no N-EVENT-REPORT within ' + wait + ' ms');
  process.exit(4);
}, parseInt(wait, 10));

if (transactionUid === '-') {
  return;
}
const action = new requests.NActionRequest(SopClass.StorageCommitmentPushModel,
  '1.2.840.10008.1.20.1.1', 1);
action.setDataset(new Dataset({
  TransactionUID: transactionUid,
  ReferencedSOPSequence: refs.map((r) => {
    const [cuid, iuid] = r.split('/');
    return { ReferencedSOPClassUID: cuid, ReferencedSOPInstanceUID: iuid };
  }),
}));
action.on('response', (response) => {
  console.log('NACTION 0x' + response.getStatus().toString(16).padStart(4, '0'));
});
const client = new Client();
client.addRequest(action);
client.on('associationAccepted', () => {
  sentAt = Date.now();
});
client.on('nEventReportRequest', (request, callback) => {
  callback(report(request, 'same'));
  done();
});
client.send = ((send) => (h, p, calling, called) => send.call(client, h, p, calling, called,
  { associationLingerTimeout: parseInt(linger, 10) }))(client.send);
run(client, host, port, callingAe, calledAe, () => {
  // released: a report on a new association may still come, until WAIT_MS
});
