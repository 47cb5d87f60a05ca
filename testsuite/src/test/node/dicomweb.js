// The npm dicomweb-client (the DICOMweb client of OHIF and Slim) against the archive: STOW of a Part 10 file,
// QIDO of its study, series and instances, WADO-RS of its metadata, the instance, a frame, its bulk data and
// a rendered PNG. Prints one JSON object of what came back; exits 1 with the error on stderr.
// usage: node dicomweb.js ROOT TOKEN FILE STUDY SERIES INSTANCE
global.XMLHttpRequest = require('xhr2'); // the client is written for browsers
const fs = require('fs');
const { api } = require('dicomweb-client');

const [root, token, file, study, series, instance] = process.argv.slice(2);
const client = new api.DICOMwebClient({ url: root, headers: { Authorization: 'Bearer ' + token } });
const ids = { studyInstanceUID: study, seriesInstanceUID: series, sopInstanceUID: instance };
const buffer = (b) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
const ascii = (ab, from, to) => Buffer.from(ab).subarray(from, to).toString('latin1');

(async () => {
  const out = {};
  const stored = await client.storeInstances({ datasets: [buffer(fs.readFileSync(file))] });
  out.stored = stored ? 1 : 0;
  out.studies = (await client.searchForStudies({ queryParams: { StudyInstanceUID: study } })).length;
  out.series = (await client.searchForSeries({ studyInstanceUID: study })).length;
  out.instances = (await client.searchForInstances({ studyInstanceUID: study, seriesInstanceUID: series })).length;
  const metadata = await client.retrieveStudyMetadata({ studyInstanceUID: study });
  out.metadata = metadata.length;
  const pixels = metadata[0]['7FE00010'];
  out.pixelDataUri = pixels && pixels.BulkDataURI ? pixels.BulkDataURI : null;
  const part10 = await client.retrieveInstance(ids);
  out.part10 = ascii(part10, 128, 132);
  const frames = await client.retrieveInstanceFrames({ ...ids, frameNumbers: [1] });
  out.frameBytes = frames[0].byteLength;
  if (out.pixelDataUri) {
    const bulk = await client.retrieveBulkData({ BulkDataURI: out.pixelDataUri });
    out.bulkBytes = bulk[0].byteLength;
  }
  const png = await client.retrieveInstanceRendered({ ...ids, mediaTypes: [{ mediaType: 'image/png' }] });
  out.rendered = ascii(Array.isArray(png) ? png[0] : png, 1, 4); // a single part comes as [ArrayBuffer]
  console.log(JSON.stringify(out));
})().catch((e) => {
  console.error(e && e.stack ? e.stack : JSON.stringify(e));
  process.exit(1);
});
