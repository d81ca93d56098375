# syntax=docker/dockerfile:1
# One image recipe for every Spring Boot module: docker build --build-arg MODULE=<module> -f deploy/service.Dockerfile .

FROM maven:3.9-eclipse-temurin-17 AS build
ARG MODULE
WORKDIR /build
COPY . .
# The Maven repository is a build cache shared by all modules' builds; locked, as concurrent writes can corrupt it.
RUN --mount=type=cache,id=aduan-maven-repository,target=/root/.m2/repository,sharing=locked \
    test -n "$MODULE" || { echo "Build argument MODULE is required" >&2; exit 1; }; \
    mvn -B -q -pl "$MODULE" -am -DskipTests package \
    && cp "$MODULE/target/$MODULE.jar" /build/app.jar

FROM eclipse-temurin:17-jre
# The compose healthchecks call curl, which Temurin's Ubuntu images ship; fail the build here if that ever changes.
# /data belongs to the service user: a named volume mounted there starts with this owner.
RUN command -v curl > /dev/null \
    && groupadd --system aduan \
    && useradd --system --gid aduan --no-create-home aduan \
    && mkdir /data && chown aduan:aduan /data
COPY --from=build /build/app.jar /app/app.jar
USER aduan
WORKDIR /app
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
