# syntax=docker/dockerfile:1
# YarnDL trainer task image: CUDA runtime + .NET 10 runtime + the published trainer (yarndl-trainer on PATH).
# Build from the repository root:
#   docker build -f docker/trainer.Dockerfile -t registry.example.com/yarndl/trainer:0.1.0 .
# GPUs come from the NodeManager's nvidia-docker plugin (runtime=nvidia, NVIDIA_VISIBLE_DEVICES); the driver
# libraries are injected by the NVIDIA container runtime, so the image carries no driver.

ARG DOTNET_VERSION=10.0.12
ARG DOTNET_SDK_VERSION=10.0.401
ARG CUDA_IMAGE=nvidia/cuda:12.6.3-runtime-ubuntu24.04

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION}-noble AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/YarnDL.Trainer/YarnDL.Trainer.csproj -c Release -o /out/trainer --no-self-contained

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}-noble AS dotnet

FROM ${CUDA_IMAGE}
# bash runs YARN's launch_container.sh; ca-certificates for HTTPS data sources.
RUN apt-get update \
 && apt-get install -y --no-install-recommends bash ca-certificates \
 && rm -rf /var/lib/apt/lists/*
COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
COPY --from=build /out/trainer /opt/yarndl/trainer
COPY docker/entrypoint.sh /usr/local/bin/yarndl-entrypoint
COPY docker/yarndl-trainer /usr/local/bin/yarndl-trainer
# Readable and runnable by any uid: YARN picks the uid at run time.
RUN chmod -R a+rX /opt/yarndl /usr/share/dotnet \
 && chmod 0755 /usr/local/bin/yarndl-entrypoint /usr/local/bin/yarndl-trainer
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    DOTNET_NOLOGO=1 \
    DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility
# Outside YARN run as nobody; under YARN the NodeManager passes the job owner's uid:gid.
USER 65534:65534
WORKDIR /tmp
ENTRYPOINT ["/usr/local/bin/yarndl-entrypoint"]
CMD ["yarndl-trainer"]
