# syntax=docker/dockerfile:1
# YarnDL ApplicationMaster image: ASP.NET Core 10 runtime + the published AM (yarndl-am on PATH). No CUDA:
# the AM never touches a GPU. Build from the repository root:
#   docker build -f docker/appmaster.Dockerfile -t registry.example.com/yarndl/am:0.1.0 .

ARG DOTNET_VERSION=10.0.12
ARG DOTNET_SDK_VERSION=10.0.401

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION}-noble AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/YarnDL.AppMaster/YarnDL.AppMaster.csproj -c Release -o /out/am --no-self-contained

FROM mcr.microsoft.com/dotnet/aspnet:${DOTNET_VERSION}-noble
COPY --from=build /out/am /opt/yarndl/am
COPY docker/entrypoint.sh /usr/local/bin/yarndl-entrypoint
COPY docker/yarndl-am /usr/local/bin/yarndl-am
RUN chmod -R a+rX /opt/yarndl \
 && chmod 0755 /usr/local/bin/yarndl-entrypoint /usr/local/bin/yarndl-am
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    YARNDL_DEFAULT_COMMAND=yarndl-am
USER 65534:65534
WORKDIR /tmp
ENTRYPOINT ["/usr/local/bin/yarndl-entrypoint"]
CMD ["yarndl-am"]
