// Runs a dcmjs-dimse client to its end: a network error or a rejected association exits the process
// (2, 3) with the reason on stderr; onClosed runs once the association is released.
module.exports = function run(client, host, port, callingAe, calledAe, onClosed) {
  client.on('networkError', (e) => {
    console.error('network error: ' + e);
    process.exit(2);
  });
  client.on('associationRejected', (reject) => {
    console.error('association rejected: ' + JSON.stringify(reject));
    process.exit(3);
  });
  client.on('closed', onClosed);
  client.send(host, parseInt(port, 10), callingAe, calledAe);
};
