# syntax=docker/dockerfile:1
# The CodegenBot container action: `codegen action` reads the GitHub event and the INPUT_* variables (action.yml).
#
# Build stage: the SDK image restores (central package versions, no lock file) and runs scripts/publish.sh, the
# same script CI smoke-tests, so the image holds exactly what CI checked.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
WORKDIR /src
# Build inputs only (.dockerignore keeps bin/obj/artifacts/.git/tests out). config/ and templates/ are embedded
# resources of CodegenBot.Core; eng/ holds the banned-API list; .editorconfig is enforced at build.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY eng/ eng/
COPY config/ config/
COPY templates/ templates/
COPY src/ src/
COPY scripts/publish.sh scripts/
# Restore with the publish's runtime and ReadyToRun so the Crossgen2 pack is fetched here; publish.sh's own
# restore is then a no-op.
RUN dotnet restore src/CodegenBot.Cli/CodegenBot.Cli.csproj -r linux-x64 -p:PublishReadyToRun=true
RUN bash scripts/publish.sh

# Runtime stage. Framework-dependent on mcr.microsoft.com/dotnet/runtime rather than self-contained on
# runtime-deps: the two are the same size to within a few MB (a self-contained publish carries the same ~80 MB
# runtime; docs/benchmarks.md "Container start-up and size"), and the shared runtime keeps Microsoft's
# servicing and ReadyToRun framework. .NET 10's default tag is Ubuntu 24.04 (glibc; Microsoft ships no Debian
# image for .NET 10). Not Alpine: LibGit2Sharp's bundled libgit2 for linux-x64 is linked against glibc, and musl
# would need a second native build (linux-musl-x64) and different git/ctags packages for no real size gain once
# git is installed. Not chiseled/distroless: the bot runs `git` and `ctags` as processes and needs apt.
FROM mcr.microsoft.com/dotnet/runtime:10.0 AS runtime
# git: worktrees and diagnostics where libgit2 lacks the feature; universal-ctags: symbols of non-C# files.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends git universal-ctags \
 && rm -rf /var/lib/apt/lists/*
# GitHub runs a docker action with the workspace (/github/workspace), $GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY and
# /github/home mounted from the runner, where they belong to the runner user: uid 1001 on GitHub-hosted runners.
# Running as uid 1001 (not root) lets the bot write them while keeping the workspace's files owned by the runner
# (no root-owned files left behind, no git "dubious ownership" refusal). On a self-hosted runner whose user has
# another uid the workspace must be writable by uid 1001 (docs/action.md, "Container").
RUN groupadd --gid 1001 codegen \
 && useradd --uid 1001 --gid 1001 --create-home --shell /usr/sbin/nologin codegen \
 && git config --system --add safe.directory /github/workspace
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
COPY --from=build /src/artifacts/publish/ /app/
USER 1001:1001
# No WORKDIR: GitHub mounts the workspace and makes it the working directory.
ENTRYPOINT ["/app/codegen", "action"]
