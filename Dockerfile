# syntax=docker/dockerfile:1
# ItssMonitor images, built from the repository root:
#   docker build -t itssmonitor .                      the server (the last stage, "app")
#   docker build -t itssmonitor-agent --target agent .  the agent, for another site
# Both come out of one build stage, so one restore and one compile serve both images.

# --- build: the SDK, plus Node and npm for the wall's client (the RestoreWallClient target runs `npm ci`).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN dotnet publish src/ItssMonitor.Server -c Release -o /out/server \
    && dotnet publish src/ItssMonitor.Agent -c Release -o /out/agent

# --- runtime: Debian with the ASP.NET Core runtime of the official image.
# The .NET 10 images are Ubuntu only, and Ubuntu's `chromium` package is a snap stub that cannot run in a
# container; Debian packages the real browser, which prints the SLA report PDFs. So the runtime is copied
# from mcr.microsoft.com/dotnet/aspnet:10.0 onto debian:trixie-slim with the libraries .NET needs, curl for the
# health check, and ping: .NET's Ping (the icmp probe) runs it when an unprivileged user may not open ICMP sockets.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS aspnet
FROM debian:trixie-slim AS runtime
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        ca-certificates curl iputils-ping libicu76 libssl3t64 tzdata zlib1g \
    && rm -rf /var/lib/apt/lists/*
COPY --from=aspnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet \
    && useradd --uid 1654 --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
    && mkdir -p /app/data && chown app:app /app/data
ENV DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_NOLOGO=true
WORKDIR /app

# --- agent: probes from another site and pushes to a server; it serves nothing, so no port and no browser.
# Its spool (samples kept while the server is unreachable) lives in /app/data.
FROM runtime AS agent
COPY --from=build /out/agent .
VOLUME ["/app/data"]
USER app
ENTRYPOINT ["dotnet", "ItssMonitor.Agent.dll"]

# --- app: the server, with Chromium for the SLA report PDFs (Reports:ChromiumPath=/usr/bin/chromium).
FROM runtime AS app
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-liberation \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/server .
ENV ASPNETCORE_URLS=http://+:8080 \
    Reports__ChromiumPath=/usr/bin/chromium
# SQLite files and the spool: data/ under the working directory (Storage:Sqlite:Path, Storage:Writer:SpoolDirectory).
VOLUME ["/app/data"]
EXPOSE 8080
USER app
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error --output /dev/null http://127.0.0.1:8080/healthz || exit 1
ENTRYPOINT ["dotnet", "ItssMonitor.Server.dll"]
