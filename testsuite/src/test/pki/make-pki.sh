#!/usr/bin/env bash
# The test suite's certificates, made fresh under $1 before the servers start (never committed):
#   ca.pem               the test CA, trusted by the server (trust.p12) and by the test's TLS peers
#   server.p12 / .pem    localhost (127.0.0.1), signed by the CA: the server's key, and the test syslog collector's
#   client.pem/.key      a DICOM node the CA vouches for (CN=TLSSCU)
#   rogue-client.*       a node signed by a CA nobody trusts
#   trust.p12            the CA alone, as a Java trust store
# Password of every store: changeit.
set -euo pipefail
out=${1:?usage: make-pki.sh DIR}
[ -n "$(find "$out/trust.p12" -mtime -20 2>/dev/null)" ] && exit 0 # valid 30 days: made again after 20
mkdir -p "$out"
cd "$out"
pw=changeit
days=30

ca() { # name subject
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.pem" \
    -days $days -subj "$2" -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign \
    2>/dev/null
}
leaf() { # name subject ca extensions
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$1.key" -out "$1.csr" -subj "$2" 2>/dev/null
  printf '%s\n' "$4" > "$1.ext"
  openssl x509 -req -in "$1.csr" -CA "$3.pem" -CAkey "$3.key" -CAcreateserial -days $days -out "$1.pem" \
    -extfile "$1.ext" 2>/dev/null
  openssl pkcs12 -export -inkey "$1.key" -in "$1.pem" -certfile "$3.pem" -name "$1" -passout pass:$pw \
    -out "$1.p12"
  rm -f "$1.csr" "$1.ext"
}

ca ca "/O=Beacon PACS tests/CN=Beacon Test CA"
ca rogue-ca "/O=Nobody/CN=Rogue CA"
leaf server "/O=Beacon PACS tests/CN=localhost" ca \
  "subjectAltName=DNS:localhost,IP:127.0.0.1
extendedKeyUsage=serverAuth,clientAuth"
leaf client "/O=Beacon PACS tests/CN=TLSSCU" ca "extendedKeyUsage=clientAuth"
leaf rogue-client "/O=Nobody/CN=ROGUESCU" rogue-ca "extendedKeyUsage=clientAuth"
keytool -importcert -noprompt -alias ca -file ca.pem -keystore trust.p12 -storetype PKCS12 -storepass $pw \
  >/dev/null 2>&1
