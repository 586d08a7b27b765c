using System.CommandLine;
using YarnDL.Cli.Hosting;
using YarnDL.Yarn.Rest;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.Cli.Commands;

/// <summary>What the verbs about one application (<c>status</c>, <c>wait</c>, <c>kill</c>) share: the application id
/// argument, the cluster options, and an RM client built from them, handed to the verb's body as an <see cref="AppCall"/>.</summary>
internal static class AppVerb
{
    public static void SetAction(Command command, CommonOptions common, CliServices services, Func<AppCall, Task<int>> body)
    {
        var app = (Argument<string>)command.Arguments[0];
        common.AddClusterOptions(command);
        CommandRunner.SetAction(command, common, (r, o, ct) =>
        {
            var options = common.RmOptions(r, services);
            return body(new AppCall(r, o, AppIdArgument.Get(r, app), options, services.RmClientFactory(options), ct));
        });
    }
}

/// <summary>One run of an application verb: the parse result, the output, the application id and the RM it asks.</summary>
internal sealed record AppCall(ParseResult Parse, TextWriter Out, string Id, RmClientOptions RmOptions, IRmRestClient Rm, CancellationToken Ct);
