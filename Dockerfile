# One image per service: docker build --build-arg SERVICE=contract-service .
# Build the jars first with: mvn -B -DskipTests package
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN useradd --system --uid 10001 leverwatch
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}-*-exec.jar /app/service.jar
USER leverwatch
ENV JAVA_OPTS="-XX:MaxRAMPercentage=75"
EXPOSE 8080 8081 8082 8083
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS -jar /app/service.jar"]
