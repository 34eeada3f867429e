#!/usr/bin/env bash
# Makes a self-signed TLS certificate for the gateway when none is given:
#   deploy/lib/self-signed-cert.sh DIR [HOSTNAME]
# writes DIR/videoclub.crt and DIR/videoclub.key (mode 0600), valid 825 days for HOSTNAME (default: this host's name)
# and localhost. Keeps existing files: put your own certificate (certbot, your CA) there instead and it is used.
set -euo pipefail
dir=$1
name=${2:-$(hostname -f 2>/dev/null || hostname)}
mkdir -p "$dir"
if [[ -f $dir/videoclub.crt && -f $dir/videoclub.key ]]; then
  exit 0
fi
(umask 077 && openssl req -x509 -newkey rsa:2048 -nodes -days 825 -subj "/CN=$name" \
  -addext "subjectAltName=DNS:$name,DNS:localhost,IP:127.0.0.1" \
  -keyout "$dir/videoclub.key" -out "$dir/videoclub.crt" 2>/dev/null)
chmod 0644 "$dir/videoclub.crt"
echo "Wrote a self-signed certificate for $name to $dir (browsers will warn; replace it with a real one)."
