using System.CommandLine;

namespace YarnDL.Cli.Hosting;

internal static class CommandExtensions
{
    /// <summary>Adds <paramref name="options"/> in order (help lists them in this order).</summary>
    public static Command WithOptions(this Command command, params Option[] options)
    {
        foreach (var option in options)
        {
            command.Options.Add(option);
        }

        return command;
    }
}
