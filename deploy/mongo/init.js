// mongo-init (docker-compose.yml), on every `docker compose up`: as root, starts the single-node replica set
// on first start, then gives each service a user of its own that reads and writes its own database only,
// with the password from its secret (so a rotated secret takes effect here; docs/security.md, "Deployment").
const fs = require('fs');
const secret = (name) => fs.readFileSync('/run/secrets/aduan/' + name, 'utf8').trim();

db.getSiblingDB('admin').auth('root', secret('root-password'));
try {
  rs.status();
} catch (e) {
  if (e.codeName !== 'NotYetInitialized') {
    throw e;
  }
  rs.initiate({_id: 'rs0', members: [{_id: 0, host: 'mongo:27017'}]});
}
while (!db.hello().isWritablePrimary) {
  sleep(500);
}

const databases = {
  'intake-service': 'aduan-intake',
  'routing-service': 'aduan-routing',
  'sla-service': 'aduan-sla',
  'reporting-service': 'aduan-reporting',
  'gateway': 'aduan-gateway',
};
for (const [user, name] of Object.entries(databases)) {
  const database = db.getSiblingDB(name);
  const account = {pwd: secret(user + '-password'), roles: [{role: 'readWrite', db: name}]};
  if (database.getUser(user)) {
    database.updateUser(user, account);
  } else {
    database.createUser({user, ...account});
  }
}
print('mongo-init: replica set and service users in place');
