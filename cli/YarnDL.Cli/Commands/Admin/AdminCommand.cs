using System.CommandLine;

namespace YarnDL.Cli.Commands.Admin;

/// <summary>The <c>yarndl admin</c> command group: cluster checks for administrators.</summary>
internal static class AdminCommand
{
    /// <param name="nodesCommand">
    /// The <c>admin nodes</c> subcommand (GPU inventory from the RM REST API). It is built where the REST client
    /// lives and handed in here; when null the group has only <c>check-config</c>.
    /// </param>
    public static Command Create(Command? nodesCommand = null)
    {
        var admin = new Command("admin", "Check and inspect a GPU YARN cluster's configuration");
        admin.Subcommands.Add(CheckConfigCommand.Create());
        if (nodesCommand is not null)
        {
            admin.Subcommands.Add(nodesCommand);
        }

        return admin;
    }
}
