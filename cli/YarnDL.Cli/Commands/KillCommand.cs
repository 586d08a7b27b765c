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
        AppVerb.SetAction(command, common, services, async call =>
        {
            var why = call.Parse.GetValue(reason) ?? $"killed by {call.RmOptions.User ?? "yarndl"} with yarndl kill";
            var state = await call.Rm.KillApplicationAsync(call.Id, why, ct: call.Ct).ConfigureAwait(false);
            await call.Out.WriteLineAsync($"{call.Id} {state}").ConfigureAwait(false);
            return ExitCodes.Ok;
        });
        return command;
    }
}
