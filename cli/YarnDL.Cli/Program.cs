using YarnDL.Cli.Hosting;

namespace YarnDL.Cli;

internal static class Program
{
    // Not async: help, version and parse errors run synchronously (CliApp.RunAsync), with no state machine to JIT;
    // the services are created only for a verb that runs. The root's help alone needs no command tree at all.
    public static int Main(string[] args) =>
        RootHelp.IsAsked(args)
            ? RootHelp.Write(Console.Out)
            : CliApp.RunAsync(args, DefaultServices.Create, Console.Out, Console.Error).GetAwaiter().GetResult();
}
