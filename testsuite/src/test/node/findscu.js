// Study Root C-FIND with dcmjs-dimse: prints each pending response's identifier as one line of JSON
// (naturalized keywords), then the final status in hex on the last line.
// Usage: node findscu.js HOST PORT CALLED_AE CALLING_AE STUDY|SERIES|IMAGE '{"PatientID":"X*",...}'
const run = require('./client');
const { Client, requests, constants } = require('dcmjs-dimse');

const [host, port, calledAe, callingAe, level, keys] = process.argv.slice(2);
const elements = JSON.parse(keys);
const create = {
  STUDY: requests.CFindRequest.createStudyFindRequest,
  SERIES: requests.CFindRequest.createSeriesFindRequest,
  IMAGE: requests.CFindRequest.createImageFindRequest,
}[level];
const request = create(elements);
let last = null;
request.on('response', (response) => {
  if (response.getStatus() === constants.Status.Pending && response.hasDataset()) {
    console.log(JSON.stringify(response.getDataset().getElements()));
  } else {
    last = response.getStatus();
  }
});
const client = new Client();
client.addRequest(request);
run(client, host, port, callingAe, calledAe, () => {
  console.log(last === null ? 'none' : '0x' + last.toString(16).padStart(4, '0'));
});
