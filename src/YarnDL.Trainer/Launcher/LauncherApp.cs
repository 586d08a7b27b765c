using System.Globalization;
using YarnDL.TaskProtocol;
using YarnDL.Training.Cluster;

namespace YarnDL.Trainer.Launcher;

/// <summary><c>yarndl-trainer exec</c>: runs the program of a <c>command:</c> task as a member of its cluster. Reserves
/// the task's port, registers it with the AM and waits for the whole cluster, then runs the program with TF_CONFIG,
/// RANK/WORLD_SIZE/LOCAL_RANK/MASTER_ADDR/MASTER_PORT and YARNDL_TASK_PORT set, forwarding SIGTERM/SIGINT, heartbeating
/// while it runs (a Stop from the AM ends it), and posting its exit code as the task's result. Exits with the
/// program's exit code; 2 without a command or AM URL; 3 when the AM refuses the task; 1 when the AM cannot be reached.</summary>
internal sealed partial class LauncherApp(Func<string, string?> env, TextWriter stderr, TimeProvider time)
{
    /// <summary>How long a program asked to stop by the AM gets between SIGTERM and SIGKILL.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the launcher looks at the AM's latest heartbeat answer while the program runs.</summary>
    public TimeSpan CommandPoll { get; init; } = TimeSpan.FromMilliseconds(250);

    public async Task<int> RunAsync(IReadOnlyList<string> args, CancellationToken ct)
    {
        LaunchCommand command;
        TaskIdentity identity;
        Uri amUrl;
        try
        {
            command = LaunchCommand.Parse(args, env);
            amUrl = AmUrl();
            identity = Identity();
        }
        catch (Exception e) when (e is LauncherUsageException or TaskEnvValueException)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.BadConfig;
        }

        using var reservation = PortReservation.Reserve();
        var urlFile = env(TaskEnv.AmUrlFile);
        using var am = new AmTaskClient(amUrl, env(TaskEnv.Secret) ?? string.Empty, identity, time)
        {
            Rediscover = string.IsNullOrEmpty(urlFile) ? null : new AmUrlFile(urlFile, env).TryRead,
        };
        var host = env(TaskEnv.TaskHost) ?? env("NM_HOST") ?? "127.0.0.1";
        await stderr.WriteLineAsync($"exec: registering {identity} at {host}:{reservation.Port} with {amUrl}");
        ClusterSpecResponse spec;
        try
        {
            spec = await am.RegisterAsync(host, reservation.Port, ct);
        }
        catch (AmProtocolException e)
        {
            await stderr.WriteLineAsync($"error: {e.Message}");
            return ExitCodes.Refused;
        }
        catch (HttpRequestException e)
        {
            await stderr.WriteLineAsync($"error: the AM at {am.AmUrl} did not answer the registration of {identity}: {e.Message}; the AM may have ended, see its log");
            return ExitCodes.Failure;
        }

        var variables = LaunchVariables.For(spec.Cluster, identity.Role, identity.Index, reservation.Port);
        foreach (var (name, value) in variables)
        {
            await stderr.WriteLineAsync($"exec: {name}={value ?? "(unset)"}");
        }

        if (string.Equals(env(TaskEnv.PortReservation), "release", StringComparison.OrdinalIgnoreCase))
        {
            reservation.Release();
        }

        return await RunProgramAsync(command, variables, am, ct);
    }

    private Uri AmUrl()
    {
        var raw = env(TaskEnv.AmUrl);
        return Uri.TryCreate(raw, UriKind.Absolute, out var url)
            ? url
            : throw new LauncherUsageException($"{TaskEnv.AmUrl} is '{raw}', not an absolute URL: exec runs inside a container the YarnDL ApplicationMaster launched, which sets it");
    }

    private TaskIdentity Identity() => new(
        env(TaskEnv.ClusterId) ?? "main",
        env(TaskEnv.Role) ?? "worker",
        Number(TaskEnv.Index),
        Number(TaskEnv.Generation));

    private int Number(string name)
    {
        var raw = env(name) ?? "0";
        return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new LauncherUsageException($"{name} is '{raw}', not a non-negative integer");
    }
}
