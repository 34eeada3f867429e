#!/usr/bin/env bash
# Rotates the token signing key with no token refused (SPEC section 5):
#   deploy/rotate-keys.sh KEY_DIR [--restart systemd|compose]
# KEY_DIR holds jwt-private.pem, jwt-public.pem and jwt-previous.pem: /etc/videoclub/keys on a VM (as root),
# deploy/compose/secrets with compose. The current public key becomes jwt-previous.pem, a new pair is made, and auth
# is restarted (or told to be): it then signs with the new key and still accepts and publishes the previous one,
# whose tokens live at most AUTH_TOKEN_ACCESS_TTL (15 min). catalog reads auth's JWKS and re-reads it on the first
# token of the new key (catalog in PEM mode instead: add the new jwt-public.pem to its JWT_PUBLIC_KEY list and restart
# it before auth). Refuses to rotate again before the previous key's tokens have expired (ROTATE_MIN_INTERVAL_SECONDS,
# default 15 min + 30 s of clock skew), which would refuse them.
set -euo pipefail

dir=${1:?usage: rotate-keys.sh KEY_DIR [--restart systemd|compose]}
restart=${3:-}
[[ ${2:-} == --restart || -z ${2:-} ]] || { echo "rotate-keys: unknown option $2" >&2; exit 2; }
min_interval=${ROTATE_MIN_INTERVAL_SECONDS:-930}
cd "$dir"
[[ -f jwt-private.pem && -f jwt-public.pem ]] || { echo "rotate-keys: no jwt-private.pem / jwt-public.pem in $dir" >&2; exit 1; }

if [[ -f .rotated-at ]]; then
  age=$(( $(date +%s) - $(cat .rotated-at) ))
  if (( age < min_interval )); then
    echo "rotate-keys: the last rotation was ${age} s ago; tokens of the key it replaced may still be valid." >&2
    echo "rotate-keys: wait $(( min_interval - age )) s (ROTATE_MIN_INTERVAL_SECONDS=$min_interval)." >&2
    exit 1
  fi
fi

umask 077
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out jwt-private.pem.new 2>/dev/null
openssl pkey -in jwt-private.pem.new -pubout -out jwt-public.pem.new
chmod 600 jwt-private.pem.new
chmod 644 jwt-public.pem.new
cp -p jwt-public.pem jwt-previous.pem.new
# each file replaced at once (rename), the previous key first: at no moment is a signing key unpublished
mv -f jwt-previous.pem.new jwt-previous.pem
mv -f jwt-public.pem.new jwt-public.pem
mv -f jwt-private.pem.new jwt-private.pem
date +%s > .rotated-at
echo "rotate-keys: new signing key in $dir; the previous public key is jwt-previous.pem."

case $restart in
  systemd) systemctl restart videoclub-auth ;;
  compose) docker compose -f "$(dirname "${BASH_SOURCE[0]}")/compose/compose.yaml" restart auth ;;
  "") echo "rotate-keys: now restart auth (systemctl restart videoclub-auth, or docker compose restart auth)." ;;
  *) echo "rotate-keys: unknown restart mode $restart" >&2; exit 2 ;;
esac
