// C-STORE of Part 10 files with dcmjs-dimse, each proposed in its own transfer syntax (and the uncompressed
// ones besides, as dcmjs-dimse does). Prints one status a file, in hex, on the last line.
// Usage: node storescu.js HOST PORT CALLED_AE CALLING_AE FILE...
const run = require('./client');
const { Client, requests } = require('dcmjs-dimse');

const [host, port, calledAe, callingAe, ...files] = process.argv.slice(2);
const client = new Client();
const statuses = [];
for (const file of files) {
  const request = new requests.CStoreRequest(file);
  request.on('response', (response) => statuses.push(response.getStatus()));
  client.addRequest(request);
}
run(client, host, port, callingAe, calledAe, () => {
  console.log(statuses.map((s) => '0x' + s.toString(16).padStart(4, '0')).join(' '));
});
