# syntax=docker/dockerfile:1
# YarnDL trainer task image: CUDA 12 base + cuBLAS 12 + .NET 10 runtime + the published trainer (yarndl-trainer on PATH).
# Build from the repository root:
#   docker build -f docker/trainer.Dockerfile -t registry.example.com/yarndl/trainer:0.1.0 .
# GPUs come from the NodeManager's nvidia-docker plugin (runtime=nvidia, NVIDIA_VISIBLE_DEVICES); the driver
# libraries are injected by the NVIDIA container runtime, so the image carries no driver.
# What the GPU path loads: libcuda (the driver API; ILGPU compiles its kernels to PTX itself, so no nvrtc or toolkit)
# and libcublas.so.12 (GEMM). The CUDA base image plus the cuBLAS package is that, without the runtime image's other
# libraries (cuFFT, cuRAND, cuSOLVER, cuSPARSE, NPP, nvJPEG, NCCL).

ARG DOTNET_VERSION=10.0.12
ARG DOTNET_SDK_VERSION=10.0.401
ARG CUDA_IMAGE=nvidia/cuda:12.6.3-base-ubuntu24.04
ARG CUBLAS_PACKAGE=libcublas-12-6

FROM mcr.microsoft.com/dotnet/sdk:${DOTNET_SDK_VERSION}-noble AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/YarnDL.Trainer/YarnDL.Trainer.csproj -c Release -o /out/trainer --no-self-contained

FROM mcr.microsoft.com/dotnet/runtime:${DOTNET_VERSION}-noble AS dotnet

FROM ${CUDA_IMAGE}
ARG CUBLAS_PACKAGE
# bash runs YARN's launch_container.sh; ca-certificates for HTTPS data sources; cuBLAS from the CUDA apt repository
# the base image already lists. ILGPU opens the driver as "libcuda.so", which the NVIDIA runtime may inject only as
# libcuda.so.1: a link in a directory of our own (dangling until a GPU container starts) resolves either way.
RUN apt-get update \
 && apt-get install -y --no-install-recommends bash ca-certificates "${CUBLAS_PACKAGE}" \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /opt/yarndl/cuda \
 && ln -s "/usr/lib/$(uname -m)-linux-gnu/libcuda.so.1" /opt/yarndl/cuda/libcuda.so
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
    NVIDIA_DRIVER_CAPABILITIES=compute,utility \
    NVIDIA_REQUIRE_CUDA="cuda>=12.0" \
    LD_LIBRARY_PATH=/usr/local/nvidia/lib:/usr/local/nvidia/lib64:/opt/yarndl/cuda
# Outside YARN run as nobody; under YARN the NodeManager passes the job owner's uid:gid.
USER 65534:65534
WORKDIR /tmp
ENTRYPOINT ["/usr/local/bin/yarndl-entrypoint"]
CMD ["yarndl-trainer"]
