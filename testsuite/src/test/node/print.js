// Print Management SCU with dcmjs-dimse, as a modality printing films: follows a plan (JSON) on one
// association, each request sent once the response it depends on came. Prints one line per response:
// "<COMMAND> <OBJECT> 0x<status> [comment]", "JOB <uid>" for each print job referenced, "EVENT <json>" for
// each N-EVENT-REPORT the SCP sends, "GET <OBJECT> <json>" for N-GET answers.
// Usage: node print.js HOST PORT CALLED_AE CALLING_AE PLAN.json
// The plan: { "color": false, "session": {attrs}, "luts": [{"id", "attrs"}],
//   "films": [{"attrs": {...}, "lut": id, "images": [{"position", "attrs", "lut", "image": {"rows", "columns",
//     "bits": 8|12, "photometric", "pattern": "value:N" | "hramp" | "checker:N", "bytes": override}}],
//     "annotations": [{"position", "text"}], "print": true}],
//   "printSession": true, "getPrinter": true, "getConfiguration": true, "getJob": true, "deleteSession": true, "lingerMs": 1000,
//   "imageBoxUid": "override the UID of the first N-SET", "early": [images set before any film box],
//   "abort": true (A-ABORT after the last image N-SET of a film) }
const fs = require('fs');
const run = require('./client');
const { Client, Dataset, requests, responses, constants, association } = require('dcmjs-dimse');
const { SopClass, Status } = constants;

const [host, port, calledAe, callingAe, planFile] = process.argv.slice(2);
const plan = JSON.parse(fs.readFileSync(planFile, 'utf8'));
const meta = plan.color ? SopClass.BasicColorPrintManagementMeta : SopClass.BasicGrayscalePrintManagementMeta;
const FILM_SESSION = '1.2.840.10008.5.1.1.1';
const FILM_BOX = '1.2.840.10008.5.1.1.2';
const GRAY_BOX = '1.2.840.10008.5.1.1.4';
const COLOR_BOX = '1.2.840.10008.5.1.1.4.1';
const ANNOTATION = '1.2.840.10008.5.1.1.15';
const PLUT = '1.2.840.10008.5.1.1.23';
const PRINTER = '1.2.840.10008.5.1.1.16';
const PRINTER_INSTANCE = '1.2.840.10008.5.1.1.17';
const PRINT_JOB = '1.2.840.10008.5.1.1.14';
const client = new Client();
const luts = {};
const jobs = [];
let sessionUid = '1.2.826.0.1.3680043.10.1234.' + Date.now();

function hex(s) {
  return '0x' + s.toString(16).padStart(4, '0');
}
function log(what, rsp) {
  const status = rsp.getStatus();
  const comment = status !== 0 && rsp.getErrorComment ? rsp.getErrorComment() : undefined;
  console.log(what + ' ' + hex(status) + (comment ? ' ' + comment : ''));
}
function send(rq, what, ds, then) {
  if (ds && Object.keys(ds).length) { // dcmjs-dimse announces an empty data set it never sends
    rq.setDataset(new Dataset(ds));
  }
  rq.on('response', (rsp) => {
    log(what, rsp);
    const data = rsp.getDataset() ? rsp.getDataset().getElements() : {};
    if (plan.debug) console.log('DATA ' + JSON.stringify(data));
    // (2100,0500) in the N-ACTION-RSP (PS3.4 H.4.1.2.4); dcmjs' dictionary has it as a retired Pull
    // Stored Print attribute
    const jobKey = Object.keys(data).find((k) => k.endsWith('ReferencedPrintJobSequencePullStoredPrint'));
    (jobKey ? data[jobKey] : []).forEach((j) => {
      jobs.push(j.ReferencedSOPInstanceUID);
      console.log('JOB ' + j.ReferencedSOPInstanceUID);
    });
    if (then) {
      then(rsp, data);
    }
  });
  // once the association is up, into the queue it is working through (dcmjs-dimse sends only those)
  if (client.network) {
    client.network.requests.push(rq);
  } else {
    client.addRequest(rq);
  }
}
function pixels(img) {
  const rows = img.rows;
  const cols = img.columns;
  const samples = plan.color ? 3 : 1;
  const bytesPer = img.bits === 12 ? 2 : 1;
  const max = img.bits === 12 ? 4095 : 255;
  const n = img.bytes !== undefined ? img.bytes : rows * cols * samples * bytesPer;
  const buf = Buffer.alloc(n);
  for (let i = 0; i < rows * cols && (i + 1) * samples * bytesPer <= n; i++) {
    const x = i % cols;
    const y = Math.floor(i / cols);
    let v;
    const [kind, arg] = (img.pattern || 'value:0').split(':');
    if (kind === 'value') v = parseInt(arg, 10);
    else if (kind === 'hramp') v = Math.round((x * max) / (cols - 1));
    else v = (Math.floor(x / parseInt(arg, 10)) + Math.floor(y / parseInt(arg, 10))) % 2 ? max : 0;
    for (let s = 0; s < samples; s++) {
      const off = (i * samples + s) * bytesPer;
      if (bytesPer === 2) buf.writeUInt16LE(v, off);
      else buf[off] = plan.color && img.rgb ? img.rgb[s] : v;
    }
  }
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.length);
}
function imageItem(img) {
  const color = !!plan.color;
  return Object.assign({
    SamplesPerPixel: color ? 3 : 1,
    PhotometricInterpretation: color ? 'RGB' : (img.photometric || 'MONOCHROME2'),
    Rows: img.rows,
    Columns: img.columns,
    PixelAspectRatio: ['1', '1'],
    BitsAllocated: img.bits === 12 ? 16 : 8,
    BitsStored: img.bits === 12 ? 12 : 8,
    HighBit: img.bits === 12 ? 11 : 7,
    PixelRepresentation: 0,
    PixelData: [pixels(img)],
  }, color ? { PlanarConfiguration: 0 } : {}, img.attrs || {});
}
function lutRef(id) {
  return id ? { ReferencedPresentationLUTSequence: [{ ReferencedSOPClassUID: PLUT,
    ReferencedSOPInstanceUID: luts[id] }] } : {};
}

function filmBoxes(index) {
  if (index >= (plan.films || []).length) {
    finish();
    return;
  }
  const film = plan.films[index];
  const attrs = Object.assign({}, film.attrs, lutRef(film.lut), {
    ReferencedFilmSessionSequence: [{ ReferencedSOPClassUID: FILM_SESSION, ReferencedSOPInstanceUID: sessionUid }],
  });
  send(new requests.NCreateRequest(FILM_BOX, '', meta), 'NCREATE FILMBOX', attrs, (rsp, data) => {
    const boxes = data.ReferencedImageBoxSequence || [];
    const texts = data.ReferencedBasicAnnotationBoxSequence || [];
    console.log('IMAGEBOXES ' + boxes.length + ' ANNOTATIONBOXES ' + texts.length);
    const filmUid = rsp.getAffectedSopInstanceUid();
    (film.images || []).forEach((img, k) => {
      const ref = boxes[img.position - 1];
      const uid = index === 0 && k === 0 && plan.imageBoxUid ? plan.imageBoxUid : ref && ref.ReferencedSOPInstanceUID;
      const ds = Object.assign({ ImageBoxPosition: img.position }, img.attrs || {}, lutRef(img.lut));
      ds[plan.color ? 'BasicColorImageSequence' : 'BasicGrayscaleImageSequence'] = [imageItem(img.image)];
      const last = k === film.images.length - 1;
      send(new requests.NSetRequest(plan.color ? COLOR_BOX : GRAY_BOX, uid || '1.2.3.4', meta),
        'NSET IMAGEBOX ' + img.position, ds, () => {
          if (plan.abort && last) { // the SCU dies mid-session
            console.log('ABORT');
            client.abort();
            setTimeout(() => process.exit(0), 300);
          }
        });
    });
    (film.annotations || []).forEach((a) => {
      const ref = texts[a.position - 1];
      send(new requests.NSetRequest(ANNOTATION, ref ? ref.ReferencedSOPInstanceUID : '1.2.3.4', ANNOTATION),
        'NSET ANNOTATION ' + a.position, { AnnotationPosition: a.position, TextString: a.text });
    });
    if (film.print && filmUid) {
      send(new requests.NActionRequest(FILM_BOX, filmUid, 1, meta), 'NACTION FILMBOX', undefined);
    }
    filmBoxes(index + 1);
  });
}

function finish() {
  if (plan.printSession) {
    send(new requests.NActionRequest(FILM_SESSION, sessionUid, 1, meta), 'NACTION FILMSESSION', undefined,
      () => getJobs());
  } else {
    getJobs();
  }
}
function getJobs() {
  if (plan.getJob) {
    jobs.forEach((uid) => send(new requests.NGetRequest(PRINT_JOB, uid, [], PRINT_JOB), 'NGET PRINTJOB', undefined,
      (rsp, data) => console.log('GET PRINTJOB ' + JSON.stringify(data))));
  }
  if (plan.deleteSession) {
    send(new requests.NDeleteRequest(FILM_SESSION, sessionUid, meta), 'NDELETE FILMSESSION', undefined);
  }
}

if (plan.getConfiguration) {
  send(new requests.NGetRequest('1.2.840.10008.5.1.1.16.376', '1.2.840.10008.5.1.1.17.376', [],
    '1.2.840.10008.5.1.1.16.376'), 'NGET CONFIGURATION', undefined,
  (rsp, data) => console.log('GET CONFIGURATION ' + JSON.stringify(data)));
}
if (plan.getPrinter) {
  send(new requests.NGetRequest(PRINTER, PRINTER_INSTANCE, [], meta), 'NGET PRINTER', undefined,
    (rsp, data) => console.log('GET PRINTER ' + JSON.stringify(data)));
}
(plan.luts || []).forEach((l) => {
  send(new requests.NCreateRequest(PLUT, '', PLUT), 'NCREATE PLUT ' + l.id, l.attrs, (rsp) => {
    luts[l.id] = rsp.getAffectedSopInstanceUid();
  });
});
if (plan.session !== null) {
  if (plan.sessionUid) sessionUid = plan.sessionUid;
  send(new requests.NCreateRequest(FILM_SESSION, sessionUid, meta), 'NCREATE FILMSESSION', plan.session || {},
    () => {
      // "early": image box N-SETs before any film box (to made-up UIDs)
      (plan.early || []).forEach((img) => {
        const ds = { ImageBoxPosition: img.position };
        ds[plan.color ? 'BasicColorImageSequence' : 'BasicGrayscaleImageSequence'] = [imageItem(img.image)];
        send(new requests.NSetRequest(plan.color ? COLOR_BOX : GRAY_BOX, '1.2.826.0.1.3680043.10.1234.99', meta),
          'NSET EARLY IMAGEBOX', ds);
      });
      filmBoxes(0);
    });
} else {
  filmBoxes(0);
}
client.on('nEventReportRequest', (request, callback) => {
  const data = request.getDataset() ? request.getDataset().getElements() : {};
  console.log('EVENT ' + JSON.stringify({ sopClass: request.getAffectedSopClassUid(),
    uid: request.getAffectedSopInstanceUid(), eventTypeId: request.getEventTypeId(), data }));
  const rsp = responses.NEventReportResponse.fromRequest(request);
  rsp.setStatus(Status.Success);
  callback(rsp);
});
// the SOP classes requested later, proposed at once (with the meta SOP class of the first requests)
[meta, ANNOTATION, PLUT, PRINT_JOB, '1.2.840.10008.5.1.1.16.376'].forEach((uid, i) => {
  const pc = new association.PresentationContext(101 + 2 * i, uid);
  pc.addTransferSyntaxUid(constants.TransferSyntax.ExplicitVRLittleEndian);
  pc.addTransferSyntaxUid(constants.TransferSyntax.ImplicitVRLittleEndian);
  client.addAdditionalPresentationContext(pc);
});
// each request follows a response: the association waits for the next one instead of being released
client.send = ((s) => (h, p, calling, called) => s.call(client, h, p, calling, called,
  { associationLingerTimeout: plan.lingerMs || 1000 }))(client.send);
run(client, host, port, callingAe, calledAe, () => {});
