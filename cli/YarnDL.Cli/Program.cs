using YarnDL.Cli.Hosting;

namespace YarnDL.Cli;

internal static class Program
{
    public static Task<int> Main(string[] args) =>
        CliApp.RunAsync(args, DefaultServices.Create(), Console.Out, Console.Error);
}
