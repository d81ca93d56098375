#!/bin/bash
# kafka-init (docker-compose.yml): on every `docker compose up`, as admin, creates the topics, sets each
# service's SCRAM credential from its secret (so a rotated secret takes effect here) and grants each
# principal only what it needs: a service writes its own topic and dead letters and reads what it
# consumes, in its own consumer groups; an agency reads its own topic (docs/security.md, "Deployment").
# Every step is idempotent.
set -euo pipefail

secrets=/run/secrets/aduan
config=$(mktemp)
trap 'rm -f "$config"' EXIT
cat > "$config" <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$(cat "$secrets/admin-password")";
PROPERTIES
server=(--bootstrap-server kafka:19092 --command-config "$config")

scram_user() {
  /opt/kafka/bin/kafka-configs.sh "${server[@]}" --alter --entity-type users --entity-name "$1" \
    --add-config "SCRAM-SHA-512=[password=$(cat "$secrets/$1-password")]"
}

# Event and dead-letter topics keep everything (docs/events.md, "Retention"), also when created by an older init.
topic() {
  /opt/kafka/bin/kafka-topics.sh "${server[@]}" --create --if-not-exists --topic "$1" --partitions "$2" --replication-factor 1 \
    --config retention.ms=-1
  /opt/kafka/bin/kafka-configs.sh "${server[@]}" --alter --entity-type topics --entity-name "$1" --add-config retention.ms=-1
}

# allow "<principals>" "<resource options>" <operation...>, e.g. allow "sla-service" "--topic aduan.sla" Write
allow() {
  local principals=() operations=()
  for principal in $1; do principals+=(--allow-principal "User:$principal"); done
  for operation in "${@:3}"; do operations+=(--operation "$operation"); done
  # shellcheck disable=SC2086 # the resource options are words on purpose
  /opt/kafka/bin/kafka-acls.sh "${server[@]}" --add "${principals[@]}" $2 "${operations[@]}" > /dev/null
}

services="intake-service routing-service sla-service reporting-service"

# The event topics (contracts Topic: six partitions) and each consumer's dead letters.
for name in aduan.complaints aduan.routing aduan.sla; do topic "$name" 6; done
for service in $services; do
  scram_user "$service"
  topic "aduan.dlq.$service" 1
  allow "$service" "--topic aduan.dlq.$service" Write Describe DescribeConfigs
  allow "$service" "--group $service" Read
done
# Every service declares the three event topics at start (platform EventsAutoConfiguration): it may look at them.
# They also read the topics' settings, to see the retention is the one they need (they alter nothing here).
allow "$services" "--topic aduan.complaints --topic aduan.routing --topic aduan.sla" Describe DescribeConfigs

# Each event topic has one writer, the service its events name as their source (contracts Topic)...
allow intake-service "--topic aduan.complaints" Write
allow routing-service "--topic aduan.routing" Write
allow sla-service "--topic aduan.sla" Write
# ...and the readers its consumers name (each service's spring.cloud.stream.bindings).
allow "routing-service sla-service reporting-service" "--topic aduan.complaints" Read
allow "intake-service reporting-service" "--topic aduan.routing" Read
allow "intake-service routing-service reporting-service" "--topic aduan.sla" Read
allow routing-service "--group routing-service-agency-feed" Read
# Agency topics, created as routing first writes to an agency (docs/subscriptions.md).
# routing-service sets their retention (aduan.subscriptions.topic-retention) on older ones at start.
allow routing-service "--topic aduan.agency. --resource-pattern-type prefixed" Create Write Describe DescribeConfigs AlterConfigs

# ADUAN_KAFKA_AGENCIES="32.73.DPUPR KEMENPU": principal agency-<code> reads aduan.agency.<code> in groups agency-<code>-*.
for agency in ${ADUAN_KAFKA_AGENCIES:-}; do
  scram_user "agency-$agency"
  allow "agency-$agency" "--topic aduan.agency.$agency" Read Describe
  allow "agency-$agency" "--group agency-$agency- --resource-pattern-type prefixed" Read
done
echo "kafka-init: topics, SCRAM users and ACLs in place"
