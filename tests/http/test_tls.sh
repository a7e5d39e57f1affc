# HTTPS with --tls-cert/--tls-key (a throwaway self-signed certificate):
# the session cookie gains Secure and responses carry HSTS.
. "$(dirname "$0")/lib.sh"
if ! command -v openssl > /dev/null; then echo "ok - # SKIP openssl not installed"; exit 0; fi
W=$T/w.ecx
"$ECX" init "$W" > /dev/null
add_user "$W" ada admin
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$T/key.pem" -out "$T/cert.pem" \
  -days 1 -subj /CN=127.0.0.1 > /dev/null 2>&1
expect_fail "a certificate without a key is refused" "$ECX" serve "$W" --tls-cert "$T/cert.pem"
start_server "$W" --tls-cert "$T/cert.pem" --tls-key "$T/key.pem"
expect_match "prints an https address" "$URL" '^https://127\.0\.0\.1:[0-9]+$'
: > "$T/j"
curl -sk -b "$T/j" -c "$T/j" "$URL/login" > "$T/login.html"
tok=$(sed -n 's/.*name="login_csrf" value="\([0-9a-f]*\)".*/\1/p' "$T/login.html")
st=$(curl -sk -o /dev/null -D "$T/h" -w '%{http_code}' -b "$T/j" -c "$T/j" \
     --data "login=ada&password=password-ada&login_csrf=$tok" "$URL/login")
expect_eq "login over TLS" "$st" "303"
expect_match "session cookie is Secure over TLS" "$(grep -i '^Set-Cookie: ecx_session' "$T/h")" 'HttpOnly; SameSite=Lax; Secure'
expect_match "HSTS header" "$(cat "$T/h")" 'Strict-Transport-Security: max-age='
st=$(curl -s -o /dev/null -w '%{http_code}' "http://${URL#https://}/login")
expect_eq "plain HTTP to the TLS port gets no page" "$st" "000"
# Every cookie over TLS is Secure: the login form's token too.
curl -sk -o /dev/null -D "$T/h2" "$URL/login"
expect_match "the login form's cookie is Secure over TLS" "$(grep -i '^Set-Cookie: ecx_login' "$T/h2")" 'HttpOnly; SameSite=Lax; Secure'
