#!/bin/bash
# The broker of docker-compose.yml, closed: clients authenticate with SASL/SCRAM on the only listener other
# containers reach, and the authorizer allows each principal only what kafka-init's ACLs grant
# (deploy/kafka/init.sh). The controller listener answers on the container's loopback only, so the
# ANONYMOUS principal it sees is this broker talking to its own controller.
set -euo pipefail

secrets=/run/secrets/aduan
admin_password=$(cat "$secrets/admin-password")
config=/tmp/aduan-kafka/server.properties
mkdir -p "$(dirname "$config")"
chmod 0700 "$(dirname "$config")"

cat > "$config" <<PROPERTIES
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:9093
listeners=INTERNAL://:19092,CONTROLLER://127.0.0.1:9093
advertised.listeners=INTERNAL://kafka:19092
listener.security.protocol.map=INTERNAL:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=INTERNAL
controller.listener.names=CONTROLLER
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.internal.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:ANONYMOUS
allow.everyone.if.no.acl.found=false
auto.create.topics.enable=false
log.dirs=/var/lib/kafka/data
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
default.replication.factor=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
PROPERTIES

# The healthcheck's and kafka-init's client settings, as admin.
cat > /tmp/aduan-kafka/admin.properties <<PROPERTIES
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$admin_password";
PROPERTIES

# The admin's SCRAM credential must exist before anyone can log in, so it is written when the storage is
# formatted (first start); kafka-init adds every other principal's.
if [ ! -f /var/lib/kafka/data/meta.properties ]; then
  /opt/kafka/bin/kafka-storage.sh format --cluster-id "$CLUSTER_ID" --config "$config" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$admin_password]"
fi
exec /opt/kafka/bin/kafka-server-start.sh "$config"
