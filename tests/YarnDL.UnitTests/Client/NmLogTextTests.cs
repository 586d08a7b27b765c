using System.Text;
using YarnDL.Client.Jobs;

namespace YarnDL.UnitTests.Client;

public sealed class NmLogTextTests
{
    // NMWebServices.getLogs: LogToolUtils' header, the file's LogLength bytes, then "End of LogType:<file>." and a rule of '*'
    // (plus, once aggregated, the aggregated copy), as a 3.4 NodeManager answers /ws/v1/node/containerlogs/{container}/{file}.
    private const string Answer =
        "Container: container_e07_1796579136654_0003_01_000002 on localhost:45454\n"
        + "LogAggregationType: LOCAL\n"
        + "========================================================================\n"
        + "LogType:worker-0.stdout\n"
        + "LogLastModifiedTime:Sun Dec 06 17:50:29 +0000 2026\n"
        + "LogLength:21\n"
        + "LogContents:\n"
        + "epoch 1 loss 0.5 ✓\n"
        + "End of LogType:worker-0.stdout.This log file belongs to a running container (container_e07_1796579136654_0003_01_000002) and so may not be complete.\n"
        + "******************************************************************************\n\n";

    [Fact]
    public void A_real_nm_answer_keeps_only_the_log()
    {
        var log = NmLogText.Strip(Encoding.UTF8.GetBytes(Answer));

        Assert.Equal("epoch 1 loss 0.5 ✓\n", Encoding.UTF8.GetString(log));
    }

    [Fact]
    public void A_bare_file_is_kept_as_is()
    {
        var bytes = Encoding.UTF8.GetBytes("Container: is a word a log may start with\n");

        Assert.Equal(bytes, NmLogText.Strip(bytes));
    }
}
