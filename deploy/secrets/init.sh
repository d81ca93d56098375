#!/bin/sh
# secrets-init (docker-compose.yml): makes every secret of the deployment on first start, keeps them in the
# volume "secrets" (mounted here only) and copies to each container's own volume the secrets it uses, and
# no others. Runs on every `docker compose up`: a secret already made is kept, so to rotate one, delete or
# replace its file in /secrets and run `docker compose up -d` again (docs/security.md, "Deployment").
set -eu
umask 077

SERVICES="intake-service routing-service sla-service reporting-service"
# web-portal: the web app's citizen portal, which submits and tracks for people who do not log in (docs/web.md).
AUTH_CLIENTS="citizen-app:citizen coordinator:coordinator ombudsman:ombudsman web-portal:citizen"

# A random secret of 32 letters and digits, safe in URIs, JAAS lines and YAML without quoting; made once.
made() {
  if [ ! -s "/secrets/$1" ]; then
    # tr dies of SIGPIPE once head has its 32 characters, so the pipeline's status is not checked; the length is.
    tr -dc 'A-Za-z0-9' < /dev/urandom | head -c 32 > "/secrets/$1.new"
    [ "$(wc -c < "/secrets/$1.new")" -eq 32 ] || { echo "secrets-init: could not make $1" >&2; exit 1; }
    mv "/secrets/$1.new" "/secrets/$1"
    echo "secrets-init: made $1" >&2
  fi
  cat "/secrets/$1"
}

# Writes a consumer's copy; readable inside the one container that mounts that volume.
give() {
  mkdir -p "$(dirname "/out/$1")" && chmod 0755 "$(dirname "/out/$1")"
  cat > "/out/$1.new"
  # A secret that failed to be made upstream in the pipe arrives empty: refuse it rather than hand it out.
  [ -s "/out/$1.new" ] || { echo "secrets-init: nothing to write to $1" >&2; exit 1; }
  chmod 0444 "/out/$1.new"
  mv "/out/$1.new" "/out/$1"
}

made postgres-password | give postgres/postgres-password
made postgres-password | give intake-service/postgres-password

made mongo-root-password | give mongo/root-password
made mongo-root-password | give mongo-init/root-password
# Internal authentication of the replica set; mongod insists that only its own user can read the file.
made mongo-keyfile | give mongo/keyfile
chown 999:999 /out/mongo/keyfile && chmod 0400 /out/mongo/keyfile
for user in $SERVICES gateway; do
  made "mongo-$user-password" | give "mongo-init/$user-password"
  made "mongo-$user-password" | give "$user/mongo-password"
done

made kafka-admin-password | give kafka/admin-password
made kafka-admin-password | give kafka-init/admin-password
for user in $SERVICES; do
  made "kafka-$user-password" | give "kafka-init/$user-password"
  made "kafka-$user-password" | give "$user/kafka-password"
done
# One Kafka principal per agency that reads its own topic (docs/subscriptions.md): ADUAN_KAFKA_AGENCIES="32.73.DPUPR KEMENPU".
for agency in ${ADUAN_KAFKA_AGENCIES:-}; do
  made "kafka-agency-$agency-password" | give "kafka-init/agency-$agency-password"
done

made grafana-admin-password | give grafana/admin-password
# Keycloak's first admin, in the "keycloak" profile (deploy/keycloak/README.md).
made keycloak-admin-password | give keycloak/admin-password

# The authorization server's clients, one per role that has no login of its own; agencies' systems are
# added by editing /secrets/auth-server.yml. Ignored under the demo profile, which has its own clients.
if [ ! -s /secrets/auth-server.yml ]; then
  {
    echo '# The clients of the authorization server (auth-server application.yml, aduan.auth.clients), made by secrets-init.'
    echo 'spring.config.activate.on-profile: "!demo"'
    echo 'aduan.auth.clients:'
    for client in $AUTH_CLIENTS; do
      echo "  - id: ${client%%:*}"
      echo "    secret: $(made "auth-client-${client%%:*}-secret")"
      echo "    roles: [${client#*:}]"
    done
  } > /secrets/auth-server.yml.new
  mv /secrets/auth-server.yml.new /secrets/auth-server.yml
fi
# A file made before the web app existed lacks its client: appended to the clients list, which ends the file.
if ! grep -q '^  - id: web-portal$' /secrets/auth-server.yml; then
  printf '  - id: web-portal\n    secret: %s\n    roles: [citizen]\n' "$(made auth-client-web-portal-secret)" >> /secrets/auth-server.yml
fi
give auth-server/auth-server.yml < /secrets/auth-server.yml
# The web app's portal client secret; under the demo profile auth-server knows only the demo's (application-demo.yml).
case ",${ADUAN_AUTH_PROFILES:-}," in
  *,demo,*) printf 'web-portal-secret' | give web/portal-client-secret ;;
  *) made auth-client-web-portal-secret | give web/portal-client-secret ;;
esac
