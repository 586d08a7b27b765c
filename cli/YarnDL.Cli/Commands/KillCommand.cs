using System.CommandLine;
using YarnDL.Cli.Hosting;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl kill APP</c>.</summary>
internal static class KillCommand
{
    public static Command Create(CommonOptions common, CliServices services)
    {
        var app = AppIdArgument.Create();
        var reason = new Option<string?>("--reason") { Description = "Diagnostics recorded with the kill" };
        var command = new Command("kill", "Kill an application") { app, reason };
        command.Aliases.Add("stop");
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, async (r, o, ct) =>
        {
            var id = AppIdArgument.Get(r, app);
            var options = common.RmOptions(r, services);
            var rm = services.RmClientFactory(options);
            var state = await rm.KillApplicationAsync(id, r.GetValue(reason) ?? $"killed by {options.User ?? "yarndl"} with yarndl kill", ct: ct).ConfigureAwait(false);
            await o.WriteLineAsync($"{id} {state}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
