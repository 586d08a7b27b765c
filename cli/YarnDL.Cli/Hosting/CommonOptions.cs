using System.CommandLine;
using YarnDL.Yarn.Rest.Configuration;
using YarnDL.Yarn.Rest.Http;

namespace YarnDL.Cli.Hosting;

/// <summary>Options shared by every command (<c>--verbose</c> is recursive on the root; the rest are added per command).</summary>
internal sealed class CommonOptions
{
    public Option<bool> Verbose { get; } = new("--verbose", "-v") { Description = "Log details; print stack traces of internal errors", Recursive = true };

    public Option<string?> Rm { get; } = new("--rm") { Description = "ResourceManager URL(s), comma-separated (default: yarn-site.xml, else http://localhost:8088)" };

    public Option<string?> User { get; } = new("--user") { Description = "User for simple auth (default: the OS user)" };

    public Option<bool> Spnego { get; } = new("--kerberos") { Description = "Kerberos (SPNEGO) only: send no user.name; an RM's Negotiate challenge is answered from the ticket cache either way" };

    public Option<bool> Json { get; } = new("--json") { Description = "Machine-readable JSON output" };

    /// <summary>Adds the cluster connection options to <paramref name="command"/>.</summary>
    public void AddClusterOptions(Command command)
    {
        command.Options.Add(Rm);
        command.Options.Add(User);
        command.Options.Add(Spnego);
    }

    /// <summary>Resolves RM options from the parse result and environment (bad <c>--rm</c> or yarn-site.xml → FormatException → exit 2).
    /// Falling back to localhost:8088 is said on stderr, or told to <paramref name="onDefault"/>.</summary>
    public RmClientOptions RmOptions(ParseResult r, CliServices services, string? rmOverride = null, Action<string>? onDefault = null)
    {
        var spnego = r.GetValue(Spnego);
        return new RmClientOptions
        {
            Endpoints = RmEndpointResolver.Resolve(rmOverride ?? r.GetValue(Rm), services.GetEnv,
                onDefault ?? (line => r.InvocationConfiguration.Error.WriteLine("note: " + line))),
            User = spnego ? null : r.GetValue(User) ?? services.UserName,
            UseSpnego = spnego,
            DelegationToken = services.GetEnv("YARNDL_RM_DELEGATION_TOKEN"),
        };
    }

    public string UserOf(ParseResult r, CliServices services) => r.GetValue(User) ?? services.UserName;
}
