// Storage Commitment SCP with dcmjs-dimse, as a long-term archive the archive asks for commitment: takes one
// N-ACTION (Request Storage Commitment), answers Success, then reports on the same association (MODE
// "same"): first a report with a Transaction UID nobody asked for, whose N-EVENT-REPORT-RSP status it prints
// ("UNKNOWN 0x0115"), then the real one ("REPORT 0x0000"): every instance committed except those named
// after MODE, which fail with 0x0112 (no such object instance). MODE "silent": never reports. Prints
// "LISTENING" once up and "ACTION n" with the number of instances asked for; exits after the release.
// Usage: node commit-scp.js LISTEN_PORT MODE [FAILED_SOP_INSTANCE_UID...]
const { Server, Scp, Dataset, requests, responses, constants } = require('dcmjs-dimse');
const { SopClass, Status } = constants;
const acceptOnly = require('./accept');

const [listenPort, mode, ...missing] = process.argv.slice(2);
const INSTANCE = '1.2.840.10008.1.20.1.1';

function eventReport(transactionUid, refs, label) {
  const failed = refs.filter((r) => missing.includes(r.ReferencedSOPInstanceUID));
  const committed = refs.filter((r) => !missing.includes(r.ReferencedSOPInstanceUID));
  const rq = new requests.NEventReportRequest(SopClass.StorageCommitmentPushModel, INSTANCE,
    failed.length ? 2 : 1);
  const ds = { TransactionUID: transactionUid, RetrieveAETitle: 'LTA' };
  if (committed.length) {
    ds.ReferencedSOPSequence = committed.map((r) => ({ ReferencedSOPClassUID: r.ReferencedSOPClassUID,
      ReferencedSOPInstanceUID: r.ReferencedSOPInstanceUID }));
  }
  if (failed.length) {
    ds.FailedSOPSequence = failed.map((r) => ({ ReferencedSOPClassUID: r.ReferencedSOPClassUID,
      ReferencedSOPInstanceUID: r.ReferencedSOPInstanceUID, FailureReason: 0x0112 }));
  }
  rq.setDataset(new Dataset(ds));
  rq.on('response', (rsp) => console.log(label + ' 0x' + rsp.getStatus().toString(16).padStart(4, '0')));
  return rq;
}

class ArchiveScp extends Scp {
  associationRequested(association) {
    acceptOnly(association, SopClass.StorageCommitmentPushModel);
    this.sendAssociationAccept();
  }
  nActionRequest(request, callback) {
    const elements = request.getDataset().getElements();
    const refs = elements.ReferencedSOPSequence || [];
    console.log('ACTION ' + refs.length);
    const rsp = responses.NActionResponse.fromRequest(request);
    rsp.setStatus(Status.Success);
    callback(rsp);
    if (mode === 'same') {
      setTimeout(() => this.sendRequests([eventReport('1.2.3.4.5.6.404', refs, 'UNKNOWN'),
        eventReport(elements.TransactionUID, refs, 'REPORT')]), 200);
    }
  }
  associationReleaseRequested() {
    this.sendAssociationReleaseResponse();
    setTimeout(() => process.exit(0), 300);
  }
}

const server = new Server(ArchiveScp);
server.listen(parseInt(listenPort, 10));
console.log('LISTENING');
setTimeout(() => process.exit(4), 120000);
