using System.Net;
using System.Text.Json;
using YarnDL.Hadoop;
using YarnDL.Hadoop.Security;
using YarnDL.Hadoop.Yarn;
using YarnDL.MiniCluster;

namespace YarnDL.Testing.MiniCluster;

/// <summary>
/// An application submitted over REST whose AM container is a shell script: it writes its environment to
/// <c>am.env</c> in <see cref="Dir"/> and waits until the test calls <see cref="Exit"/>. The test then plays the AM over IPC.
/// </summary>
public sealed class ShellAm
{
    private ShellAm(MiniYarnCluster cluster, string appId, string dir, IReadOnlyDictionary<string, string> env)
    {
        Cluster = cluster;
        AppId = appId;
        Dir = dir;
        Environment = env;
        TokenFile = env["HADOOP_TOKEN_FILE_LOCATION"];
        AmRmToken = TokenStorage.ReadFile(TokenFile).FindByKind(HadoopToken.AmRmTokenKind)
            ?? throw new InvalidOperationException("container_tokens has no AMRMToken");
    }

    public MiniYarnCluster Cluster { get; }

    public string AppId { get; }

    /// <summary>A scratch directory shared with the AM script (and with task commands the test starts).</summary>
    public string Dir { get; }

    /// <summary>The AM container's environment as the NM set it.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The container_tokens path (HADOOP_TOKEN_FILE_LOCATION).</summary>
    public string TokenFile { get; }

    public HadoopToken AmRmToken { get; }

    /// <summary>The RM scheduler address from the cluster's yarn-site.</summary>
    public IPEndPoint SchedulerEndPoint => IPEndPoint.Parse(Cluster.SchedulerAddress);

    /// <summary>Submits the shell AM and waits until it has written its environment.</summary>
    public static async Task<ShellAm> SubmitAsync(MiniYarnCluster cluster, HttpClient http, TimeSpan timeout)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        var dir = Directory.CreateTempSubdirectory("yarndl-shellam-").FullName;
        var script = $"env > '{dir}/am.env.tmp' && mv '{dir}/am.env.tmp' '{dir}/am.env'; while [ ! -e '{dir}/exit' ]; do sleep 0.1; done";
        var submission = $$"""
        {
          "application-id": "$ID",
          "application-name": "ipc-shell-am",
          "queue": "default",
          "max-app-attempts": 1,
          "application-type": "YARN",
          "resource": {"memory": 1024, "vCores": 1},
          "am-container-spec": {"commands": {"command": {{JsonSerializer.Serialize(script)}} } }
        }
        """;
        var appId = await http.SubmitAsync(submission).ConfigureAwait(false);
        var envFile = Path.Combine(dir, "am.env");
        await FileWaits.WaitForFileAsync(envFile, timeout).ConfigureAwait(false);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(envFile).ConfigureAwait(false))
        {
            var eq = line.IndexOf('=', StringComparison.Ordinal);
            if (eq > 0) env[line[..eq]] = line[(eq + 1)..];
        }

        return new ShellAm(cluster, appId, dir, env);
    }

    /// <summary>A client on the scheduler address authenticated with the AMRMToken (or <paramref name="auth"/>).</summary>
    public ApplicationMasterProtocolClient Connect(HadoopAuth? auth = null) => new(SchedulerEndPoint, auth ?? AmRmToken.ToAuth());

    /// <summary>Lets the AM script exit.</summary>
    public void Exit() => File.WriteAllText(Path.Combine(Dir, "exit"), "");
}
