{{/* The name every object of one service carries: <release>-<service>. */}}
{{- define "aduan.name" -}}
{{- printf "%s-%s" .root.Release.Name .service | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels on every object the chart makes. */}}
{{- define "aduan.labels" -}}
app.kubernetes.io/part-of: aduan
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* What selects one service's pods. */}}
{{- define "aduan.selector" -}}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/name: {{ .service }}
{{- end -}}

{{/* Names of the infrastructure the operators run. */}}
{{- define "aduan.kafka" -}}{{ .Release.Name }}-kafka{{- end -}}
{{- define "aduan.kafkaBootstrap" -}}{{ .Release.Name }}-kafka-kafka-bootstrap:9093{{- end -}}
{{- define "aduan.mongodb" -}}{{ .Release.Name }}-mongodb{{- end -}}
{{- define "aduan.postgresql" -}}{{ .Release.Name }}-postgresql{{- end -}}

{{/* The MongoDB database of a service, as in docker-compose.yml: aduan-intake, aduan-routing... */}}
{{- define "aduan.mongoDatabase" -}}aduan-{{ .service | trimSuffix "-service" }}{{- end -}}

{{/* The services behind the gateway, which only the gateway reaches. */}}
{{- define "aduan.backends" -}}intake-service routing-service sla-service reporting-service web{{- end -}}

{{/* Each service's HTTP port, fixed by its application.yml (docs/architecture.md). */}}
{{- define "aduan.port" -}}
{{- get (dict "auth-server" "9000" "intake-service" "8081" "routing-service" "8082" "sla-service" "8083" "reporting-service" "8084" "web" "8085" "gateway" "8080") . -}}
{{- end -}}

{{/*
How a service reaches Kafka: Strimzi's TLS listener, trusting the cluster CA, and with kafka.users its own
SCRAM-SHA-512 credentials from the Secret its KafkaUser got. Set both for Spring Kafka (producers, admin) and
for the Spring Cloud Stream binder (consumers, dead letters).
*/}}
{{- define "aduan.kafkaEnv" -}}
{{- $root := .root }}
{{- $settings := dict "SECURITY_PROTOCOL" (ternary "SASL_SSL" "SSL" $root.Values.kafka.users) "SSL_TRUSTSTORE_TYPE" "PEM" "SSL_TRUSTSTORE_LOCATION" "/etc/aduan/kafka-ca/ca.crt" }}
{{- if $root.Values.kafka.users }}
{{- $_ := set $settings "SASL_MECHANISM" "SCRAM-SHA-512" }}
{{- end }}
- name: SPRING_KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "aduan.kafkaBootstrap" $root }}
- name: SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS
  value: {{ include "aduan.kafkaBootstrap" $root }}
{{- range $prefix := list "SPRING_KAFKA_PROPERTIES" "SPRING_CLOUD_STREAM_KAFKA_BINDER_CONFIGURATION" }}
{{- range $key, $value := $settings }}
- name: {{ $prefix }}_{{ $key }}
  value: {{ $value | quote }}
{{- end }}
{{- if $root.Values.kafka.users }}
- name: {{ $prefix }}_SASL_JAAS_CONFIG
  valueFrom:
    secretKeyRef:
      name: {{ include "aduan.name" $ }}
      key: sasl.jaas.config
{{- end }}
{{- end }}
{{- end -}}

{{/* intake-service's event store (CloudNativePG's app user), files and mail. */}}
{{- define "aduan.intakeEnv" -}}
- name: SPRING_DATASOURCE_URL
  value: {{ printf "jdbc:postgresql://%s-rw:5432/aduan_intake" (include "aduan.postgresql" .) }}
- name: SPRING_DATASOURCE_USERNAME
  valueFrom:
    secretKeyRef:
      name: {{ include "aduan.postgresql" . }}-app
      key: username
- name: SPRING_DATASOURCE_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ include "aduan.postgresql" . }}-app
      key: password
# Attachments, the master key and the unsubscribe-link secret: on the volume every replica shares.
- name: ADUAN_DATA_DIR
  value: /data
- name: ADUAN_NOTIFICATIONS_PUBLIC_BASE_URL
  value: {{ .Values.publicUrls.gateway | quote }}
{{- with .Values.intake.mail }}
{{- if .host }}
- name: SPRING_MAIL_HOST
  value: {{ .host | quote }}
- name: SPRING_MAIL_PORT
  value: {{ .port | quote }}
{{- if .username }}
- name: SPRING_MAIL_USERNAME
  value: {{ .username | quote }}
{{- end }}
{{- if .passwordSecret }}
- name: SPRING_MAIL_PASSWORD
  valueFrom:
    secretKeyRef:
      name: {{ .passwordSecret }}
      key: password
{{- end }}
{{- end }}
{{- end }}
{{- end -}}

{{/*
The web app (docs/web.md): the address people open (the gateway's public one, which forwards its pages),
the API through the gateway inside the cluster, and the auth server, for browsers at its public address
and for the app inside the cluster.
*/}}
{{- define "aduan.webEnv" -}}
- name: ADUAN_WEB_PUBLIC_URL
  value: {{ .Values.publicUrls.gateway | quote }}
- name: ADUAN_WEB_API_URL
  value: {{ printf "http://%s:8080" (include "aduan.name" (dict "root" . "service" "gateway")) | quote }}
- name: ADUAN_WEB_AUTH_BROWSER_URL
  value: {{ .Values.publicUrls.auth | quote }}
- name: ADUAN_WEB_AUTH_SERVER_URL
  value: {{ printf "http://%s:9000" (include "aduan.name" (dict "root" . "service" "auth-server")) | quote }}
- name: ADUAN_WEB_AUTH_PORTAL_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.web.portalClient.existingSecret | default (printf "%s-web-portal" .Release.Name) }}
      key: secret
{{- end -}}
