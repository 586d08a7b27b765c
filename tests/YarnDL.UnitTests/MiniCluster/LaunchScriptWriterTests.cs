using YarnDL.MiniCluster;
using YarnDL.MiniCluster.NodeManager.LaunchScript;

namespace YarnDL.UnitTests.MiniCluster;

/// <summary>Our launch script against the ones a real Hadoop 3.4.1 NodeManager wrote for the same containers
/// (Vectors/launch_container.*.sh, taken from its aggregated logs).</summary>
public sealed class LaunchScriptWriterTests
{
    private const string App = "application_1796579136654_0003";
    private const string AppDir = "/var/lib/hadoop-yarn/nm-local/usercache/root/appcache/" + App;
    private const string LogRoot = "/var/log/hadoop-yarn/containers/" + App;

    /// <summary>That cluster kept <c>yarn.nodemanager.env-whitelist</c> at its default; these are the NodeManager's own values.</summary>
    private static readonly IReadOnlyList<string> Whitelist = MiniClusterDefaults.EnvWhitelist;

    private static readonly Dictionary<string, string> NodeManagerEnv = new(StringComparer.Ordinal)
    {
        ["JAVA_HOME"] = "/usr/lib/jvm/java-17-openjdk-amd64",
        ["HADOOP_COMMON_HOME"] = "/opt/hadoop",
        ["HADOOP_HDFS_HOME"] = "/opt/hadoop",
        ["HADOOP_CONF_DIR"] = "/etc/hadoop/conf",
        ["HADOOP_YARN_HOME"] = "/opt/hadoop",
        ["HADOOP_HOME"] = "/opt/hadoop",
        ["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
        ["LANG"] = "C.UTF-8",
    };

    [Fact]
    public void Am_script_matches_the_one_Hadoop_wrote()
    {
        // The client's variables, then the two the RM's AMLauncher adds: where two names share a HashMap bucket the
        // earlier insertion comes first, as in the NodeManager.
        KeyValuePair<string, string>[] launchEnv =
        [
            new("YARNDL_JOB_FILE", "job.yaml"),
            new("YARNDL_SUBMIT_USER", "root"),
            new("YARNDL_STAGING_DIR", "/home/alice/.yarndl/staging/" + App),
            new("YARNDL_TASK_RUNTIME", "local"),
            new("YARNDL_TRAINER_COMMAND", "yarndl-trainer"),
            new("APPLICATION_WEB_PROXY_BASE", "/proxy/" + App),
            new("APP_SUBMIT_TIME_ENV", "1796579426249"),
        ];
        var links = new[] { new KeyValuePair<string, string>(AppDir + "/filecache/10/job.yaml", "job.yaml") };
        var script = Write("container_e07_1796579136654_0003_01_000001", launchEnv, links, "803,0,1,0,171",
            "dotnet /opt/yarndl/am/YarnDL.AppMaster.dll 1><LOG_DIR>/am.stdout 2><LOG_DIR>/am.stderr");

        AssertSameLines(Vector("launch_container.am.sh"), script);
    }

    [Fact]
    public void Worker_script_matches_the_one_Hadoop_wrote_quotes_and_all()
    {
        // Alphabetical on purpose: the writer must restore the NodeManager's order.
        var launchEnv = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["YARNDL_TASK_SECRET"] = "A5673FCFBCC275CCE882CDF75547648B1A87C382C0552111EE53E63CABD9681E",
            ["YARNDL_HPARAMS"] = "{\"learning-rate\":\"0.1\"}",
            ["YARNDL_GENERATION"] = "0",
            ["YARNDL_AM_URL"] = "http://localhost:40083/",
            ["YARNDL_INDEX"] = "0",
            ["YARNDL_ROLE"] = "worker",
            ["YARNDL_HP_LEARNING_RATE"] = "0.1",
            ["YARNDL_TRAINER"] = "{\"model\":\"mlp\",\"dataset\":\"digits\",\"epochs\":\"20\",\"batch-size\":\"32\",\"learning-rate\":\"0.1\",\"strategy\":\"allreduce\",\"ps-mode\":\"sync\",\"mode\":\"train\",\"optimizer\":\"sgd\",\"momentum\":\"0.9\",\"hidden\":\"256\",\"seed\":\"42\"}",
            ["YARNDL_AM_URL_FILE"] = "/home/alice/.yarndl/staging/" + App + "/am-url",
            ["YARNDL_CLUSTER_ID"] = "trial-0000",
            ["YARNDL_TASK_HOST"] = "localhost",
        };
        var script = Write("container_e07_1796579136654_0003_01_000002", launchEnv, [], "0,0,0,0,-6727226",
            "yarndl-trainer 1><LOG_DIR>/worker-0.stdout 2><LOG_DIR>/worker-0.stderr");

        AssertSameLines(Vector("launch_container.worker.sh"), script);
    }

    [Fact]
    public void Whitelisted_variable_set_by_the_container_is_written_as_its_own()
    {
        var env = new ContainerEnvironment([new("JAVA_HOME", "/opt/jdk")], n => NodeManagerEnv.GetValueOrDefault(n));

        Assert.DoesNotContain(env.Whitelisted(Whitelist), e => e.Key == "JAVA_HOME");
        Assert.Contains(env.Remaining, e => e.Key == "JAVA_HOME" && e.Value == "/opt/jdk");
    }

    [Fact]
    public void A_variable_is_exported_after_the_ones_its_value_refers_to()
    {
        // In HashMap order ZZ would come before A; A refers to ZZ and so must follow it.
        var ordered = EnvDependencies.Order([new("A", "$ZZ/bin:${B}"), new("B", "x"), new("ZZ", "/opt")]).Select(e => e.Key).ToList();

        Assert.True(ordered.IndexOf("ZZ") < ordered.IndexOf("A"));
        Assert.True(ordered.IndexOf("B") < ordered.IndexOf("A"));
    }

    [Theory]
    [InlineData("$PWD/x", "PWD")]
    [InlineData("${HOME}/y", "HOME")]
    [InlineData("'$QUOTED'", "QUOTED")]
    [InlineData("\"'$NOT'\"", "")]
    [InlineData("\\$ESCAPED", "")]
    public void Dependencies_are_read_as_inside_double_quotes(string value, string expected) =>
        Assert.Equal(expected, string.Join(',', EnvDependencies.Of(value)));

    private static string Write(string containerId, IEnumerable<KeyValuePair<string, string>> launchEnv,
        IReadOnlyList<KeyValuePair<string, string>> links, string counters, string command)
    {
        var logDir = LogRoot + "/" + containerId;
        var env = new ContainerEnvironment(launchEnv, n => NodeManagerEnv.GetValueOrDefault(n));
        env.AddNodeManagerVar("HADOOP_TOKEN_FILE_LOCATION", AppDir + "/" + containerId + "/container_tokens");
        env.AddAdminEnv();
        env.AddNodeManagerVar("CONTAINER_ID", containerId);
        env.AddNodeManagerVar("NM_PORT", "45454");
        env.AddNodeManagerVar("NM_HOST", "localhost");
        env.AddNodeManagerVar("NM_HTTP_PORT", "8042");
        env.AddNodeManagerVar("LOCAL_DIRS", AppDir);
        env.AddNodeManagerVar("LOCAL_USER_DIRS", "/var/lib/hadoop-yarn/nm-local/usercache/root/");
        env.AddNodeManagerVar("LOG_DIRS", logDir);
        env.AddNodeManagerVar("USER", "root");
        env.AddNodeManagerVar("LOGNAME", "root");
        env.AddNodeManagerVar("HOME", "/home/");
        env.AddNodeManagerVar("PWD", AppDir + "/" + containerId);
        env.AddNodeManagerVar("LOCALIZATION_COUNTERS", counters);
        env.AddNodeManagerVar("JVM_PID", "$$");
        var content = new LaunchScriptContent(logDir, env.Whitelisted(Whitelist), env.NodeManagerVars, env.Remaining, links,
            command.Replace("<LOG_DIR>", logDir, StringComparison.Ordinal));
        return LaunchScriptWriter.Write(content);
    }

    /// <summary>The aggregated log that carried the vector adds one blank line after the file's last newline.</summary>
    private static string Vector(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MiniCluster", "Vectors", name)).TrimEnd('\n') + "\n";

    private static void AssertSameLines(string expected, string actual)
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (var i = 0; i < Math.Min(e.Length, a.Length); i++)
        {
            Assert.True(e[i] == a[i], $"line {i + 1} differs:\nexpected: {e[i]}\nactual:   {a[i]}");
        }

        Assert.Equal(e.Length, a.Length);
    }
}
