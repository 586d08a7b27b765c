using System.Net;
using System.Reflection;
using YarnDL.Hadoop;
using YarnDL.Spec;
using YarnDL.WebHdfs;
using YarnDL.Yarn.Rest.Errors;

namespace YarnDL.UnitTests;

/// <summary>Every exception YarnDL raises belongs to one family (<see cref="YarnDLException"/>), no two share a name, and
/// whether one is worth retrying is said by the exception itself.</summary>
public sealed class ExceptionFamilyTests
{
    /// <summary>Exceptions that must extend a type callers already catch: a broken ring peer is an I/O failure to the
    /// stream code around it, and a job.yaml value error travels through YamlDotNet's deserializer as its YamlException.</summary>
    private static readonly string[] OutsideTheFamily = ["RingProtocolException", "SpecValueException"];

    private static readonly string[] ProductAssemblies =
    [
        "YarnDL.Errors", "YarnDL.Spec", "YarnDL.Hadoop", "YarnDL.Yarn.Rest", "YarnDL.WebHdfs", "YarnDL.TaskProtocol", "YarnDL.Admin",
        "YarnDL.Client", "YarnDL.MiniCluster", "YarnDL.Training", "YarnDL.Trainer", "YarnDL.AppMaster", "yarndl",
    ];

    [Fact]
    public void Every_exception_type_of_the_product_derives_from_YarnDLException()
    {
        var strays = ExceptionTypes().Where(t => !typeof(YarnDLException).IsAssignableFrom(t) && !OutsideTheFamily.Contains(t.Name)).ToList();

        Assert.True(strays.Count == 0, "not in the YarnDLException family: " + string.Join(", ", strays.Select(t => t.FullName)));
    }

    [Fact]
    public void No_two_exception_types_share_a_name()
    {
        var clashes = ExceptionTypes().GroupBy(t => t.Name).Where(g => g.Count() > 1).Select(g => string.Join(" and ", g.Select(t => t.FullName))).ToList();

        Assert.True(clashes.Count == 0, "same name: " + string.Join("; ", clashes));
    }

    [Theory]
    [InlineData(HadoopExceptionNames.Standby, true)]
    [InlineData(HadoopExceptionNames.Retriable, true)]
    [InlineData("org.apache.hadoop.ipc.CallQueueManager$CallQueueOverflowException", true)]
    [InlineData(HadoopExceptionNames.InvalidToken, false)]
    [InlineData("org.apache.hadoop.yarn.exceptions.InvalidResourceRequestException", false)]
    public void A_remote_hadoop_error_is_transient_only_for_the_classes_hadoops_clients_retry(string className, bool transient) =>
        Assert.Equal(transient, new HadoopRemoteException(className, "m", null, isFatal: false).IsTransient);

    [Fact]
    public void Unreachable_endpoints_are_transient_and_bad_input_is_not()
    {
        Assert.True(new HadoopConnectionException("connection refused").IsTransient);
        Assert.True(new RmUnavailableException([new Uri("http://rm1:8088/")], "connection refused").IsTransient);
        Assert.True(new WebHdfsException(HttpStatusCode.ServiceUnavailable, null, "503").IsTransient);
        Assert.True(new WebHdfsException(HttpStatusCode.Forbidden, "StandbyException", "standby").IsTransient);
        Assert.False(new WebHdfsException(HttpStatusCode.NotFound, "FileNotFoundException", "gone").IsTransient);
        Assert.False(new JobSpecException("job.yaml", 3, 5, "roles.worker.gpus", "must be ≥ 0").IsTransient);
    }

    private static IEnumerable<Type> ExceptionTypes() =>
        ProductAssemblies.Select(n => Assembly.Load(new AssemblyName(n)))
            .SelectMany(a => a.GetTypes())
            .Where(t => typeof(Exception).IsAssignableFrom(t) && !t.IsAbstract);
}
