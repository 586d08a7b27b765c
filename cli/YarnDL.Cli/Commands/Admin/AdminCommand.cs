using System.CommandLine;

namespace YarnDL.Cli.Commands.Admin;

/// <summary>The <c>yarndl admin</c> command group: cluster checks for administrators.</summary>
internal static class AdminCommand
{
    /// <summary>Name and description, without subcommands: what the root's help lists (CliApp builds only the verb it runs).</summary>
    public static Command Declare() => new("admin", "Check and inspect a GPU YARN cluster's configuration");

    /// <param name="nodesCommand">
    /// The <c>admin nodes</c> subcommand (GPU inventory from the RM REST API). It is built where the REST client
    /// lives and handed in here; when null the group has only <c>check-config</c>.
    /// </param>
    /// <param name="getEnv">Environment lookup (<c>check-config</c> defaults <c>--conf-dir</c> to <c>$HADOOP_CONF_DIR</c>).</param>
    public static Command Create(Command? nodesCommand = null, Func<string, string?>? getEnv = null)
    {
        var admin = Declare();
        admin.Subcommands.Add(CheckConfigCommand.Create(getEnv));
        if (nodesCommand is not null)
        {
            admin.Subcommands.Add(nodesCommand);
        }

        return admin;
    }
}
