using System.CommandLine;
using System.Text.Json;
using YarnDL.Cli.Hosting;
using YarnDL.Cli.Output;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl status APP [--json]</c>.</summary>
internal static class StatusCommand
{
    public static Command Create(CommonOptions common, CliServices services)
    {
        var app = AppIdArgument.Create();
        var command = new Command("status", "Show the state of an application") { app, common.Json };
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var id = AppIdArgument.Get(r, app);
            var rm = services.RmClientFactory(common.RmOptions(r, services));
            var report = await rm.GetApplicationAsync(id, ct).ConfigureAwait(false);
            if (r.GetValue(common.Json))
            {
                await o.WriteLineAsync(JsonSerializer.Serialize(report, CliJsonContext.Default.AppReport)).ConfigureAwait(false);
            }
            else
            {
                await AppTable.WriteStatusAsync(o, report).ConfigureAwait(false);
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
