using System.CommandLine;
using YarnDL.Cli.Hosting;

namespace YarnDL.Cli.Commands;

/// <summary><c>yarndl kill APP</c>.</summary>
internal static class KillCommand
{
    /// <summary>Name, aliases, description and arguments, without options or action: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare()
    {
        var command = new Command("kill", "Kill an application") { AppIdArgument.Create() };
        command.Aliases.Add("stop");
        return command;
    }

    public static Command Create(CommonOptions common, CliServices services)
    {
        var reason = new Option<string?>("--reason") { Description = "Diagnostics recorded with the kill" };
        var command = Declare().WithOptions(reason);
        var app = (Argument<string>)command.Arguments[0];
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
